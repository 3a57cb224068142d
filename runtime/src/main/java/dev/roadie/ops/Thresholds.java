package dev.roadie.ops;

import dev.roadie.config.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * A response-time KPI as the operations guide's table has it: at or under {@code target} meets it,
 * over {@code warning} is a warning, over {@code critical} is critical.
 */
public record Thresholds(Duration target, Duration warning, Duration critical) {
  public Thresholds {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(warning, "warning");
    Objects.requireNonNull(critical, "critical");
    if (warning.compareTo(target) < 0 || critical.compareTo(warning) < 0) {
      throw new IllegalArgumentException(
          "response-time thresholds must be in order, target <= warning <= critical, not "
              + Durations.format(target)
              + ", "
              + Durations.format(warning)
              + ", "
              + Durations.format(critical));
    }
  }

  /** {@code ok}, {@code warning} or {@code critical}. */
  public String level(Duration measured) {
    if (measured.compareTo(critical) > 0) return "critical";
    if (measured.compareTo(warning) > 0) return "warning";
    return "ok";
  }

  public boolean meetsTarget(Duration measured) {
    return measured.compareTo(target) <= 0;
  }

  @Override
  public String toString() {
    return "target "
        + Durations.format(target)
        + ", warning over "
        + Durations.format(warning)
        + ", critical over "
        + Durations.format(critical);
  }
}
