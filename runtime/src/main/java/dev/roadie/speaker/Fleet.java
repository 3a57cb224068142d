package dev.roadie.speaker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Several speakers: {@code speakers.all()}, {@code speakers.tagged('lobby')}. Iterable, so {@code
 * each} and {@code collect} work one device after the other; {@link #run} and the operations below
 * talk to {@code speakers.concurrency} devices at once and report every device's outcome.
 */
public final class Fleet implements Iterable<Speaker> {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final List<Speaker> speakers;
  private final int concurrency;

  Fleet(List<Speaker> speakers, int concurrency) {
    this.speakers = List.copyOf(speakers);
    this.concurrency = concurrency;
  }

  @Override
  public Iterator<Speaker> iterator() {
    return speakers.iterator();
  }

  public int size() {
    return speakers.size();
  }

  public List<Speaker> getSpeakers() {
    return speakers;
  }

  /**
   * Runs {@code action} on every device, {@code speakers.concurrency} at once; never throws for a
   * device's failure, which is in the result instead.
   */
  public FleetResult run(String operation, Function<Speaker, ?> action) {
    long start = System.nanoTime();
    int threads = Math.max(1, Math.min(concurrency, speakers.size()));
    int pool = POOLS.incrementAndGet();
    AtomicInteger made = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              Thread thread =
                  new Thread(runnable, "roadie-fleet-" + pool + "-" + made.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    FleetProgress progress = FleetProgress.forTerminal(operation, speakers.size());
    List<Future<DeviceResult>> futures = new ArrayList<>();
    try {
      for (Speaker speaker : speakers) {
        futures.add(
            executor.submit(
                () -> {
                  DeviceResult result = one(speaker, action);
                  progress.step();
                  return result;
                }));
      }
      List<DeviceResult> results = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          results.add(futures.get(i).get());
        } catch (java.util.concurrent.ExecutionException e) {
          Speaker speaker = speakers.get(i);
          results.add(
              new DeviceResult(
                  speaker.label(),
                  speaker.getAddress(),
                  false,
                  null,
                  String.valueOf(e.getCause()),
                  Duration.ZERO));
        }
      }
      return new FleetResult(operation, results, Duration.ofNanos(System.nanoTime() - start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SpeakerException(operation, operation + " was interrupted", e);
    } finally {
      executor.shutdownNow();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      progress.done();
    }
  }

  public FleetResult run(Function<Speaker, ?> action) {
    return run("fleet operation", action);
  }

  private static DeviceResult one(Speaker speaker, Function<Speaker, ?> action) {
    long start = System.nanoTime();
    try {
      Object value = action.apply(speaker);
      return new DeviceResult(
          speaker.label(),
          speaker.getAddress(),
          true,
          value,
          null,
          Duration.ofNanos(System.nanoTime() - start));
    } catch (RuntimeException e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      return new DeviceResult(
          speaker.label(),
          speaker.getAddress(),
          false,
          null,
          reason,
          Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /** Every device's volume (value: the volume). */
  public FleetResult volumes() {
    return run("read volume", Speaker::volume);
  }

  public FleetResult volume(int level) {
    return run(
        "set volume " + level,
        s -> {
          s.volume(level);
          return null;
        });
  }

  public FleetResult press(String key) {
    return run(
        "press " + key,
        s -> {
          s.press(key);
          return null;
        });
  }

  public FleetResult select(String source) {
    return run(
        "select " + source,
        s -> {
          s.select(source);
          return null;
        });
  }

  public FleetResult powerOff() {
    return run(
        "power off",
        s -> {
          s.powerOff();
          return null;
        });
  }
}
