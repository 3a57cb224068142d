package dev.roadie.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FleetProgressTest {
  private static final Pattern COUNT = Pattern.compile("\\] (\\d+)/(\\d+)$");

  /** Records every count drawn; slow, as a terminal is, so steppers queue up for the lock. */
  private static final class RecordingTerminal extends PrintStream {
    final List<Integer> drawn = Collections.synchronizedList(new ArrayList<>());

    RecordingTerminal() {
      super(OutputStream.nullOutputStream());
    }

    @Override
    public void print(String text) {
      Matcher count = COUNT.matcher(text);
      if (count.find()) {
        drawn.add(Integer.parseInt(count.group(1)));
      }
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
    }
  }

  @Test
  void theBarNeverCountsBackwardsWhenManyThreadsStepAtOnce() throws Exception {
    int total = 50;
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 20; round++) {
        RecordingTerminal terminal = new RecordingTerminal();
        FleetProgress progress = new FleetProgress(terminal, "health", total);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(total);
        for (int i = 0; i < total; i++) {
          pool.execute(
              () -> {
                try {
                  start.await();
                  progress.step();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  finished.countDown();
                }
              });
        }
        start.countDown();
        assertThat(finished.await(30, TimeUnit.SECONDS)).isTrue();

        List<Integer> drawn = List.copyOf(terminal.drawn);
        assertThat(drawn).as("round %d drew %s", round, drawn).isSorted().doesNotHaveDuplicates();
        assertThat(drawn).last().isEqualTo(total);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
