package dev.roadie.sox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.config.RoadieConfig.BreakerConfig;
import dev.roadie.config.RoadieConfig.RetryConfig;
import dev.roadie.config.RoadieConfig.SoxConfig;
import dev.roadie.run.RecordingRunContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Engines over the real sox with small limits, fifos that hang sox, and a look at our children. */
final class SoxTesting {
  private SoxTesting() {}

  static SoxConfig config(int maxWorkers) {
    return new SoxConfig(
        "sox",
        maxWorkers,
        Duration.ofSeconds(60),
        Duration.ofSeconds(60),
        Duration.ofSeconds(1),
        new RetryConfig(3, Duration.ofMillis(10), Duration.ofMillis(100), 2.0),
        new BreakerConfig(5, Duration.ofSeconds(10), 3));
  }

  static SoxConfig withQueueTimeout(SoxConfig c, Duration queueTimeout) {
    return new SoxConfig(
        c.binary(),
        c.maxWorkers(),
        c.timeout(),
        queueTimeout,
        c.killGrace(),
        c.retry(),
        c.breaker());
  }

  static SoxConfig withBinary(SoxConfig c, String binary) {
    return new SoxConfig(
        binary,
        c.maxWorkers(),
        c.timeout(),
        c.queueTimeout(),
        c.killGrace(),
        c.retry(),
        c.breaker());
  }

  static SoxConfig withBreaker(SoxConfig c, BreakerConfig breaker) {
    return new SoxConfig(
        c.binary(),
        c.maxWorkers(),
        c.timeout(),
        c.queueTimeout(),
        c.killGrace(),
        c.retry(),
        breaker);
  }

  static Sox sox(SoxEngine engine, Path dir) {
    return new Sox(engine, new RecordingRunContext(dir.resolve("work"), false));
  }

  /** A named pipe: sox opening it for reading blocks until someone writes, which nobody does. */
  static Path fifo(Path path) throws IOException, InterruptedException {
    Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
    return path;
  }

  /** The sox processes this JVM has started and that are still alive. */
  static List<ProcessHandle> soxChildren() {
    return ProcessHandle.current()
        .children()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("/sox")).orElse(false))
        .toList();
  }

  /** Children of this JVM that exited but were never reaped (state Z in /proc/PID/stat). */
  static List<Long> zombieChildren() throws IOException {
    long self = ProcessHandle.current().pid();
    List<Long> zombies = new java.util.ArrayList<>();
    try (var procs = java.nio.file.Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        String stat;
        try {
          stat = java.nio.file.Files.readString(proc.resolve("stat"));
        } catch (IOException gone) {
          continue;
        }
        // "pid (comm) state ppid ...": comm may hold spaces, so read after its closing parenthesis.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        if (fields[0].equals("Z") && Long.parseLong(fields[1]) == self) {
          zombies.add(Long.parseLong(proc.getFileName().toString()));
        }
      }
    }
    return zombies;
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(10);
    }
  }
}
