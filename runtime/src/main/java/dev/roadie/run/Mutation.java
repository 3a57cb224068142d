package dev.roadie.run;

import java.time.Instant;
import java.util.Objects;

/** One change a run made, would have made (dry run), or tried and failed to make. */
public record Mutation(
    String step, String target, String description, Outcome outcome, String error, Instant at) {

  public enum Outcome {
    DONE,
    WOULD_DO,
    FAILED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public Mutation {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(at, "at");
  }
}
