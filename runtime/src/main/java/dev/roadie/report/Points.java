package dev.roadie.report;

import dev.roadie.report.Series.Point;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.codehaus.groovy.runtime.InvokerHelper;

/**
 * Reads a series' points as a playbook gives them: {@code [time, value]} pairs, maps, or any object
 * with {@code time} and {@code value} properties (so the points of {@code ops} trends plug in as
 * they are). A time is an {@link Instant}, {@link OffsetDateTime}, {@link ZonedDateTime}, {@link
 * Date} or epoch milliseconds; a bar chart's x may be any label. A null value is a gap.
 */
final class Points {
  private Points() {}

  /** Points this far in the past or future are a unit mistake, and XChart's time axis hangs. */
  private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");

  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

  /**
   * The series {@code name} of the points given. A value of NaN or an infinity (a 0/0 upstream, an
   * average of nothing) is left out, not drawn and not failed on: the series keeps which points,
   * and the report says so under the chart.
   */
  static Series of(String name, Object points, ChartType type, String where) {
    if (points == null) {
      return new Series(name, List.of(), List.of());
    }
    if (!(points instanceof Iterable<?> items)) {
      throw new IllegalArgumentException(
          where + ": points must be a list of [time, value] pairs, got " + describe(points));
    }
    List<Point> result = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    int index = 0;
    for (Object item : items) {
      String at = where + ", point " + index++;
      Object x;
      Object y;
      if (item instanceof List<?> pair) {
        if (pair.size() != 2) {
          throw new IllegalArgumentException(
              at + ": a point is [time, value], got " + pair.size() + " items");
        }
        x = pair.get(0);
        y = pair.get(1);
      } else if (item instanceof Map<?, ?> map) {
        x = map.containsKey("time") ? map.get("time") : map.get("label");
        y = map.get("value");
      } else if (item != null) {
        x = property(item, "time", at);
        y = property(item, "value", at);
      } else {
        throw new IllegalArgumentException(at + ": a point is [time, value], got null");
      }
      if (y == null) {
        continue;
      }
      if (!(y instanceof Number number)) {
        throw new IllegalArgumentException(at + ": the value must be a number, got " + describe(y));
      }
      Object xValue = type == ChartType.LINE ? time(x, at) : label(x);
      double value = number.doubleValue();
      if (Double.isFinite(value)) {
        result.add(new Point(xValue, value));
      } else {
        leftOut.add("point " + (index - 1) + " (" + value + ")");
      }
    }
    return new Series(name, result, leftOut);
  }

  private static Object property(Object item, String name, String at) {
    try {
      return InvokerHelper.getProperty(item, name);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          at
              + ": a point is [time, value] or has time and value properties; "
              + describe(item)
              + " has no "
              + name);
    }
  }

  private static Instant time(Object x, String at) {
    Instant time = instant(x, at);
    if (time.isBefore(FIRST) || time.isAfter(LAST)) {
      throw new IllegalArgumentException(
          at
              + ": the time "
              + time
              + " is outside the years 1 to 9999"
              + (x instanceof Number
                  ? "; a number is epoch milliseconds: was " + x + " in micro- or nanoseconds?"
                  : ""));
    }
    return time;
  }

  private static Instant instant(Object x, String at) {
    if (x instanceof Instant instant) {
      return instant;
    }
    if (x instanceof OffsetDateTime || x instanceof ZonedDateTime) {
      return Instant.from((TemporalAccessor) x);
    }
    if (x instanceof Date date) {
      return date.toInstant();
    }
    if (x instanceof Number millis) {
      return Instant.ofEpochMilli(millis.longValue());
    }
    throw new IllegalArgumentException(
        at
            + ": a line chart's time must be an Instant, OffsetDateTime, ZonedDateTime, Date or"
            + " epoch milliseconds, got "
            + describe(x)
            + "; for labels use type: 'bar'");
  }

  private static String label(Object x) {
    return Cells.text(x);
  }

  private static String describe(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName() + " " + Cells.text(value);
  }
}
