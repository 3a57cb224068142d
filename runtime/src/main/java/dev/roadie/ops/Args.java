package dev.roadie.ops;

import dev.roadie.config.Durations;
import groovy.time.BaseDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named arguments as playbooks pass them ({@code timeout: '2s'}), checked against the names a call
 * takes and typed; every error names the call, the argument and what it accepts.
 */
public final class Args {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg]?)b?");

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
  public static Args of(String call, Map<String, ?> given, String... known) {
    return new Args(call, given, List.of(known));
  }

  public boolean has(String name) {
    return given.get(name) != null;
  }

  public Object raw(String name) {
    return given.get(name);
  }

  public Duration duration(String name, Duration fallback) {
    Object value = given.get(name);
    return value == null ? fallback : duration(call + " " + name, value);
  }

  public int whole(String name, int fallback, int min, int max) {
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

  public double number(String name, double fallback) {
    Object value = given.get(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number number)) {
      throw new OpsException(call + " " + name + ": '" + value + "' is not a number");
    }
    return number.doubleValue();
  }

  public String text(String name, String fallback) {
    Object value = given.get(name);
    return value == null ? fallback : String.valueOf(value);
  }

  /**
   * A duration as playbooks write one: {@code '2s'}, a {@link Duration}, or a number of
   * milliseconds.
   */
  public static Duration duration(String what, Object value) {
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

  /** The call, as errors name it: {@code ops.logs(/var/log/x).rotate}. */
  public String call() {
    return call;
  }

  public boolean bool(String name, boolean fallback) {
    Object value = given.get(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Boolean flag)) {
      throw new OpsException(call + " " + name + ": '" + value + "' is not true or false");
    }
    return flag;
  }

  public List<String> texts(String name) {
    Object value = given.get(name);
    List<String> texts = new ArrayList<>();
    if (value instanceof Collection<?> many) {
      many.forEach(one -> texts.add(String.valueOf(one)));
    } else if (value != null) {
      texts.add(String.valueOf(value));
    }
    return texts;
  }

  /** Paths, one or a list, made absolute and normal. */
  public List<java.nio.file.Path> paths(String name) {
    return texts(name).stream()
        .map(t -> java.nio.file.Path.of(t).toAbsolutePath().normalize())
        .toList();
  }

  /** A size in bytes: a whole number, or {@code '100k'}, {@code '5M'}, {@code '1G'}. */
  public Long bytes(String name) {
    Object value = given.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    Matcher size = SIZE.matcher(String.valueOf(value).trim().toLowerCase(Locale.ROOT));
    if (!size.matches()) {
      throw new OpsException(
          call + " " + name + ": '" + value + "' is not a size; write bytes or 100k, 5M, 1G");
    }
    int shift =
        switch (size.group(2)) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          default -> 0;
        };
    return Long.parseLong(size.group(1)) << shift;
  }

  /**
   * An age: {@code '7d'}, a {@link Duration}, or {@code 7.days} under Groovy's {@code
   * TimeCategory}. A bare number is refused: days or milliseconds would be a guess.
   */
  public Duration age(String name) {
    Object value = given.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Duration duration) {
      return duration;
    }
    if (value instanceof BaseDuration groovy) {
      return Duration.ofMillis(groovy.toMilliseconds());
    }
    if (value instanceof Number) {
      throw new OpsException(
          call + " " + name + ": " + value + " has no unit; write '" + value + "d' for days");
    }
    try {
      return Durations.parse(String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw new OpsException(call + " " + name + ": " + e.getMessage());
    }
  }
}
