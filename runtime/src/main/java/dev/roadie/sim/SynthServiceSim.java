package dev.roadie.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A synth service (fw16-synth style) on loopback, for tests and the demo: {@code /health}, {@code
 * /health/detailed} and {@code /metrics} in Prometheus text format 0.0.4, with the metric names of
 * fw16-synth's dashboards and alerts ({@code fw16_synth_audio_latency_ms}, {@code
 * fw16_synth_cpu_percent}, {@code fw16_synth_memory_percent}).
 *
 * <p>Its readings are set by the test; so are its faults: a delay before every answer, an HTTP
 * error status, malformed metrics. {@link #close()} takes it down. Thread-safe.
 */
public final class SynthServiceSim implements AutoCloseable {
  private static final double WARN_SHARE = 0.7;

  private final HttpServer server;
  private final ExecutorService executor;
  private final long startedNanos = System.nanoTime();
  private volatile double latencyMs = 8.5;
  private volatile double cpuPercent = 23.0;
  private volatile double memoryPercent = 41.0;
  private volatile long notesPlayed = 1234;
  private volatile Duration delay = Duration.ZERO;
  private volatile int failStatus;
  private volatile boolean malformedMetrics;

  private SynthServiceSim(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts one on a free loopback port. */
  public static SynthServiceSim start() {
    return start(0);
  }

  /** Starts one on {@code port} of the loopback address; 0 for a free one. */
  public static SynthServiceSim start(int port) {
    try {
      HttpServer server =
          SimHttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      ExecutorService executor = Executors.newFixedThreadPool(4, daemon());
      SynthServiceSim sim = new SynthServiceSim(server, executor);
      server.createContext("/health", sim::health);
      server.createContext("/metrics", sim::metrics);
      server.setExecutor(executor);
      server.start();
      return sim;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the synth service simulator", e);
    }
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://"
        + server.getAddress().getAddress().getHostAddress()
        + ":"
        + server.getAddress().getPort();
  }

  /** The readings {@code /metrics} and {@code /health/detailed} report. */
  public SynthServiceSim readings(double latencyMs, double cpuPercent, double memoryPercent) {
    this.latencyMs = latencyMs;
    this.cpuPercent = cpuPercent;
    this.memoryPercent = memoryPercent;
    return this;
  }

  /** Every answer waits this long first: a slow service. */
  public SynthServiceSim delay(Duration delay) {
    this.delay = delay;
    return this;
  }

  /** Every answer is this HTTP status with an error body; 0 for normal answers. */
  public SynthServiceSim failWith(int status) {
    this.failStatus = status;
    return this;
  }

  /** {@code /metrics} serves text that is not valid Prometheus exposition format. */
  public SynthServiceSim malformedMetrics(boolean malformed) {
    this.malformedMetrics = malformed;
    return this;
  }

  /** {@code healthy}, {@code warning} or {@code critical}, by fw16-synth's thresholds. */
  public String status() {
    double[] shares = {latencyMs / 50.0, cpuPercent / 80.0, memoryPercent / 85.0};
    double worst = Math.max(shares[0], Math.max(shares[1], shares[2]));
    return worst > 1 ? "critical" : worst > WARN_SHARE ? "warning" : "healthy";
  }

  private void health(HttpExchange exchange) throws IOException {
    if (answeredFault(exchange)) return;
    String path = exchange.getRequestURI().getPath();
    double uptime = (System.nanoTime() - startedNanos) / 1e9;
    String status = status();
    int code = status.equals("critical") ? 503 : 200;
    if (path.equals("/health")) {
      send(
          exchange,
          code,
          "application/json",
          json("{\"status\":\"%s\",\"uptime\":%.1f}", status, uptime));
    } else if (path.equals("/health/detailed")) {
      send(
          exchange,
          code,
          "application/json",
          json(
              "{\"status\":\"%s\",\"uptime\":%.1f,\"metrics\":{"
                  + "\"audio_latency\":{\"average\":%.2f,\"p95\":%.2f,\"count\":%d},"
                  + "\"system\":{\"cpu_usage\":%.1f,\"memory_usage\":%.1f},"
                  + "\"application\":{\"error_rate\":0.0,\"notes_played\":%d,\"errors_count\":0}}}",
              status,
              uptime,
              latencyMs,
              latencyMs * 1.5,
              notesPlayed,
              cpuPercent,
              memoryPercent,
              notesPlayed));
    } else {
      send(exchange, 404, "text/plain", "not found\n");
    }
  }

  private void metrics(HttpExchange exchange) throws IOException {
    if (answeredFault(exchange)) return;
    String body =
        malformedMetrics
            ? "# TYPE fw16_synth_audio_latency_ms gauge\nfw16_synth_audio_latency_ms twelve\n"
                + "fw16_synth_cpu_percent{host=\"a} 3\n"
            : String.join(
                "\n",
                "# HELP fw16_synth_audio_latency_ms Average audio latency in milliseconds.",
                "# TYPE fw16_synth_audio_latency_ms gauge",
                json("fw16_synth_audio_latency_ms %s", latencyMs),
                "# HELP fw16_synth_cpu_percent CPU use of the synth process.",
                "# TYPE fw16_synth_cpu_percent gauge",
                json("fw16_synth_cpu_percent %s", cpuPercent),
                "# HELP fw16_synth_memory_percent Memory use of the synth process.",
                "# TYPE fw16_synth_memory_percent gauge",
                json("fw16_synth_memory_percent %s", memoryPercent),
                "# HELP fw16_synth_notes_total Notes played.",
                "# TYPE fw16_synth_notes_total counter",
                json("fw16_synth_notes_total %d", notesPlayed),
                "# HELP fw16_synth_active_voices Voices sounding.",
                "# TYPE fw16_synth_active_voices gauge",
                "fw16_synth_active_voices{channel=\"0\"} 2",
                "fw16_synth_active_voices{channel=\"9\"} 1",
                "");
    send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", body);
  }

  /** Applies the delay and the failure status; true when the answer has been sent. */
  private boolean answeredFault(HttpExchange exchange) throws IOException {
    Duration wait = delay;
    if (!wait.isZero()) {
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.close();
        return true;
      }
    }
    if (failStatus != 0) {
      send(exchange, failStatus, "text/plain", "internal error\n");
      return true;
    }
    return false;
  }

  private static void send(HttpExchange exchange, int code, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    } catch (IOException e) {
      // the client gave up (a timeout test): nothing to answer
    }
  }

  private static String json(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "synth-service-sim");
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Takes the service down: connections are refused from now on. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
