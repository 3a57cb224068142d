package dev.roadie.playbook;

import dev.roadie.config.Durations;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a playbook's body (its declarations) on a thread of its own with a time limit. The body runs
 * on {@code list} and {@code check} too, and a body that blocks (code outside a step waiting on
 * something) must not hang them: past the limit the playbook is reported, and the rest go on.
 */
final class BoundedDeclaration {
  private BoundedDeclaration() {}

  /**
   * @throws PlaybookException when the body has not finished within {@code limit}
   * @throws Throwable whatever the body threw
   */
  static void run(Runnable body, Duration limit, String file) throws Throwable {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread declaring =
        new Thread(
            () -> {
              try {
                body.run();
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            "roadie-declare " + file);
    // Left behind when it does not stop: it must not keep roadie from exiting.
    declaring.setDaemon(true);
    declaring.start();
    if (!awaitThroughInterrupts(declaring, limit)) {
      declaring.interrupt();
      throw new PlaybookException(
          file
              + ": its declarations did not finish within "
              + Durations.format(limit)
              + ": is there code outside step { }? Move it into a step (the limit is"
              + " engine.declare_timeout)");
    }
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  /**
   * Waits for the body; an interrupt (a stop asked for during a run) is kept for the run to see, as
   * it was when the body ran on the caller's thread.
   */
  private static boolean awaitThroughInterrupts(Thread declaring, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    boolean interrupted = false;
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return !declaring.isAlive();
        }
        try {
          declaring.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
          if (!declaring.isAlive()) {
            return true;
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
