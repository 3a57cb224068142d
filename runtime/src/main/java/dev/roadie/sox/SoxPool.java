package dev.roadie.sox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code maxWorkers} sox processes at once. A caller beyond the limit waits for a slot, up
 * to the queue timeout. Every process it starts is tracked until it has exited and been reaped: on
 * success, failure, timeout, interruption of the caller, and at shutdown of the JVM, when a hook
 * ends whatever is still running.
 */
final class SoxPool implements AutoCloseable {
  private static final int STDERR_LIMIT = 64 * 1024;

  /** A pipe holds 64 KiB on Linux; copying in pieces that size halves the system calls. */
  private static final int PIPE_CHUNK = 64 * 1024;

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final int maxWorkers;
  private final Duration queueTimeout;
  private final Duration killGrace;
  private final SoxMonitor monitor;
  private final Semaphore slots;
  private final Map<Long, Running> running = new ConcurrentHashMap<>();
  private final AtomicInteger peak = new AtomicInteger();
  private final ExecutorService pumps;
  private final Thread shutdownHook;
  private volatile boolean closed;

  private record Running(Process process, Instant started) {}

  SoxPool(int maxWorkers, Duration queueTimeout, Duration killGrace, SoxMonitor monitor) {
    this.maxWorkers = maxWorkers;
    this.queueTimeout = queueTimeout;
    this.killGrace = killGrace;
    this.monitor = monitor;
    this.slots = new Semaphore(maxWorkers, true);
    int pool = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.pumps =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "sox-io-" + pool + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.shutdownHook = new Thread(this::endAll, "sox-shutdown-" + pool);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  int maxWorkers() {
    return maxWorkers;
  }

  int active() {
    return running.size();
  }

  /** The most processes that ran at once since the pool started. */
  int peakActive() {
    return peak.get();
  }

  /** How long the longest-running process has been running, if any runs. */
  Optional<Duration> oldestAge() {
    Instant now = Instant.now();
    return running.values().stream()
        .map(r -> Duration.between(r.started(), now))
        .max(Duration::compareTo);
  }

  /**
   * Runs sox once and waits for it.
   *
   * @throws SoxException when no slot frees in time, sox cannot start, times out or fails
   * @throws InterruptedException when the caller is interrupted; sox has then been ended and reaped
   */
  SoxResult run(SoxCall call) throws InterruptedException {
    if (!slots.tryAcquire(queueTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
      throw new SoxException(
          SoxException.Kind.BUSY,
          call.what()
              + ": all "
              + maxWorkers
              + " sox workers stayed busy for "
              + queueTimeout.toSeconds()
              + "s; raise sox.max_workers or sox.queue_timeout, or run fewer conversions at once");
    }
    try {
      return runInSlot(call);
    } finally {
      slots.release();
    }
  }

  private SoxResult runInSlot(SoxCall call) throws InterruptedException {
    if (closed) {
      throw new SoxException(SoxException.Kind.UNAVAILABLE, call.what() + ": roadie is stopping");
    }
    Process process = start(call);
    Instant started = Instant.now();
    running.put(process.pid(), new Running(process, started));
    peak.accumulateAndGet(running.size(), Math::max);
    monitor.processStarted();
    try {
      if (closed) {
        throw new SoxException(SoxException.Kind.UNAVAILABLE, call.what() + ": roadie is stopping");
      }
      ByteArrayOutputStream stderr = new ByteArrayOutputStream();
      Future<?> errPump = pumps.submit(() -> copyBounded(process.getErrorStream(), stderr));
      Future<?> outPump =
          call.stdout() == null ? null : pumps.submit(() -> copy(process, call.stdout()));
      Future<?> inPump =
          call.stdin() == null ? null : pumps.submit(() -> feed(call.stdin(), process));
      if (!process.waitFor(call.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
        ProcessEnds.end(process, killGrace);
        throw new SoxException(
            SoxException.Kind.TIMEOUT,
            call.what()
                + ": sox ran longer than "
                + describe(call.timeout())
                + " and was stopped; raise sox.timeout if the work is that long");
      }
      awaitPump(errPump);
      awaitPump(outPump);
      if (inPump != null) {
        inPump.cancel(true);
      }
      String errText = stderr.toString(java.nio.charset.StandardCharsets.UTF_8);
      int exit = process.exitValue();
      if (exit != 0) {
        throw SoxFailures.fromExit(call.what(), exit, errText);
      }
      return new SoxResult(errText, Duration.between(started, Instant.now()));
    } finally {
      if (process.isAlive()) {
        ProcessEnds.end(process, killGrace);
      }
      running.remove(process.pid());
      monitor.processEnded();
    }
  }

  private Process start(SoxCall call) {
    ProcessBuilder builder = new ProcessBuilder(call.argv());
    if (call.stdin() == null) {
      builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }
    if (call.stdout() == null) {
      builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    }
    try {
      return builder.start();
    } catch (IOException e) {
      throw new SoxException(
          SoxException.Kind.CRASHED,
          call.what() + ": could not start " + call.argv().get(0) + ": " + e.getMessage(),
          null,
          null,
          e);
    }
  }

  /** Ends every process still running and refuses new ones. Idempotent. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or about to; it does the same
    }
    endAll();
    pumps.shutdownNow();
  }

  private void endAll() {
    closed = true;
    running.values().parallelStream().forEach(r -> ProcessEnds.end(r.process(), killGrace));
  }

  /**
   * The pumps end when sox closes its end of the pipe, which it does on exit; the bound guards
   * against a grandchild that inherited the pipe.
   */
  private void awaitPump(Future<?> pump) throws InterruptedException {
    if (pump == null) {
      return;
    }
    try {
      pump.get(killGrace.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException io) {
        throw new SoxException(
            SoxException.Kind.FAILED,
            "writing sox's output failed: " + io.getCause().getMessage(),
            null,
            null,
            io.getCause());
      }
      throw new IllegalStateException(cause);
    } catch (TimeoutException e) {
      pump.cancel(true);
    }
  }

  /** When the receiver fails, sox is stopped: it would otherwise block on a full pipe. */
  private static void copy(Process process, OutputStream to) {
    try (InputStream from = process.getInputStream()) {
      pipe(from, to);
      to.flush();
    } catch (IOException e) {
      process.destroyForcibly();
      throw new UncheckedIOException(e);
    }
  }

  private static void pipe(InputStream from, OutputStream to) throws IOException {
    byte[] buffer = new byte[PIPE_CHUNK];
    for (int n; (n = from.read(buffer)) >= 0; ) {
      to.write(buffer, 0, n);
    }
  }

  private static void copyBounded(InputStream from, ByteArrayOutputStream to) {
    byte[] buffer = new byte[8192];
    try (from) {
      for (int n; (n = from.read(buffer)) >= 0; ) {
        int room = STDERR_LIMIT - to.size();
        if (room > 0) {
          to.write(buffer, 0, Math.min(n, room));
        }
      }
    } catch (IOException e) {
      // the process was ended; what arrived is kept
    }
  }

  /** sox may exit before reading all its input (an error, a trim); a broken pipe is then normal. */
  private static void feed(InputStream from, Process process) {
    try (OutputStream to = process.getOutputStream()) {
      pipe(from, to);
    } catch (IOException e) {
      // sox stopped reading; its exit code says whether that was a failure
    }
  }

  private static String describe(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + "s"
        : duration.toMillis() + "ms";
  }
}
