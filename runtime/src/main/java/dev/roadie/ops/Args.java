package dev.roadie.ops;

import dev.roadie.config.Durations;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Named arguments as playbooks pass them ({@code timeout: '2s'}), checked and typed. */
final class Args {
  private final String call;
  private final Map<String, ?> given;

  private Args(String call, Map<String, ?> given, Collection<String> known) {
    this.call = call;
    this.given = given == null ? Map.of() : given;
    Set<String> unknown = new TreeSet<>();
    this.given.keySet().forEach(key -> unknown.add(String.valueOf(key)));
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new OpsException(
          call
              + " does not take "
              + String.join(", ", unknown)
              + "; it takes "
              + String.join(", ", new TreeSet<>(known)));
    }
  }

  /**
   * @throws OpsException naming the call and the arguments it takes, when one is unknown
   */
  static Args of(String call, Map<String, ?> given, String... known) {
    return new Args(call, given, List.of(known));
  }

  boolean has(String name) {
    return given.get(name) != null;
  }

  Object raw(String name) {
    return given.get(name);
  }

  Duration duration(String name, Duration fallback) {
    Object value = given.get(name);
    return value == null ? fallback : duration(call + " " + name, value);
  }

  int whole(String name, int fallback, int min, int max) {
    Object value = given.get(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Integer || value instanceof Long || value instanceof Short)
        || ((Number) value).longValue() < min
        || ((Number) value).longValue() > max) {
      throw new OpsException(
          call + " " + name + ": " + value + " is not a whole number from " + min + " to " + max);
    }
    return ((Number) value).intValue();
  }

  double number(String name, double fallback) {
    Object value = given.get(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number number)) {
      throw new OpsException(call + " " + name + ": '" + value + "' is not a number");
    }
    return number.doubleValue();
  }

  String text(String name, String fallback) {
    Object value = given.get(name);
    return value == null ? fallback : String.valueOf(value);
  }

  /**
   * A duration as playbooks write one: {@code '2s'}, a {@link Duration}, or a number of
   * milliseconds.
   */
  static Duration duration(String what, Object value) {
    if (value instanceof Duration duration) {
      return duration;
    }
    if (value instanceof Number number) {
      return Duration.ofMillis(number.longValue());
    }
    try {
      return Durations.parse(String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw new OpsException(what + ": " + e.getMessage());
    }
  }
}
