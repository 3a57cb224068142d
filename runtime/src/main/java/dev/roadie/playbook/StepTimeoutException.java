package dev.roadie.playbook;

import dev.roadie.config.Durations;
import java.time.Duration;

/** A step attempt that ran past its timeout and was interrupted. */
final class StepTimeoutException extends RuntimeException {
  private final transient Thread abandonedThread;

  /**
   * @param limit the limit that was reached, the step's or the run's, named in the message
   * @param abandonedThread the step's thread when it did not stop within the grace period after its
   *     interrupt and was left behind (such a step is not retried); null when it stopped
   */
  StepTimeoutException(TimeLimit limit, Duration grace, Thread abandonedThread) {
    super(
        "timed out: "
            + limit.describe()
            + " was reached"
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
