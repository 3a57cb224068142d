package dev.roadie.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One named series of a chart.
 *
 * @param points for a line chart x is an {@link Instant}; for a bar chart a label
 */
record Series(String name, List<Point> points) {
  Series {
    Objects.requireNonNull(name, "name");
    points = List.copyOf(points);
  }

  /** One point: {@code x} is an {@link Instant} or a {@link String} label. */
  record Point(Object x, double y) {}
}
