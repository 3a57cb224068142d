package dev.roadie.sox;

import dev.roadie.config.Suggestions;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks what a playbook hands to sox before anything runs: option names, effect names, paths.
 * Paths are made absolute, which is also what keeps sox's special file names out: a name starting
 * with {@code |} runs a shell, one starting with {@code -} is read as an option, and {@code
 * http://} is fetched; an absolute path is none of these.
 */
final class SoxArguments {
  private SoxArguments() {}

  static SoxException bad(String what, String key, Object value, String rule) {
    return new SoxException(
        SoxException.Kind.BAD_INPUT,
        what
            + ": "
            + key
            + " "
            + (value == null ? "is missing" : describe(value) + " is invalid")
            + "; it must be "
            + rule);
  }

  static void onlyKeys(Map<String, ?> options, Collection<String> allowed, String what) {
    for (String key : options.keySet()) {
      if (!allowed.contains(key)) {
        throw new SoxException(
            SoxException.Kind.BAD_INPUT,
            what
                + ": unknown option '"
                + key
                + "'"
                + Suggestions.didYouMean(key, allowed)
                + "; the options are "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  /** A path, file or text as an absolute, normalized path. */
  static Path path(Object file, String what, String role) {
    Path path;
    if (file instanceof Path p) {
      path = p;
    } else if (file instanceof File f) {
      path = f.toPath();
    } else if (file instanceof CharSequence text && !text.toString().isBlank()) {
      String name = text.toString();
      if (name.contains("://")) {
        throw bad(what, role, name, "a local file; sox would fetch a URL itself");
      }
      path = Path.of(name);
    } else {
      throw bad(what, role, file, "a file: a path, a File or a file name");
    }
    return path.toAbsolutePath().normalize();
  }

  /**
   * The effect chain as argv tokens. Each text is split on spaces ({@code 'highpass 100'}); a
   * nested list is taken token by token as it is. The chain must start with an effect sox knows:
   * otherwise sox would take the word for a file name.
   */
  static List<String> effects(Object effects, Set<String> known, String what) {
    List<String> tokens = new ArrayList<>();
    if (effects == null) {
      return tokens;
    }
    if (!(effects instanceof Collection<?> items)) {
      throw bad(what, "effects", effects, "a list such as ['highpass 100', 'norm -1']");
    }
    for (Object item : items) {
      if (item instanceof Collection<?> group) {
        group.forEach(token -> tokens.add(String.valueOf(token)));
      } else if (item != null) {
        for (String token : item.toString().trim().split("\\s+")) {
          if (!token.isEmpty()) tokens.add(token);
        }
      }
    }
    if (!tokens.isEmpty() && !known.isEmpty() && !known.contains(tokens.get(0))) {
      throw new SoxException(
          SoxException.Kind.BAD_INPUT,
          what
              + ": unknown effect '"
              + tokens.get(0)
              + "'"
              + Suggestions.didYouMean(tokens.get(0), known)
              + "; 'sox -h' lists the effects this sox has");
    }
    return tokens;
  }

  private static String describe(Object value) {
    return value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
  }
}
