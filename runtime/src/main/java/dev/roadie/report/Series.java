package dev.roadie.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One named series of a chart.
 *
 * @param points for a line chart x is an {@link Instant}; for a bar chart a label
 * @param leftOut the points given with a value that cannot be drawn (NaN, an infinity), as {@code
 *     point 3 (NaN)}, in the order given
 */
record Series(String name, List<Point> points, List<String> leftOut) {
  Series {
    Objects.requireNonNull(name, "name");
    points = List.copyOf(points);
    leftOut = List.copyOf(leftOut);
  }

  /** One point: {@code x} is an {@link Instant} or a {@link String} label. */
  record Point(Object x, double y) {}
}
