package dev.roadie.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * A simulated AudioDeck audio server, for the demo and the tests: the operations guide's endpoints
 * ({@code /health}, {@code /api/status}, {@code /api/system/performance}, {@code
 * /api/system/memory}, {@code /api/audio/test}) and faults that can be switched on at start ({@code
 * --fault}) or while it runs ({@code POST /sim/fault/NAME}, {@code DELETE /sim/fault/NAME}).
 *
 * <p>It logs one line per request to its output, each starting with an ISO-8601 time, as a real
 * server's log would. Listens on loopback only.
 */
public final class AudioDeck implements AutoCloseable {
  /** What can go wrong with it. */
  public enum Fault {
    /** {@code /health} answers 503 with status unhealthy. */
    UNHEALTHY,
    /** Every answer comes after {@code slowMillis}. */
    SLOW,
    /** {@code /health} and {@code /api/*} answer 500. */
    ERRORS,
    /** At start: exits at once with status 70. While running: exits after answering. */
    CRASH,
    /** Holds on to 8 MB more every 250 ms, up to {@code leakLimitMb}. */
    LEAK;

    public static Fault parse(String name) {
      try {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown fault '" + name + "'; the faults are unhealthy, slow, errors, crash, leak");
      }
    }

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How to start one. */
  public record Options(
      String name,
      int port,
      int listeners,
      Set<Fault> faults,
      long slowMillis,
      int leakLimitMb,
      String version) {
    public Options {
      faults = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
    }

    public static Options defaults() {
      return new Options("audiodeck", 0, 1, Set.of(), 1500, 256, "1.4.2");
    }

    public Options withPort(int port) {
      return new Options(name, port, listeners, faults, slowMillis, leakLimitMb, version);
    }

    public Options withFaults(Set<Fault> faults) {
      return new Options(name, port, listeners, faults, slowMillis, leakLimitMb, version);
    }
  }

  /** Exit status of a crash, as a service manager sees it. */
  public static final int CRASH_STATUS = 70;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Options options;
  private final PrintWriter log;
  private final IntConsumer exit;
  private final Instant started = Instant.now();
  private final Set<Fault> faults =
      java.util.Collections.synchronizedSet(EnumSet.noneOf(Fault.class));
  private final List<HttpServer> servers = new ArrayList<>();
  private final ExecutorService workers = Executors.newFixedThreadPool(8, daemon("audiodeck-http"));
  private final ScheduledExecutorService leaker =
      Executors.newSingleThreadScheduledExecutor(daemon("audiodeck-leak"));
  private final List<byte[]> leaked = new ArrayList<>();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong totalNanos = new AtomicLong();

  private AudioDeck(Options options, PrintWriter log, IntConsumer exit) {
    this.options = options;
    this.log = log;
    this.exit = exit;
    faults.addAll(options.faults());
  }

  /**
   * Starts it: listening when this returns, or, with the crash fault, exited through {@code exit}.
   *
   * @param log where its log lines go (its standard output when run as a process)
   * @param exit how it ends the process on a crash; {@code Runtime.halt} when run as a process
   */
  public static AudioDeck start(Options options, PrintWriter log, IntConsumer exit)
      throws IOException {
    AudioDeck deck = new AudioDeck(options, log, exit);
    deck.listen();
    return deck;
  }

  private void listen() throws IOException {
    if (faults.contains(Fault.CRASH)) {
      line("ERROR", "cannot open audio device hw:0: device busy; exiting (fault: crash)");
      exit.accept(CRASH_STATUS);
      return;
    }
    InetAddress loopback = InetAddress.getLoopbackAddress();
    for (int i = 0; i < options.listeners(); i++) {
      int port = options.port() == 0 ? 0 : options.port() + i;
      HttpServer server;
      try {
        server = SimHttpServers.create(new InetSocketAddress(loopback, port), 128);
      } catch (IOException e) {
        // The listeners already bound would otherwise keep their ports and threads.
        release();
        throw new CannotListenException(loopback.getHostAddress(), port, null, e);
      }
      server.setExecutor(workers);
      server.createContext("/", this::handle);
      server.start();
      servers.add(server);
      line("INFO", options.name() + " " + options.version() + " listening on " + url(server));
    }
    leaker.scheduleAtFixedRate(this::leak, 250, 250, TimeUnit.MILLISECONDS);
  }

  /** The ports it listens on, in order. */
  public List<Integer> ports() {
    return servers.stream().map(s -> s.getAddress().getPort()).toList();
  }

  public void fault(Fault fault, boolean on) {
    if (on) {
      faults.add(fault);
    } else {
      faults.remove(fault);
    }
    line("WARN", "fault " + fault.label() + (on ? " on" : " off"));
  }

  private void handle(HttpExchange exchange) throws IOException {
    long begin = System.nanoTime();
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    exchange.getRequestBody().readAllBytes();
    Answer answer;
    try {
      if (faults.contains(Fault.SLOW) && !path.startsWith("/sim/")) {
        Thread.sleep(options.slowMillis());
      }
      answer = route(method, path);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer = new Answer(503, Map.of("error", "shutting down"));
    } catch (RuntimeException e) {
      answer = new Answer(500, Map.of("error", String.valueOf(e)));
    }
    byte[] body = JSON.writeValueAsBytes(answer.body());
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Server", options.name() + "/" + options.version());
    exchange.sendResponseHeaders(answer.status(), body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
    long nanos = System.nanoTime() - begin;
    requests.incrementAndGet();
    totalNanos.addAndGet(nanos);
    if (answer.status() >= 500) {
      errors.incrementAndGet();
      Object why =
          answer.body().containsKey("error")
              ? answer.body().get("error")
              : answer.body().get("reason");
      line("ERROR", method + " " + path + " " + answer.status() + " " + why);
    } else {
      line("INFO", method + " " + path + " " + answer.status() + " " + nanos / 1_000_000 + "ms");
    }
    if (answer.status() == 202 && path.equals("/sim/fault/crash")) {
      line("ERROR", "segmentation fault in mixer thread; exiting (fault: crash)");
      exit.accept(CRASH_STATUS);
    }
  }

  private record Answer(int status, Map<String, Object> body) {}

  private Answer route(String method, String path) {
    if (path.startsWith("/sim/")) {
      return sim(method, path);
    }
    boolean failing = faults.contains(Fault.ERRORS);
    switch (path) {
      case "/health":
        if (failing) return new Answer(500, Map.of("error", "internal error (fault: errors)"));
        if (faults.contains(Fault.UNHEALTHY)) {
          return new Answer(
              503, ordered("status", "unhealthy", "reason", "audio engine not responding"));
        }
        return new Answer(
            200,
            ordered("status", "healthy", "service", options.name(), "uptime_seconds", uptime()));
      case "/api/status":
        if (failing) return new Answer(500, Map.of("error", "internal error (fault: errors)"));
        return new Answer(
            200,
            ordered(
                "service",
                options.name(),
                "version",
                options.version(),
                "status",
                faults.contains(Fault.UNHEALTHY) ? "degraded" : "running",
                "uptime_seconds",
                uptime(),
                "active_streams",
                2,
                "sample_rate",
                48000,
                "buffer_size",
                256,
                "faults",
                faults.stream().map(Fault::label).sorted().toList()));
      case "/api/system/performance":
        if (failing) return new Answer(500, Map.of("error", "internal error (fault: errors)"));
        long count = Math.max(1, requests.get());
        return new Answer(
            200,
            ordered(
                "cpu_percent",
                cpuPercent(),
                "requests_total",
                requests.get(),
                "errors_total",
                errors.get(),
                "avg_response_ms",
                totalNanos.get() / count / 1_000_000.0,
                "audio_latency_ms",
                10.7,
                "buffer_underruns",
                0));
      case "/api/system/memory":
        if (failing) return new Answer(500, Map.of("error", "internal error (fault: errors)"));
        Runtime runtime = Runtime.getRuntime();
        long retained;
        synchronized (leaked) {
          retained = (long) leaked.size() * LEAK_CHUNK;
        }
        return new Answer(
            200,
            ordered(
                "heap_used_bytes",
                runtime.totalMemory() - runtime.freeMemory(),
                "heap_max_bytes",
                runtime.maxMemory(),
                "retained_bytes",
                retained));
      case "/api/audio/test":
        if (!method.equals("POST")) {
          return new Answer(405, Map.of("error", "POST to run the audio test"));
        }
        if (failing) return new Answer(500, Map.of("error", "audio test failed (fault: errors)"));
        return new Answer(
            200,
            ordered(
                "result",
                "pass",
                "latency_ms",
                10.7,
                "sample_rate",
                48000,
                "channels",
                2,
                "thd_percent",
                0.002));
      default:
        return new Answer(404, Map.of("error", "no such endpoint: " + path));
    }
  }

  private Answer sim(String method, String path) {
    if (path.equals("/sim/faults")) {
      return new Answer(
          200, ordered("faults", faults.stream().map(Fault::label).sorted().toList()));
    }
    if (path.startsWith("/sim/fault/")) {
      Fault fault;
      try {
        fault = Fault.parse(path.substring("/sim/fault/".length()));
      } catch (IllegalArgumentException e) {
        return new Answer(404, Map.of("error", e.getMessage()));
      }
      boolean on = !method.equals("DELETE");
      if (fault == Fault.CRASH && on) {
        return new Answer(202, Map.of("fault", "crash", "exit_status", CRASH_STATUS));
      }
      fault(fault, on);
      return new Answer(200, ordered("fault", fault.label(), "on", on));
    }
    return new Answer(404, Map.of("error", "no such endpoint: " + path));
  }

  private static final int LEAK_CHUNK = 8 * 1024 * 1024;

  private void leak() {
    if (!faults.contains(Fault.LEAK)) {
      return;
    }
    synchronized (leaked) {
      if ((long) (leaked.size() + 1) * LEAK_CHUNK <= (long) options.leakLimitMb() * 1024 * 1024) {
        byte[] chunk = new byte[LEAK_CHUNK];
        java.util.Arrays.fill(chunk, (byte) 1); // touched, so it counts in the RSS
        leaked.add(chunk);
      }
    }
  }

  private static double cpuPercent() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, Math.round(os.getProcessCpuLoad() * 10_000) / 100.0);
    }
    return 0;
  }

  private long uptime() {
    return Duration.between(started, Instant.now()).toSeconds();
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private void line(String level, String message) {
    synchronized (log) {
      log.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + level + " " + message);
      log.flush();
    }
  }

  private static String url(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  private void release() {
    servers.forEach(server -> server.stop(0));
    workers.shutdownNow();
    leaker.shutdownNow();
  }

  @Override
  public void close() {
    release();
    line("INFO", options.name() + " stopped");
  }
}
