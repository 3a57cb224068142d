package dev.roadie.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The problems found so far while loading. Every step adds to it and goes on, so one run of the
 * loader reports everything wrong instead of one thing per attempt.
 */
final class Problems {
  private static final Pattern LOCATED = Pattern.compile("(.*):(\\d+):(\\d+)");

  private final List<ConfigProblem> found = new ArrayList<>();

  void add(String origin, String keyPath, String message) {
    found.add(new ConfigProblem(origin, keyPath, message));
  }

  /**
   * Whether {@code keyPath} or a section above it already has a problem; a later check of the same
   * value would only repeat it, or look at a value that was dropped.
   */
  boolean reported(String keyPath) {
    return found.stream()
        .map(ConfigProblem::keyPath)
        .anyMatch(
            known ->
                !known.isEmpty()
                    && (keyPath.equals(known)
                        || keyPath.startsWith(known + ".")
                        || keyPath.startsWith(known + "[")));
  }

  /**
   * Throws them in reading order: file by file, each by line and column, then the environment by
   * variable name.
   */
  void throwIfAny() {
    if (found.isEmpty()) {
      return;
    }
    List<String> sources = found.stream().map(p -> place(p).source()).distinct().toList();
    Comparator<Place> reading =
        Comparator.comparing(Place::fromEnvironment)
            .thenComparing(place -> place.fromEnvironment() ? place.source() : "")
            .thenComparingInt(place -> sources.indexOf(place.source()))
            .thenComparingInt(Place::line)
            .thenComparingInt(Place::column);
    List<ConfigProblem> sorted = new ArrayList<>(found);
    sorted.sort(Comparator.comparing(Problems::place, reading));
    throw new ConfigException(sorted.stream().map(Problems::redacted).toList());
  }

  /**
   * Redacted at the end, not when found: a value reported early may be a secret that a reference
   * further down resolves to.
   */
  private static ConfigProblem redacted(ConfigProblem problem) {
    return new ConfigProblem(
        Redactor.redact(problem.origin()),
        Redactor.redact(problem.keyPath()),
        Redactor.redact(problem.message()));
  }

  private record Place(String source, int line, int column) {
    boolean fromEnvironment() {
      return source.startsWith("env ");
    }
  }

  private static Place place(ConfigProblem problem) {
    Matcher located = LOCATED.matcher(problem.origin());
    return located.matches()
        ? new Place(
            located.group(1),
            Integer.parseInt(located.group(2)),
            Integer.parseInt(located.group(3)))
        : new Place(problem.origin(), 0, 0);
  }
}
