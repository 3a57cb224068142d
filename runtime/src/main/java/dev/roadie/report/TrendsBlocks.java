package dev.roadie.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.codehaus.groovy.runtime.InvokerHelper;

/**
 * {@code trends t} in a section: the trends of a metrics log as a figure, a table of every metric
 * and a chart per metric. Read by their properties, the way points are, so the report needs nothing
 * of {@code ops} but the shape of what {@code ops.metricsLog(file).trends(...)} returns: {@code
 * metrics} (key to metric: name, count, average, min, max, p95, series of time and value), {@code
 * samples}, and when there, {@code from}, {@code to}, {@code files}, {@code badValues} and {@code
 * problems}.
 */
final class TrendsBlocks {
  private static final String SHAPE =
      "trends takes what ops.metricsLog(file).trends(window: '7d') returns";

  private final Section section;
  private final String where;

  private TrendsBlocks(Section section, String where) {
    this.section = section;
    this.where = where;
  }

  static void add(Section section, String where, Object trends) {
    new TrendsBlocks(section, where).add(trends);
  }

  private void add(Object trends) {
    if (trends == null) {
      throw new IllegalArgumentException(where + ": " + SHAPE + ", got null");
    }
    Object metrics = property(trends, "metrics", "trends");
    if (!(metrics instanceof Map<?, ?> byKey)) {
      throw new IllegalArgumentException(
          where + ": " + SHAPE + "; its metrics are not a map by key: " + describe(metrics));
    }
    Object samples = property(trends, "samples", "trends");
    if (byKey.isEmpty()) {
      section.text(empty(trends));
    } else {
      section.figure("samples", samples);
      List<List<Object>> rows = new ArrayList<>();
      byKey.forEach((key, metric) -> rows.add(row(key, metric)));
      section.table(List.of("metric", "samples", "average", "min", "max", "p95"), rows);
      byKey.forEach(
          (key, metric) ->
              section.chart(
                  Map.of(
                      "series",
                      Map.of(key, property(metric, "series", "metric '" + key + "'")),
                      "type",
                      "line",
                      "yLabel",
                      key),
                  String.valueOf(key)));
    }
    Object badValues = optional(trends, "badValues");
    if (badValues instanceof Number n && n.longValue() > 0) {
      section.text(
          escaped(
              (n.longValue() == 1 ? "1 value was" : n + " values were")
                  + " skipped: not a number of 0 or more (key=value, one a line)."));
    }
    if (optional(trends, "problems") instanceof Collection<?> problems) {
      problems.forEach(p -> section.text(escaped("Not read to the end: " + Cells.text(p))));
    }
  }

  private List<Object> row(Object key, Object metric) {
    String what = "metric '" + key + "'";
    Object name = property(metric, "name", what);
    Object count = property(metric, "count", what);
    Object average = property(metric, "average", what);
    return List.of(
        name,
        count,
        average instanceof Number n ? String.format(Locale.ROOT, "%.1f", n.doubleValue()) : average,
        property(metric, "min", what),
        property(metric, "max", what),
        property(metric, "p95", what));
  }

  private static String empty(Object trends) {
    StringBuilder text = new StringBuilder("No metric samples");
    Object from = optional(trends, "from");
    Object to = optional(trends, "to");
    if (from != null && to != null) {
      text.append(" from ").append(Cells.text(from)).append(" to ").append(Cells.text(to));
    }
    if (optional(trends, "files") instanceof Collection<?> files && !files.isEmpty()) {
      text.append(" in ").append(String.join(", ", files.stream().map(Cells::text).toList()));
    }
    return escaped(text.append('.').toString());
  }

  /** Text of the report's own, as Markdown that shows it as it is (a path's _ or * included). */
  private static String escaped(String text) {
    return MarkdownReport.inline(Cells.text(text));
  }

  /** A property that must be there: a map without the key, or a null, is as good as none. */
  private Object property(Object owner, String name, String what) {
    Object value = optional(owner, name);
    if (value == null) {
      throw new IllegalArgumentException(
          where + ": " + SHAPE + "; " + what + " has no " + name + ": " + describe(owner));
    }
    return value;
  }

  private static Object optional(Object owner, String name) {
    try {
      return InvokerHelper.getProperty(owner, name);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    String text = Cells.text(value);
    return value.getClass().getSimpleName()
        + " "
        + (text.length() > 80 ? text.substring(0, 80) + "..." : text);
  }
}
