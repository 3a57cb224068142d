package dev.roadie.playbook;

import dev.roadie.config.Durations;
import java.time.Duration;

/** A step attempt that ran past its timeout and was interrupted. */
final class StepTimeoutException extends RuntimeException {
  private final transient Thread abandonedThread;

  /**
   * @param abandonedThread the step's thread when it did not stop within the grace period after its
   *     interrupt and was left behind (such a step is not retried); null when it stopped
   */
  StepTimeoutException(Duration timeout, Duration grace, Thread abandonedThread) {
    super(
        "timed out after "
            + Durations.format(timeout)
            + (abandonedThread != null
                ? " and did not stop within "
                    + Durations.format(grace)
                    + " of being interrupted; it was abandoned"
                : ""));
    this.abandonedThread = abandonedThread;
  }

  boolean abandoned() {
    return abandonedThread != null;
  }

  Thread abandonedThread() {
    return abandonedThread;
  }
}
