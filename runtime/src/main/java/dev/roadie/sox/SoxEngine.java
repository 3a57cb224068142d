package dev.roadie.sox;

import dev.roadie.config.RoadieConfig.SoxConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide side of the SoX API: one pool, breaker and monitor per sox configuration, shared
 * by every run (a scheduler runs many at once; the limit is for the machine, not per run).
 */
final class SoxEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SoxEngine.class);
  private static final Map<SoxConfig, SoxEngine> ENGINES = new ConcurrentHashMap<>();

  final SoxConfig config;
  final SoxBinary binary;
  final SoxMonitor monitor = new SoxMonitor();
  final SoxPool pool;
  private final SoxResilience resilience;
  private final Optional<String> limitsProblem;

  /** A piece of work that runs sox through {@link #run}; called again when it is retried. */
  @FunctionalInterface
  interface Attempt<T> {
    T attempt() throws Exception;
  }

  SoxEngine(SoxConfig config) {
    this.config = config;
    this.binary = new SoxBinary(config.binary());
    this.pool =
        new SoxPool(config.maxWorkers(), config.queueTimeout(), config.killGrace(), monitor);
    this.resilience = new SoxResilience(config.retry(), config.breaker());
    this.limitsProblem = ProcessLimits.read().problemFor(config.maxWorkers());
    limitsProblem.ifPresent(LOG::warn);
  }

  static SoxEngine forConfig(SoxConfig config) {
    return ENGINES.computeIfAbsent(config, SoxEngine::new);
  }

  /**
   * Runs one operation with retries and the breaker, counting it once whatever the attempts.
   *
   * @throws SoxException when it failed; the message names the file and quotes sox
   * @throws InterruptedException when the caller was interrupted; no sox of it is left running
   */
  <T> T execute(String what, Attempt<T> work) throws InterruptedException {
    return execute(what, true, work);
  }

  /**
   * @param retryable false when the work cannot be repeated (its input is a stream already read)
   */
  <T> T execute(String what, boolean retryable, Attempt<T> work) throws InterruptedException {
    long started = System.nanoTime();
    try {
      T result =
          resilience.call(
              what,
              retryable,
              () -> {
                binary.require();
                return work.attempt();
              });
      monitor.succeeded(Duration.ofNanos(System.nanoTime() - started));
      return result;
    } catch (SoxException e) {
      monitor.failed(Duration.ofNanos(System.nanoTime() - started), e.kind());
      throw e;
    }
  }

  SoxResult run(SoxCall call) throws InterruptedException {
    return pool.run(call);
  }

  SoxStatus status() {
    return SoxStatus.of(
        pool.active(),
        pool.maxWorkers(),
        monitor.total(),
        monitor.failed(),
        pool.oldestAge().orElse(Duration.ZERO),
        resilience.breakerState(),
        binary.usable());
  }

  Optional<String> limitsProblem() {
    return limitsProblem;
  }

  @Override
  public void close() {
    ENGINES.remove(config, this);
    pool.close();
  }
}
