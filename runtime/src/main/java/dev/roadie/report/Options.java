package dev.roadie.report;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Named arguments: a misspelt one fails naming the ones there are, instead of being ignored. */
final class Options {
  private Options() {}

  static void allow(Map<String, ?> options, String where, String... known) {
    List<String> allowed = List.of(known);
    TreeSet<String> unknown = new TreeSet<>(options.keySet());
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          where
              + ": unknown option "
              + String.join(", ", unknown)
              + "; it takes "
              + String.join(", ", allowed));
    }
  }
}
