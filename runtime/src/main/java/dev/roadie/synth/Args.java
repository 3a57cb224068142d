package dev.roadie.synth;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads what playbooks pass: paths as text, files or paths; named arguments as a map. */
final class Args {
  private Args() {}

  static Path path(Object value, String what) {
    if (value instanceof Path path) return path;
    if (value instanceof File file) return file.toPath();
    if (value instanceof CharSequence text && !text.toString().isBlank()) {
      return Path.of(text.toString());
    }
    throw new SynthException(
        what + " must be a path (text, File or Path), not " + (value == null ? "null" : value));
  }

  /** Fails on a name the call does not take, listing the ones it does. */
  static void only(Map<String, ?> args, String call, Set<String> known) {
    for (String name : args.keySet()) {
      if (!known.contains(name)) {
        throw new SynthException(
            call
                + " takes no argument '"
                + name
                + "'"
                + dev.roadie.config.Suggestions.didYouMean(name, known)
                + "; it takes "
                + String.join(", ", new TreeSet<>(known)));
      }
    }
  }

  static int whole(Map<String, ?> args, String name, int fallback, int min, int max, String call) {
    Object value = args.get(name);
    if (value == null) return fallback;
    if (!(value instanceof Integer || value instanceof Long || value instanceof Short)) {
      throw new SynthException(call + ": " + name + " must be a whole number, not " + value);
    }
    long number = ((Number) value).longValue();
    if (number < min || number > max) {
      throw new SynthException(
          call + ": " + name + " " + number + " is outside " + min + ".." + max);
    }
    return (int) number;
  }

  static double number(
      Map<String, ?> args, String name, double fallback, double min, double max, String call) {
    Object value = args.get(name);
    if (value == null) return fallback;
    if (!(value instanceof Number number)) {
      throw new SynthException(call + ": " + name + " must be a number, not " + value);
    }
    double x = number.doubleValue();
    if (!(x >= min && x <= max)) {
      throw new SynthException(
          call + ": " + name + " " + value + " is outside " + min + ".." + max);
    }
    return x;
  }
}
