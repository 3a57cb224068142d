package dev.roadie.sox;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The Prometheus series of every sox pool in the process, under the names operators already alert
 * on ({@code sox_active_processes}, {@code sox_conversions_total}, {@code
 * sox_conversions_failed_total}). Registered once, in the default registry the runtime exports.
 */
final class SoxMetrics {
  static final Gauge ACTIVE =
      Gauge.builder()
          .name("sox_active_processes")
          .help("sox processes running now")
          .register(PrometheusRegistry.defaultRegistry);
  static final Counter CONVERSIONS =
      Counter.builder()
          .name("sox_conversions_total")
          .help("sox operations finished (conversions, measurements, tones), retries not counted")
          .register(PrometheusRegistry.defaultRegistry);
  static final Counter FAILED =
      Counter.builder()
          .name("sox_conversions_failed_total")
          .help("sox operations that failed after their retries")
          .labelNames("reason")
          .register(PrometheusRegistry.defaultRegistry);
  static final Histogram DURATION =
      Histogram.builder()
          .name("sox_conversion_duration_seconds")
          .help("time from asking for a sox worker to the operation's end")
          .unit(Unit.SECONDS)
          .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300)
          .register(PrometheusRegistry.defaultRegistry);

  private SoxMetrics() {}
}
