package dev.roadie.synth;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition with a deadline, instead of sleeping a guessed time. */
final class Poll {
  private Poll() {}

  static void until(Callable<Boolean> condition, String what) throws Exception {
    until(condition, what, Duration.ofSeconds(10));
  }

  static void until(Callable<Boolean> condition, String what, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + within.toMillis() + "ms waiting for " + what);
      }
      Thread.sleep(10);
    }
  }
}
