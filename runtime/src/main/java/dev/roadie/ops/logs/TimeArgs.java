package dev.roadie.ops.logs;

import dev.roadie.config.Durations;
import dev.roadie.ops.OpsException;
import groovy.time.BaseDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;

/** Durations and times as the log calls take them ({@code since:}, {@code window:}). */
final class TimeArgs {
  private TimeArgs() {}

  /**
   * A duration: {@code '24h'}, a {@link Duration}, Groovy's {@code 24.hours} (a {@link
   * BaseDuration}, inside {@code use(groovy.time.TimeCategory)}) or milliseconds.
   */
  static Duration duration(String what, Object value) {
    if (value instanceof Duration duration) {
      return positive(what, duration);
    }
    if (value instanceof BaseDuration groovy) {
      return positive(what, Duration.ofMillis(groovy.toMilliseconds()));
    }
    if (value instanceof Number number) {
      return positive(what, Duration.ofMillis(number.longValue()));
    }
    try {
      return positive(what, Durations.parse(String.valueOf(value)));
    } catch (IllegalArgumentException e) {
      throw new OpsException(what + ": " + e.getMessage());
    }
  }

  /** A time: a duration back from {@code now} or an instant ({@link Instant}, {@link Date}...). */
  static Instant before(String what, Object value, Instant now) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof ZonedDateTime time) {
      return time.toInstant();
    }
    return now.minus(duration(what, value));
  }

  private static Duration positive(String what, Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new OpsException(what + ": " + duration + " is not a positive duration; write 24h, 7d");
    }
    return duration;
  }
}
