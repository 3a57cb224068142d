package dev.roadie.speaker;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The speaker API's Prometheus metrics, registered once per process in the default registry, where
 * a scrape endpoint (the daemon's) finds them.
 */
public final class SpeakerMetrics {
  static final Counter REQUESTS =
      Counter.builder()
          .name("roadie_speaker_requests_total")
          .help("Requests to speakers by endpoint and outcome (HTTP status, or io/timeout)")
          .labelNames("endpoint", "status")
          .register();
  static final Histogram DURATION =
      Histogram.builder()
          .name("roadie_speaker_request_duration_seconds")
          .help("Time from sending a request to a speaker to reading its whole answer")
          .labelNames("endpoint")
          .register();
  static final Gauge CONNECTED =
      Gauge.builder()
          .name("roadie_speakers_connected")
          .help("Devices that answered the last health check")
          .register();
  static final Gauge UP =
      Gauge.builder()
          .name("roadie_speaker_up")
          .help("1 when the device answered the last health check, else 0")
          .labelNames("device")
          .register();
  static final Counter ERRORS =
      Counter.builder()
          .name("roadie_speaker_errors_total")
          .help(
              "Failed speaker calls by kind: device (an <errors> body), io, http, malformed, open")
          .labelNames("kind")
          .register();
  static final Gauge VOLUME =
      Gauge.builder()
          .name("roadie_speaker_volume")
          .help("The last volume read from or written to the device")
          .labelNames("device")
          .register();
  static final Counter SOURCE_CHANGES =
      Counter.builder()
          .name("roadie_speaker_source_changes_total")
          .help("Sources selected through roadie")
          .labelNames("source")
          .register();
  static final Counter ZONE_CHANGES =
      Counter.builder()
          .name("roadie_speaker_zone_changes_total")
          .help("Zone changes made through roadie")
          .labelNames("action")
          .register();

  private SpeakerMetrics() {}

  /** Forces registration (the class's static fields). */
  static void init() {}

  /** Every metric of the default registry in the Prometheus text format. */
  public static String scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, PrometheusRegistry.defaultRegistry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
