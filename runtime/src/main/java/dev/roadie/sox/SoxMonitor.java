package dev.roadie.sox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts one pool's work. Operations are counted once each, after their retries, so a retried
 * conversion that passed is one success and the success rate is not flattered by restarts.
 */
final class SoxMonitor {
  private final AtomicLong total = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong starts = new AtomicLong();

  void processStarted() {
    starts.incrementAndGet();
    SoxMetrics.ACTIVE.inc();
  }

  void processEnded() {
    SoxMetrics.ACTIVE.dec();
  }

  void succeeded(Duration took) {
    total.incrementAndGet();
    SoxMetrics.CONVERSIONS.inc();
    SoxMetrics.DURATION.observe(took.toNanos() / 1e9);
  }

  void failed(Duration took, SoxException.Kind kind) {
    total.incrementAndGet();
    failed.incrementAndGet();
    SoxMetrics.CONVERSIONS.inc();
    SoxMetrics.FAILED.labelValues(kind.name().toLowerCase(java.util.Locale.ROOT)).inc();
    SoxMetrics.DURATION.observe(took.toNanos() / 1e9);
  }

  long total() {
    return total.get();
  }

  long failed() {
    return failed.get();
  }

  /** Processes started, retries included: more than {@link #total()} when sox had to be retried. */
  long processStarts() {
    return starts.get();
  }
}
