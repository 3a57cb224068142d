package dev.roadie.speaker;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.roadie.config.RoadieConfig.SpeakersConfig;
import dev.roadie.run.HttpClients;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The process's connection to the speakers: one OkHttp client derived from the shared one (its pool
 * and dispatcher), per-request timeouts, Failsafe retries with backoff for idempotent calls, a
 * circuit breaker per device, short caches, and metrics. Thread-safe; shared by every run.
 */
public final class SpeakerClient {
  static final Duration INFO_TTL = Duration.ofHours(1);
  static final Duration CAPABILITIES_TTL = Duration.ofHours(24);
  static final Duration VOLUME_TTL = Duration.ofSeconds(5);

  private static final MediaType XML = MediaType.get("application/xml; charset=utf-8");

  private final OkHttpClient http;
  private final Map<String, OkHttpClient> perDevice = new ConcurrentHashMap<>();
  private final SpeakersConfig config;
  private final Map<String, CircuitBreaker<Object>> breakers = new ConcurrentHashMap<>();
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final Map<String, java.time.Instant> lastSeen = new ConcurrentHashMap<>();
  private final RetryPolicy<Object> retries;
  private final OkHttpClient updatesHttp;
  private final ScheduledThreadPoolExecutor timer;
  private volatile Backoff backoff = Backoff.DEFAULT;

  private record Cached(Object value, long expiresAt) {}

  public SpeakerClient(SpeakersConfig config) {
    this.config = config;
    Duration timeout = config.requestTimeout();
    this.http =
        HttpClients.shared()
            .newBuilder()
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(timeout)
            .build();
    this.retries =
        RetryPolicy.builder()
            .handle(TransientSpeakerException.class)
            .withMaxRetries(config.maxRetries())
            .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(2))
            .withJitter(0.25)
            .build();
    // Notification sockets: no read timeout (pushes can be hours apart), a ping every 30s so that
    // a socket that died without a close frame is noticed, as the Go and openHAB clients do.
    this.updatesHttp =
        HttpClients.shared()
            .newBuilder()
            .connectTimeout(timeout)
            .readTimeout(Duration.ZERO)
            .callTimeout(Duration.ZERO)
            .pingInterval(Duration.ofSeconds(30))
            .build();
    // Reconnects are scheduled here; the thread goes when nothing is pending.
    this.timer =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "roadie-speaker-updates");
              thread.setDaemon(true);
              return thread;
            });
    timer.setKeepAliveTime(2, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
    timer.setRemoveOnCancelPolicy(true);
    SpeakerMetrics.init();
  }

  OkHttpClient updatesHttp() {
    return updatesHttp;
  }

  ScheduledExecutorService timer() {
    return timer;
  }

  Backoff backoff() {
    return backoff;
  }

  /** For tests: reconnect sooner. */
  void backoff(Backoff value) {
    backoff = value;
  }

  public SpeakersConfig config() {
    return config;
  }

  /** The derived OkHttp client (shares the process's pool). */
  OkHttpClient http() {
    return http;
  }

  /**
   * The client for one device: derived from {@link #http} (same dispatcher, task runner and
   * timeouts) with a connection pool of its own that keeps at most two idle connections.
   *
   * <p>OkHttp finds a pooled connection by comparing the call's address with every connection in
   * the pool, all fields of it before the host. In one pool shared by a fleet of 1,000 devices that
   * scan ran over ~300 connections for every request and was most of the client's CPU time (the
   * benchmark's profile); and 256 idle connections for 1,000 devices meant most of a fleet round
   * opened new connections anyway. A pool per device keeps every device's connection and makes the
   * scan one or two entries long. Pools have no threads of their own: their clean-up runs on
   * OkHttp's shared task runner.
   */
  /** Connections open to the devices, idle or in use, over every device's pool. */
  int connections() {
    return perDevice.values().stream().mapToInt(c -> c.connectionPool().connectionCount()).sum();
  }

  /** Connections kept alive with no call on them. */
  int idleConnections() {
    return perDevice.values().stream()
        .mapToInt(c -> c.connectionPool().idleConnectionCount())
        .sum();
  }

  OkHttpClient http(Device device) {
    return perDevice.computeIfAbsent(
        device.key(),
        key ->
            http.newBuilder().connectionPool(new ConnectionPool(2, 1, TimeUnit.MINUTES)).build());
  }

  /** A GET, retried when it fails transiently, through the device's circuit breaker. */
  public <T> T get(Device device, String label, String endpoint, Class<T> type) {
    try {
      return Failsafe.with(retries, breaker(device))
          .get(() -> exchange(device, label, endpoint, null, type));
    } catch (RuntimeException e) {
      throw unwrap(label, e);
    }
  }

  /** A GET tried once, not through the breaker (health checks), though its outcome is recorded. */
  public <T> T getOnce(Device device, String label, String endpoint, Class<T> type) {
    CircuitBreaker<Object> breaker = breaker(device);
    try {
      T value = exchange(device, label, endpoint, null, type);
      breaker.recordSuccess();
      return value;
    } catch (TransientSpeakerException e) {
      breaker.recordFailure();
      throw e;
    }
  }

  /** A POST: never retried (a key press twice is a toggle twice), through the breaker. */
  public <T> T post(Device device, String label, String endpoint, String body, Class<T> type) {
    FailsafeExecutor<Object> once = Failsafe.with(breaker(device));
    try {
      return once.get(() -> exchange(device, label, endpoint, body, type));
    } catch (RuntimeException e) {
      throw unwrap(label, e);
    }
  }

  /** A cached read: the value if younger than {@code ttl}, else read anew and kept. */
  @SuppressWarnings("unchecked")
  public <T> T cached(Device device, String what, Duration ttl, Supplier<T> read) {
    String key = device.key() + " " + what;
    Cached hit = cache.get(key);
    long now = System.nanoTime();
    if (hit != null && hit.expiresAt() - now > 0) {
      return (T) hit.value();
    }
    T value = read.get();
    cache.put(key, new Cached(value, now + ttl.toNanos()));
    return value;
  }

  /** The cached value if there is one still fresh, else null; reads nothing. */
  @SuppressWarnings("unchecked")
  public <T> T peek(Device device, String what) {
    Cached hit = cache.get(device.key() + " " + what);
    return hit != null && hit.expiresAt() - System.nanoTime() > 0 ? (T) hit.value() : null;
  }

  /** Drops the cached {@code what} of a device, after our own write changed it. */
  public void invalidate(Device device, String what) {
    cache.remove(device.key() + " " + what);
  }

  /** Keeps a value we know, as after our own write. */
  public void remember(Device device, String what, Duration ttl, Object value) {
    cache.put(device.key() + " " + what, new Cached(value, System.nanoTime() + ttl.toNanos()));
  }

  /** When the device last answered anything in this process, or null. */
  public java.time.Instant lastSeen(Device device) {
    return lastSeen.get(device.key());
  }

  CircuitBreaker<Object> breaker(Device device) {
    return breakers.computeIfAbsent(
        device.key(),
        key ->
            CircuitBreaker.builder()
                .handle(TransientSpeakerException.class)
                .withFailureThreshold(5)
                .withDelay(Duration.ofSeconds(30))
                .withSuccessThreshold(1)
                .build());
  }

  /** The breaker's state for a device: {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}. */
  public String breakerState(Device device) {
    return breaker(device).getState().name();
  }

  /** Maps Failsafe's "open" to our exception, naming the device. */
  static RuntimeException unwrap(String label, RuntimeException e) {
    if (e instanceof CircuitBreakerOpenException) {
      SpeakerMetrics.ERRORS.labelValues("open").inc();
      return new SpeakerException(
          label,
          label
              + ": not called: its last 5 calls failed, so roadie waits 30s before trying it"
              + " again (circuit breaker open)",
          e);
    }
    return e;
  }

  /**
   * Runs one call. A GET that fails on a kept-alive connection the device had already closed (it
   * ends the stream before any answer) is sent once more on a new connection: the device never saw
   * it. POSTs are not: a key press must not be sent twice.
   */
  private Response call(Device device, Request request) throws IOException {
    OkHttpClient client = http(device);
    boolean reused = client.connectionPool().idleConnectionCount() > 0;
    try {
      return client.newCall(request).execute();
    } catch (IOException e) {
      if (!reused
          || !"GET".equals(request.method())
          || e instanceof InterruptedIOException
          || e instanceof ConnectException) {
        throw e;
      }
      client.connectionPool().evictAll();
      return client.newCall(request).execute();
    }
  }

  private <T> T exchange(Device device, String label, String endpoint, String body, Class<T> type) {
    Request.Builder request = new Request.Builder().url("http://" + device.address() + endpoint);
    if (body != null) {
      request.post(RequestBody.create(body, XML));
    }
    long start = System.nanoTime();
    String outcome = "io";
    try (Response response = call(device, request.build())) {
      ResponseBody responseBody = response.body();
      String text = responseBody == null ? "" : responseBody.string();
      outcome = String.valueOf(response.code());
      lastSeen.put(device.key(), java.time.Instant.now());
      return read(label, endpoint, response.code(), text, type);
    } catch (InterruptedIOException e) {
      outcome = "timeout";
      SpeakerMetrics.ERRORS.labelValues("io").inc();
      throw new TransientSpeakerException(
          label,
          label
              + ": "
              + endpoint
              + " did not answer within "
              + dev.roadie.config.Durations.format(config.requestTimeout())
              + " ("
              + device.address()
              + ")",
          e);
    } catch (ConnectException e) {
      SpeakerMetrics.ERRORS.labelValues("io").inc();
      throw new TransientSpeakerException(
          label, label + ": " + device.address() + " refused the connection", e);
    } catch (IOException e) {
      SpeakerMetrics.ERRORS.labelValues("io").inc();
      throw new TransientSpeakerException(
          label,
          label + ": " + endpoint + " failed: " + e.getMessage() + " (" + device.address() + ")",
          e);
    } finally {
      SpeakerMetrics.REQUESTS.labelValues(endpoint, outcome).inc();
      SpeakerMetrics.DURATION
          .labelValues(endpoint)
          .observe((System.nanoTime() - start) / 1_000_000_000.0);
    }
  }

  private static <T> T read(String label, String endpoint, int status, String text, Class<T> type)
      throws IOException {
    String root = Xml.rootName(text);
    if (root != null && DeviceError.ROOTS.contains(root) && Xml.wellFormed(text)) {
      SpeakerMetrics.ERRORS.labelValues("device").inc();
      throw new DeviceErrorException(label, endpoint, status, DeviceError.parse(text));
    }
    if (status == 404) {
      SpeakerMetrics.ERRORS.labelValues("http").inc();
      throw new SpeakerException(
          label, label + ": does not support " + endpoint + " (HTTP 404 from the device)");
    }
    if (status >= 500) {
      SpeakerMetrics.ERRORS.labelValues("http").inc();
      throw new TransientSpeakerException(
          label,
          label + ": " + endpoint + " failed with HTTP " + status + ": " + brief(text),
          null);
    }
    if (status >= 300) {
      SpeakerMetrics.ERRORS.labelValues("http").inc();
      throw new SpeakerException(
          label, label + ": " + endpoint + " answered HTTP " + status + ": " + brief(text));
    }
    if (root == null || !Xml.wellFormed(text)) {
      SpeakerMetrics.ERRORS.labelValues("malformed").inc();
      throw new TransientSpeakerException(
          label, label + ": " + endpoint + " answered broken XML: " + brief(text), null);
    }
    String expected =
        Documents.TYPED.entrySet().stream()
            .filter(e -> e.getValue() == type)
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);
    if (expected != null && !expected.equals(root)) {
      SpeakerMetrics.ERRORS.labelValues("malformed").inc();
      throw new SpeakerException(
          label,
          label
              + ": "
              + endpoint
              + " answered <"
              + root
              + "> where <"
              + expected
              + "> was expected");
    }
    try {
      return Xml.read(text, type);
    } catch (IOException e) {
      SpeakerMetrics.ERRORS.labelValues("malformed").inc();
      throw new SpeakerException(
          label,
          label + ": " + endpoint + " answered a document roadie cannot read: " + e.getMessage(),
          e);
    }
  }

  private static String brief(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return flat.isEmpty()
        ? "(empty body)"
        : flat.length() > 120 ? flat.substring(0, 120) + "..." : flat;
  }
}
