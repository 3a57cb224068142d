package dev.roadie.ops.logs;

import dev.roadie.ops.logs.LogFiles.LogFile;
import dev.roadie.ops.logs.MetricsTally.Metric;
import dev.roadie.ops.logs.ParallelScan.Part;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ops.metricsLog(file)}: a log of samples, one line each: a time (as in any log) then {@code
 * key=value} pairs, {@code 2026-11-23T10:00:00Z response_ms=12.5 memory_mb=512 connections=34}. The
 * file's rotated siblings ({@code metrics.log.1}, {@code metrics.log.2.gz}) are read with it; given
 * a directory, every log file in it is. Reading only.
 */
public final class MetricsLog {
  private final Path file;

  public MetricsLog(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  /** The trends of the last 7 days, in hourly buckets. */
  public Trends trends() {
    return trends(Map.of());
  }

  /**
   * The trends of every metric over {@code window:} (default 7d): average, min, max and p95, and a
   * series of averages in buckets of {@code bucket:} (default 1h, at whole hours) to draw. A number
   * that is not one, or is negative, is counted in {@link Trends#badValues} and skipped. Durations
   * as {@code '7d'}, a {@link java.time.Duration} or TimeCategory's {@code 7.days}.
   *
   * @throws dev.roadie.ops.OpsException when the file or directory does not exist, or an option is
   *     wrong
   */
  public Trends trends(Map<String, ?> options) {
    return trends(options, Instant.now());
  }

  Trends trends(Map<String, ?> options, Instant now) {
    long started = System.nanoTime();
    MetricsQuery query = MetricsQuery.of(options, now);
    List<LogFile> files =
        LogFiles.rotatedSet(file, MetricsQuery.CALL).stream()
            .filter(f -> !f.modified().isBefore(query.from()))
            .toList();
    List<Part<MetricsTally>> parts =
        ParallelScan.run(files, query.threads(), () -> new MetricsTally(query));
    Map<String, Metric> merged = new TreeMap<>();
    long samples = 0;
    long bad = 0;
    List<String> problems = new ArrayList<>();
    for (Part<MetricsTally> part : parts) {
      samples += part.tally().samples;
      bad += part.tally().badValues;
      part.tally()
          .metrics
          .forEach(
              (key, metric) -> {
                Metric into = merged.get(key);
                if (into == null) {
                  merged.put(key, metric);
                } else {
                  into.add(metric);
                }
              });
      if (part.problem() != null) {
        problems.add(part.problem());
      }
    }
    Map<String, MetricTrend> metrics = new TreeMap<>();
    merged.forEach((key, metric) -> metrics.put(key, trend(key, metric, query)));
    return new Trends(
        query.from(),
        query.to(),
        query.bucket(),
        metrics,
        samples,
        bad,
        files.stream().map(LogFile::name).toList(),
        problems,
        (System.nanoTime() - started) / 1_000_000);
  }

  private static MetricTrend trend(String key, Metric metric, MetricsQuery query) {
    List<Point> series = new ArrayList<>();
    for (int i = 0; i < metric.counts.length; i++) {
      if (metric.counts[i] > 0) {
        series.add(
            new Point(
                query.from().plus(query.bucket().multipliedBy(i)),
                metric.sums[i] / metric.counts[i]));
      }
    }
    // The histogram gives a bucket's upper edge; no percentile is outside what was seen.
    double p95 = metric.histogram.getValueAtPercentile(95.0);
    p95 = Math.max(metric.min, Math.min(metric.max, p95));
    return new MetricTrend(
        key, metric.count, metric.sum / metric.count, metric.min, metric.max, p95, series);
  }

  @Override
  public String toString() {
    return "metrics log " + file;
  }
}
