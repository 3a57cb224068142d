package dev.roadie.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * report.md: titles and cells are escaped (a {@code |} cannot break a table, a {@code <script>}
 * stays text), free text is kept as the playbook wrote it.
 */
final class MarkdownReport {
  static final DateTimeFormatter WRITTEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** CommonMark lets any ASCII punctuation be escaped; these are the ones that change meaning. */
  private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_\\[\\]<>|&#~!]");

  private final Drawings drawings;
  private final StringBuilder out = new StringBuilder();

  MarkdownReport(Drawings drawings) {
    this.drawings = drawings;
  }

  String render(Contents contents) {
    out.append("# ").append(inline(contents.title())).append("\n\n");
    out.append("Run ")
        .append(inline(contents.runId()))
        .append(" of playbook ")
        .append(inline(contents.playbook()))
        .append(", written ")
        .append(WRITTEN.format(contents.writtenAt()))
        .append(".\n\n");
    if (contents.dryRun()) {
      out.append("**Dry run**: changes were planned, not made.\n\n");
    }
    for (Contents.Part part : contents.sections()) {
      out.append("## ").append(inline(part.title())).append("\n\n");
      Block previous = null;
      for (Block block : part.blocks()) {
        if (previous instanceof Block.Figure && !(block instanceof Block.Figure)) {
          out.append('\n');
        }
        if (block instanceof Block.Figure f) {
          figure(f);
        } else if (block instanceof Block.Table t) {
          table(t);
        } else if (block instanceof Block.Chart c) {
          chart(c);
        } else if (block instanceof Block.Text t) {
          out.append(t.text().strip()).append("\n\n");
        }
        previous = block;
      }
      if (previous instanceof Block.Figure) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private void figure(Block.Figure figure) {
    out.append("- **").append(inline(figure.label())).append("**: ").append(inline(figure.value()));
    if (figure.status() != null) {
      out.append(" (").append(figure.status().label()).append(')');
    }
    out.append('\n');
  }

  private void table(Block.Table table) {
    if (table.rows().isEmpty()) {
      out.append("_No data._\n\n");
      return;
    }
    row(table.columns());
    out.append('|').append(" --- |".repeat(table.columns().size())).append('\n');
    table.rows().forEach(this::row);
    out.append('\n');
  }

  private void row(List<String> cells) {
    out.append('|');
    for (String cell : cells) {
      out.append(' ').append(inline(cell)).append(" |");
    }
    out.append('\n');
  }

  private void chart(Block.Chart chart) {
    Drawings.Image image = drawings.image(chart);
    String failure = drawings.failure(chart);
    if (failure != null) {
      out.append("**")
          .append(inline(chart.title()))
          .append("**: _chart could not be drawn: ")
          .append(inline(failure))
          .append("_\n\n");
    } else if (image == null) {
      out.append("**").append(inline(chart.title())).append("**: _no data._\n\n");
    } else {
      out.append("![")
          .append(inline(chart.title()))
          .append("](")
          .append(image.file())
          .append(")\n\n");
    }
    for (String note : chart.notes()) {
      out.append('_').append(inline(note)).append("_\n\n");
    }
  }

  /** Text on one line with Markdown's special characters escaped. */
  static String inline(String text) {
    String oneLine = text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    return SPECIAL.matcher(oneLine).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
  }
}
