package dev.roadie.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One section of a report: the delegate of {@code report.section('name') { ... }}, where {@code
 * figure}, {@code table}, {@code chart}, {@code text} and {@code trends} add to it in order. Every
 * value is turned into masked text as it is added, so a secret never sits in the report's memory in
 * the clear. Thread-safe.
 */
public final class Section {
  private final String title;
  private final List<Block> blocks = new ArrayList<>();
  private final Runnable changed;

  Section(String title, Runnable changed) {
    this.title = title;
    this.changed = changed;
  }

  String title() {
    return title;
  }

  synchronized List<Block> blocks() {
    return List.copyOf(blocks);
  }

  /** A key figure: {@code figure 'p95', '182 ms'}. */
  public Section figure(String label, Object value) {
    return figure(Map.of(), label, value);
  }

  /**
   * A key figure with a rating: {@code figure 'p95', '182 ms', status: 'warning'}; the status is
   * {@code ok}, {@code warning} (or {@code warn}) or {@code critical}, as {@code ops} rates
   * response times, so {@code status: check.level} works.
   */
  public Section figure(Map<String, ?> options, String label, Object value) {
    Options.allow(options, "figure '" + label + "'", "status");
    return add(
        new Block.Figure(Cells.text(label), Cells.text(value), Status.of(options.get("status"))));
  }

  /**
   * A table: {@code table(['service', 'p95'], rows)}, each row a list of cells in column order or a
   * map from column name to cell (a missing key is an empty cell). No rows renders as "no data".
   */
  public Section table(List<?> columns, List<?> rows) {
    String where = "table in section '" + title + "'";
    if (columns == null || columns.isEmpty()) {
      throw new IllegalArgumentException(
          where + ": give its columns, e.g. table(['name', 'value'], rows)");
    }
    List<String> header = columns.stream().map(Cells::text).toList();
    List<List<String>> cells = new ArrayList<>();
    int index = 0;
    for (Object row : rows == null ? List.of() : rows) {
      cells.add(row(row, columns, where + ", row " + index++));
    }
    return add(new Block.Table(header, cells));
  }

  /** A table of maps, its columns the keys of the rows in the order first seen. */
  public Section table(List<? extends Map<?, ?>> rows) {
    Map<Object, Boolean> columns = new LinkedHashMap<>();
    for (Map<?, ?> row : rows) {
      row.keySet().forEach(key -> columns.put(key, true));
    }
    if (columns.isEmpty()) {
      return add(new Block.Table(List.of(), List.of()));
    }
    return table(new ArrayList<>(columns.keySet()), rows);
  }

  private static List<String> row(Object row, List<?> columns, String where) {
    if (row instanceof Map<?, ?> map) {
      List<String> cells = new ArrayList<>();
      for (Object column : columns) {
        cells.add(
            Cells.text(
                map.containsKey(column) ? map.get(column) : map.get(String.valueOf(column))));
      }
      return cells;
    }
    if (row instanceof List<?> list) {
      if (list.size() != columns.size()) {
        throw new IllegalArgumentException(
            where + " has " + list.size() + " cells for " + columns.size() + " columns " + columns);
      }
      return list.stream().map(Cells::text).toList();
    }
    throw new IllegalArgumentException(
        where + ": a row is a list of cells or a map by column name, got " + row);
  }

  /** A chart without series yet: renders as "no data". */
  public Section chart(String chartTitle) {
    return chart(Map.of(), chartTitle);
  }

  /**
   * A chart: {@code chart('Response time', series: [p95: points], type: 'line', yLabel: 'ms')}.
   * Points are {@code [time, value]} pairs or objects with {@code time} and {@code value}; a {@code
   * bar} chart takes {@code [label, value]}. A chart without points renders as "no data".
   */
  public Section chart(Map<String, ?> options, String chartTitle) {
    String where = "chart '" + chartTitle + "'";
    Options.allow(options, where, "series", "type", "yLabel");
    ChartType type = ChartType.of(options.get("type"));
    Object given = options.get("series");
    if (given != null && !(given instanceof Map)) {
      throw new IllegalArgumentException(
          where + ": series is a map from name to points, e.g. series: [p95: points]");
    }
    List<Series> series = new ArrayList<>();
    if (given instanceof Map<?, ?> map) {
      map.forEach(
          (name, points) ->
              series.add(
                  Points.of(Cells.text(name), points, type, where + ", series '" + name + "'")));
    }
    Object yLabel = options.get("yLabel");
    return add(
        new Block.Chart(
            Cells.text(chartTitle), type, yLabel == null ? "" : Cells.text(yLabel), series));
  }

  /**
   * Free text, Markdown: kept as written in report.md, rendered in report.html with any raw HTML in
   * it shown as text and links to {@code javascript:} and the like made inert.
   */
  public Section text(Object text) {
    return add(new Block.Text(Cells.markdown(text)));
  }

  /**
   * The trends of a metrics log: {@code trends ops.metricsLog(file).trends(window: '7d')} adds the
   * number of samples, a table of every metric (samples, average, min, max, p95), a line chart per
   * metric, and what could not be read; a window without samples says so instead. Takes anything of
   * that shape (read by property), so the report does not depend on {@code ops}.
   */
  public Section trends(Object trends) {
    TrendsBlocks.add(this, "trends in section '" + title + "'", trends);
    return this;
  }

  private Section add(Block block) {
    synchronized (this) {
      blocks.add(block);
    }
    changed.run();
    return this;
  }
}
