package dev.roadie.sox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool's promises, with real sox processes: a bound, waiting instead of failing, timeouts that
 * kill, and no sox process left behind after a timeout, an interruption or a shutdown.
 */
class SoxPoolTest {
  @TempDir Path dir;
  @org.junit.jupiter.api.extension.RegisterExtension final SoxEngines engines = new SoxEngines();

  @Test
  void twoHundredConversionsAtOnceNeverRunMoreThanTheLimit() throws Exception {
    SoxEngine engine = engines.start(SoxTesting.config(8));
    Sox sox = SoxTesting.sox(engine, dir);
    Path in = sox.tone(Map.of("seconds", 0.2, "channels", 2), dir.resolve("in.wav"));
    Path out = Files.createDirectories(dir.resolve("out"));
    ExecutorService callers = Executors.newFixedThreadPool(200);
    try {
      List<Future<Path>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        Path target = out.resolve(i + ".wav");
        results.add(
            callers.submit(() -> sox.convert(Map.of("rate", 16000, "channels", 1), in, target)));
      }
      for (Future<Path> result : results) {
        assertThat(result.get()).exists();
      }
    } finally {
      callers.shutdownNow();
    }

    assertThat(engine.pool.peakActive()).isBetween(2, 8);
    SoxStatus status = sox.status();
    assertThat(status.totalConversions()).isEqualTo(201);
    assertThat(status.failedConversions()).isZero();
    assertThat(status.successRate()).isEqualTo(100.0);
    assertThat(status.activeProcesses()).isZero();
    assertThat(status.health()).isEqualTo("healthy");
  }

  @Test
  void aHangingConversionTimesOutAndItsProcessIsGone() throws Exception {
    SoxEngine engine = engines.start(SoxTesting.config(2));
    Path fifo = SoxTesting.fifo(dir.resolve("never.wav"));

    long started = System.nanoTime();
    assertThatThrownBy(
            () ->
                SoxTesting.sox(engine, dir)
                    .convert(Map.of("timeout", "500ms"), fifo, dir.resolve("o.wav")))
        .isInstanceOfSatisfying(
            SoxException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(SoxException.Kind.TIMEOUT);
              assertThat(e.getMessage()).contains("longer than 500ms").contains(fifo.toString());
            });
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(SoxTesting.soxChildren()).isEmpty();
    assertThat(engine.status().failedConversions()).isEqualTo(1);
  }

  @Test
  void aCallerBeyondTheLimitWaitsAndFailsOnlyAfterTheQueueTimeout() throws Exception {
    SoxEngine engine =
        engines.start(SoxTesting.withQueueTimeout(SoxTesting.config(1), Duration.ofMillis(300)));
    Sox sox = SoxTesting.sox(engine, dir);
    Path in = sox.tone(Map.of("seconds", 0.1), dir.resolve("in.wav"));
    Path fifo = SoxTesting.fifo(dir.resolve("blocker.wav"));
    Thread blocker =
        new Thread(
            () -> {
              try {
                sox.convert(Map.of("timeout", "30s"), fifo, dir.resolve("blocked.wav"));
              } catch (Exception e) {
                // it is released by feeding the fifo below
              }
            });
    blocker.start();
    SoxTesting.await("the only worker is busy", () -> engine.pool.active() == 1);

    assertThatThrownBy(() -> sox.convert(in, dir.resolve("late.wav")))
        .isInstanceOfSatisfying(
            SoxException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(SoxException.Kind.BUSY);
              assertThat(e.getMessage()).contains("all 1 sox workers stayed busy");
            });

    Files.write(fifo, Files.readAllBytes(in));
    blocker.join();
    assertThat(sox.convert(in, dir.resolve("now.wav"))).exists();
  }

  @Test
  void interruptingTheCallerEndsItsSoxProcess() throws Exception {
    SoxEngine engine = engines.start(SoxTesting.config(2));
    SoxTesting.sox(engine, dir).tone(Map.of(), dir.resolve("warm-up.wav")); // sox -h is asked
    Path fifo = SoxTesting.fifo(dir.resolve("never.wav"));
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                SoxTesting.sox(engine, dir).convert(fifo, dir.resolve("o.wav"));
              } catch (Throwable e) {
                outcome.set(e);
              }
            });
    caller.start();
    SoxTesting.await("sox runs", () -> SoxTesting.soxChildren().size() == 1);
    ProcessHandle soxProcess = SoxTesting.soxChildren().get(0);

    caller.interrupt();
    caller.join(10_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
    assertThat(soxProcess.isAlive()).isFalse();
    assertThat(engine.pool.active()).isZero();
  }

  @Test
  void closingThePoolEndsEveryRunningProcess() throws Exception {
    SoxEngine engine = engines.start(SoxTesting.config(4));
    SoxTesting.sox(engine, dir).tone(Map.of(), dir.resolve("warm-up.wav")); // sox -h is asked
    List<Thread> callers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Path fifo = SoxTesting.fifo(dir.resolve("never" + i + ".wav"));
      Thread caller =
          new Thread(
              () -> {
                try {
                  SoxTesting.sox(engine, dir)
                      .convert(fifo, dir.resolve(fifo.getFileName() + ".out.wav"));
                } catch (Exception e) {
                  // ended by close()
                }
              });
      caller.start();
      callers.add(caller);
    }
    SoxTesting.await("three sox run", () -> SoxTesting.soxChildren().size() == 3);
    List<ProcessHandle> running = SoxTesting.soxChildren();

    engine.close();

    for (Thread caller : callers) {
      caller.join(10_000);
      assertThat(caller.isAlive()).isFalse();
    }
    assertThat(running).noneMatch(ProcessHandle::isAlive);
    assertThatThrownBy(() -> SoxTesting.sox(engine, dir).tone(Map.of(), dir.resolve("t.wav")))
        .hasMessageContaining("roadie is stopping");
  }
}
