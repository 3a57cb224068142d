package dev.roadie.ops.logs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The trends of a metrics log over a window, from {@code ops.metricsLog(file).trends(window:
 * '7d')}: every metric found, by its key in the log.
 *
 * @param metrics by key ({@code response_ms}, {@code memory_mb}, {@code connections}...), sorted
 * @param samples lines in the window with at least one metric
 * @param badValues {@code key=value} pairs whose value is not a number of 0 or more, skipped
 * @param problems files that could not be read (to the end), with the reason
 */
public record Trends(
    Instant from,
    Instant to,
    Duration bucket,
    Map<String, MetricTrend> metrics,
    long samples,
    long badValues,
    List<String> files,
    List<String> problems,
    long millis) {
  public static final String RESPONSE_TIME = "response_ms";
  public static final String MEMORY = "memory_mb";
  public static final String CONNECTIONS = "connections";

  /** A metric by its key; null when the window holds no sample of it. */
  public MetricTrend metric(String key) {
    return metrics.get(key);
  }

  /** {@code response_ms}. */
  public MetricTrend responseTime() {
    return metric(RESPONSE_TIME);
  }

  /** {@code memory_mb}. */
  public MetricTrend memory() {
    return metric(MEMORY);
  }

  /** {@code connections}. */
  public MetricTrend connections() {
    return metric(CONNECTIONS);
  }

  @Override
  public String toString() {
    if (metrics.isEmpty()) {
      return "no metric samples from " + from + " to " + to + " in " + files.size() + " files";
    }
    return samples
        + " samples from "
        + from
        + " to "
        + to
        + ": "
        + metrics.values().stream().map(MetricTrend::toString).collect(Collectors.joining("; "));
  }
}
