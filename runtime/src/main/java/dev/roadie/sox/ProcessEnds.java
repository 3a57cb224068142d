package dev.roadie.sox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ends a process and everything it started: SIGTERM to all, a grace period, then SIGKILL, and the
 * wait that reaps it. The family is listed before anyone is signalled, because once the parent is
 * gone its children belong to init and are no longer its descendants.
 */
final class ProcessEnds {
  private ProcessEnds() {}

  static void end(Process process, Duration grace) {
    List<ProcessHandle> family = process.descendants().toList();
    family.forEach(ProcessHandle::destroy);
    process.destroy();
    if (!awaitExit(process, grace)) {
      family.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      awaitExit(process, Duration.ofSeconds(10));
    }
    for (ProcessHandle member : family) {
      if (member.isAlive()) {
        member.destroyForcibly();
      }
    }
  }

  /**
   * Waits even when the calling thread is interrupted (that is often why the process is being
   * ended), then restores the interrupt for the caller to see.
   */
  private static boolean awaitExit(Process process, Duration limit) {
    boolean interrupted = Thread.interrupted();
    long deadline = System.nanoTime() + limit.toNanos();
    try {
      while (true) {
        try {
          return process.waitFor(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
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
