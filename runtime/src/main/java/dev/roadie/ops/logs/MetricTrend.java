package dev.roadie.ops.logs;

import java.util.List;

/**
 * One metric over a window: its samples' average, min, max and 95th percentile, and a series of
 * bucket averages to draw.
 *
 * @param p95 from an HdrHistogram of the samples with 3 significant digits: within 0.1% of the
 *     exact 95th percentile, in bounded memory whatever the number of samples
 * @param series one point per bucket that has samples, oldest first; empty buckets have no point
 */
public record MetricTrend(
    String name,
    long count,
    double average,
    double min,
    double max,
    double p95,
    List<Point> series) {
  public MetricTrend {
    series = List.copyOf(series);
  }

  @Override
  public String toString() {
    return String.format(
        "%s: avg %.2f, min %.2f, max %.2f, p95 %.2f (%d samples)",
        name, average, min, max, p95, count);
  }
}
