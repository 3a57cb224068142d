package dev.roadie.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roadie.config.RoadieConfig.SynthServiceConfig;
import dev.roadie.run.HttpClients;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code synth.service}: the synth service's HTTP endpoints ({@code /health}, {@code
 * /health/detailed}, {@code /metrics}) read into numbers and checked against the alert thresholds,
 * and the service's YAML configuration checked before it is deployed.
 */
public final class SynthService {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SynthServiceConfig config;
  private final HttpUrl base;
  private final OkHttpClient http;

  SynthService(SynthServiceConfig config) {
    this(config, config.url());
  }

  private SynthService(SynthServiceConfig config, String url) {
    this.config = config;
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new SynthException("'" + url + "' is not an http(s) url");
    }
    this.base = parsed;
    this.http =
        HttpClients.shared()
            .newBuilder()
            .callTimeout(config.timeout())
            .readTimeout(config.timeout())
            .connectTimeout(config.timeout())
            .build();
  }

  /** The same checks against another service, e.g. {@code synth.service.at('http://b:8080')}. */
  public SynthService at(String url) {
    return new SynthService(config, url);
  }

  /** The service's base url. */
  public String url() {
    return base.toString();
  }

  /**
   * {@code /health}'s {@code status} field: {@code healthy}, {@code warning} or {@code critical}.
   *
   * @throws SynthException when the service is down, slow, or answers with an error status other
   *     than 503 (which a critical service answers with)
   */
  public String health() {
    return status(get("health", true));
  }

  /** {@code /health/detailed} as nested maps: {@code status}, {@code uptime}, {@code metrics}. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> detailed() {
    String body = get("health/detailed", true);
    try {
      return JSON.readValue(body, Map.class);
    } catch (IOException e) {
      throw new SynthException(where("health/detailed") + " is not JSON: " + clip(body));
    }
  }

  /** {@code /metrics}, parsed: latency, CPU and memory, and every other sample. */
  public SynthMetrics metrics() {
    String source = where("metrics");
    return SynthMetrics.of(PrometheusText.parse(get("metrics", false), source), source);
  }

  /**
   * Health and metrics against the thresholds: audio latency above {@code
   * synth.service.latency_alert_ms} (20), CPU above {@code cpu_alert_percent} (80) or memory above
   * {@code memory_alert_percent} (85) fail it, as does a service that is down, slow, critical or
   * serves malformed metrics. Never throws: the result says what failed.
   */
  public ServiceCheck check() {
    String status;
    SynthMetrics metrics;
    try {
      status = health();
      metrics = metrics();
    } catch (SynthException e) {
      return new ServiceCheck(false, "down", null, List.of(), List.of(e.getMessage()));
    }
    List<ServiceCheck.Rule> rules =
        List.of(
            new ServiceCheck.Rule(
                "audio latency", metrics.latencyMs(), config.latencyAlertMs(), "ms"),
            new ServiceCheck.Rule("CPU", metrics.cpuPercent(), config.cpuAlertPercent(), "%"),
            new ServiceCheck.Rule(
                "memory", metrics.memoryPercent(), config.memoryAlertPercent(), "%"));
    List<String> failures = new ArrayList<>();
    if (status.equals("critical")) {
      failures.add("it reports itself critical");
    }
    rules.stream().filter(rule -> !rule.passed()).forEach(rule -> failures.add(rule.toString()));
    return new ServiceCheck(failures.isEmpty(), status, metrics, rules, failures);
  }

  /**
   * Checks a synth service configuration file (fw16-synth's {@code config.yaml}): {@code
   * audio.driver}, {@code audio.sample_rate}, {@code audio.buffer_size}, {@code audio.soundfont}
   * (exists and is a valid SoundFont 2), {@code midi.*} and {@code touchpad.*}. Every problem names
   * the file, line, key and rule.
   */
  public ServiceConfigReport validateConfig(Object file) {
    return ServiceConfigValidator.validate(Args.path(file, "service config"));
  }

  private String get(String path, boolean acceptCritical) {
    HttpUrl url = base.newBuilder().addPathSegments(path).build();
    Request request = new Request.Builder().url(url).get().build();
    try (Response response = http.newCall(request).execute()) {
      String body = response.body().string();
      // A critical service answers 503 with its health document; a 503 without one is a failure.
      boolean critical =
          acceptCritical && response.code() == 503 && body.stripLeading().startsWith("{");
      if (response.isSuccessful() || critical) {
        return body;
      }
      throw new SynthException(
          where(path) + " answered HTTP " + response.code() + ": " + clip(body));
    } catch (ConnectException e) {
      throw new SynthException("the synth service at " + url() + " is down: connection refused");
    } catch (InterruptedIOException e) {
      throw new SynthException(
          where(path) + " did not answer within " + config.timeout().toMillis() + "ms");
    } catch (IOException e) {
      throw new SynthException(where(path) + " failed: " + e.getMessage(), e);
    }
  }

  private String status(String body) {
    try {
      JsonNode status = JSON.readTree(body).path("status");
      if (status.isTextual()) {
        return status.asText();
      }
    } catch (IOException e) {
      // reported below
    }
    throw new SynthException(where("health") + " gave no status: " + clip(body));
  }

  private String where(String path) {
    return base.newBuilder().addPathSegments(path).build().toString();
  }

  private static String clip(String text) {
    String line = text.strip().replace('\n', ' ');
    return line.length() > 120 ? line.substring(0, 117) + "..." : line;
  }

  @Override
  public String toString() {
    return "synth service at " + url();
  }
}
