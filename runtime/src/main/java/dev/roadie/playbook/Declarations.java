package dev.roadie.playbook;

import dev.roadie.config.Durations;
import dev.roadie.config.Suggestions;
import groovy.lang.Closure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects what a playbook's body declares, checking each declaration as it is made so that a
 * mistake is reported at its own line. Parameter values are resolved as each param is declared, so
 * the body can read {@code params.x} after declaring {@code x}.
 */
final class Declarations {
  private static final Set<String> STEP_OPTIONS =
      Set.of("timeout", "retry", "retryDelay", "continueOnFailure");
  private static final Set<String> OVERLAP =
      new LinkedHashSet<>(List.of("skip", "queue", "parallel"));
  private static final Set<String> MISFIRE = new LinkedHashSet<>(List.of("run-once", "skip"));
  private static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);

  private final String file;
  private final Class<?> scriptClass;
  private final ParamDeclarations params;

  private String description;
  private String schedule;
  private int scheduleLine;
  private Duration timeout;
  private String overlap = "skip";
  private String misfire = "run-once";
  private boolean resumable;
  private final Map<String, StepSpec> steps = new LinkedHashMap<>();
  private final List<StepSpec> hooks = new ArrayList<>();

  /**
   * @param supplied parameter values as text, from {@code -p key=value}
   * @param requireParams false when only listing or checking, where nobody supplies params
   */
  Declarations(
      String file, Class<?> scriptClass, Map<String, String> supplied, boolean requireParams) {
    this.file = file;
    this.scriptClass = scriptClass;
    this.params = new ParamDeclarations(file, supplied, requireParams);
  }

  void description(String text) {
    description = text;
  }

  void schedule(String cron) {
    schedule = cron;
    scheduleLine = line();
  }

  void timeout(String text) {
    timeout = duration("timeout", text);
  }

  void overlap(String policy) {
    overlap = oneOf("overlap", policy, OVERLAP);
  }

  void misfire(String policy) {
    misfire = oneOf("misfire", policy, MISFIRE);
  }

  void resumable(boolean safe) {
    resumable = safe;
  }

  void param(String name, Map<String, Object> options) {
    int line = line();
    checkOptions("param '" + name + "'", options, ParamDeclarations.OPTIONS);
    params.declare(name, options, line);
  }

  void step(String name, Map<String, Object> options, Closure<?> body) {
    int line = line();
    checkOptions("step '" + name + "'", options, STEP_OPTIONS);
    if (steps.containsKey(name)) {
      throw error(
          line,
          "step '"
              + name
              + "' is declared twice (first at line "
              + steps.get(name).line()
              + "); give each step its own name");
    }
    Object retry = options.getOrDefault("retry", 0);
    if (!(retry instanceof Integer retries) || retries < 0) {
      throw error(
          line, "step '" + name + "': retry must be a whole number of 0 or more, not " + retry);
    }
    Duration stepTimeout =
        options.containsKey("timeout")
            ? duration("step '" + name + "': timeout", options.get("timeout"))
            : null;
    Duration retryDelay =
        options.containsKey("retryDelay")
            ? duration("step '" + name + "': retryDelay", options.get("retryDelay"))
            : DEFAULT_RETRY_DELAY;
    boolean continueOnFailure = Boolean.TRUE.equals(options.get("continueOnFailure"));
    steps.put(
        name,
        new StepSpec(
            name, stepTimeout, retries, retryDelay, continueOnFailure, "step", body, line));
  }

  void hook(String kind, Closure<?> body) {
    hooks.add(new StepSpec(kind, null, 0, DEFAULT_RETRY_DELAY, true, kind, body, line()));
  }

  /** The values of the params declared so far; live, for {@code params} in the body. */
  Map<String, Object> liveValues() {
    return params.liveValues();
  }

  /** Everything declared; throws when the supplied params do not fit the declared ones. */
  PlaybookSpec finish() {
    params.finish();
    return new PlaybookSpec(
        description,
        schedule,
        scheduleLine,
        timeout,
        overlap,
        misfire,
        resumable,
        params.specs(),
        params.values(),
        List.copyOf(steps.values()),
        hooks);
  }

  private void checkOptions(String what, Map<String, Object> options, Set<String> known) {
    for (String option : options.keySet()) {
      if (!known.contains(option)) {
        throw error(
            line(),
            what
                + ": unknown option '"
                + option
                + "'"
                + Suggestions.didYouMean(option, known)
                + "; options are "
                + String.join(", ", new java.util.TreeSet<>(known)));
      }
    }
  }

  private String oneOf(String keyword, String value, Set<String> choices) {
    if (!choices.contains(value)) {
      throw error(
          line(),
          keyword
              + " '"
              + value
              + "' is not one of "
              + String.join(", ", choices)
              + Suggestions.didYouMean(value, choices));
    }
    return value;
  }

  private Duration duration(String what, Object text) {
    try {
      Duration parsed = Durations.parse(String.valueOf(text));
      if (parsed.isZero()) {
        throw new IllegalArgumentException("must be more than 0");
      }
      return parsed;
    } catch (IllegalArgumentException e) {
      throw error(line(), what + ": " + e.getMessage());
    }
  }

  private int line() {
    return ScriptLines.current(scriptClass);
  }

  private PlaybookException error(int line, String message) {
    return PlaybookException.at(file, line, message);
  }
}
