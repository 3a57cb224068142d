package dev.roadie.report;

import java.util.List;
import java.util.Objects;

/** One piece of a section, in the order the playbook added it. Texts are already masked. */
sealed interface Block {

  /** A key figure: {@code p95 = 182 ms}, optionally rated. */
  record Figure(String label, String value, Status status) implements Block {
    public Figure {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(value, "value");
    }
  }

  /** A table of text cells; every row has as many cells as there are columns. */
  record Table(List<String> columns, List<List<String>> rows) implements Block {
    public Table {
      columns = List.copyOf(columns);
      rows = rows.stream().map(List::copyOf).toList();
    }
  }

  /** A chart; its series may be empty, which renders as "no data". */
  record Chart(String title, ChartType type, String yLabel, List<Series> series) implements Block {
    public Chart {
      series = List.copyOf(series);
    }

    boolean hasData() {
      return series.stream().anyMatch(s -> !s.points().isEmpty());
    }

    /** What the chart does not show, a line per series that lost points: shown beneath it. */
    List<String> notes() {
      return series.stream()
          .filter(s -> !s.leftOut().isEmpty())
          .map(
              s ->
                  "series '"
                      + s.name()
                      + "': "
                      + s.leftOut().size()
                      + (s.leftOut().size() == 1 ? " point" : " points")
                      + " left out, not a finite number: "
                      + String.join(", ", s.leftOut().subList(0, Math.min(5, s.leftOut().size())))
                      + (s.leftOut().size() > 5 ? "..." : ""))
          .toList();
    }
  }

  /** Free text, Markdown: kept as written in report.md, rendered in report.html. */
  record Text(String text) implements Block {}
}
