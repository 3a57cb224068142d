package dev.roadie.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One step (or hook) of a run.
 *
 * @param seq position in the run, from 1, hooks after steps
 * @param kind {@code step}, {@code onFailure}, {@code onSuccess} or {@code always}
 * @param attempts how many times the step was tried (1 without retries)
 * @param output what the step printed and logged, redacted, possibly truncated
 * @param error the failure message, redacted; null when it succeeded
 */
public record StepRecord(
    int seq,
    String name,
    String kind,
    StepStatus status,
    Instant startedAt,
    Instant endedAt,
    int attempts,
    String output,
    String error) {

  public StepRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    output = output == null ? "" : output;
  }

  public Duration duration() {
    return Duration.between(startedAt, endedAt);
  }
}
