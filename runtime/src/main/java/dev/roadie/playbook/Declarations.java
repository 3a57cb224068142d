package dev.roadie.playbook;

import dev.roadie.config.Durations;
import dev.roadie.config.Suggestions;
import groovy.lang.Closure;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartz.CronExpression;

/**
 * Collects what a playbook's body declares, checking each declaration as it is made so that a
 * mistake is reported at its own line. A mistake is recorded and the body goes on, so that one pass
 * reports them all; {@link #finish} refuses a playbook that has any. Parameter values are resolved
 * as each param is declared, so the body can read {@code params.x} after declaring {@code x}.
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
  private final List<String> problems = new ArrayList<>();

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
    try {
      new CronExpression(cron);
    } catch (ParseException e) {
      problems.add(
          file
              + ":"
              + scheduleLine
              + ": error: schedule '"
              + cron
              + "' is not a valid Quartz cron expression: "
              + e.getMessage()
              + " (seconds first: '0 0 6 * * ?' is 06:00 every day)");
    }
  }

  void timeout(String text) {
    Duration parsed = duration("timeout", text);
    if (parsed != null) {
      timeout = parsed;
    }
  }

  void overlap(String policy) {
    if (oneOf("overlap", policy, OVERLAP)) {
      overlap = policy;
    }
  }

  void misfire(String policy) {
    if (oneOf("misfire", policy, MISFIRE)) {
      misfire = policy;
    }
  }

  void resumable(boolean safe) {
    resumable = safe;
  }

  void param(String name, Map<String, Object> options) {
    int line = line();
    checkOptions("param '" + name + "'", options, ParamDeclarations.OPTIONS);
    try {
      params.declare(name, options, line);
    } catch (PlaybookException e) {
      problems.add(e.getMessage());
    }
  }

  void step(String name, Map<String, Object> options, Closure<?> body) {
    int line = line();
    checkOptions("step '" + name + "'", options, STEP_OPTIONS);
    if (steps.containsKey(name)) {
      problem(
          line,
          "step '"
              + name
              + "' is declared twice (first at line "
              + steps.get(name).line()
              + "); give each step its own name");
      return;
    }
    Object retry = options.getOrDefault("retry", 0);
    int retries = 0;
    if (retry instanceof Integer whole && whole >= 0) {
      retries = whole;
    } else {
      problem(line, "step '" + name + "': retry must be a whole number of 0 or more, not " + retry);
    }
    Duration stepTimeout =
        options.containsKey("timeout")
            ? duration("step '" + name + "': timeout", options.get("timeout"))
            : null;
    Duration retryDelay =
        options.containsKey("retryDelay")
            ? duration("step '" + name + "': retryDelay", options.get("retryDelay"))
            : DEFAULT_RETRY_DELAY;
    if (retryDelay == null) {
      retryDelay = DEFAULT_RETRY_DELAY; // a bad one is recorded; finish() refuses the playbook
    }
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

  /**
   * Everything declared.
   *
   * @throws DeclarationException listing every mistake in the declarations
   * @throws ParamException when the supplied params do not fit the declared ones
   */
  PlaybookSpec finish() {
    failIfProblems(null);
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

  /**
   * Throws every mistake recorded so far, with {@code stopped} (what ended the body early) after
   * them; does nothing when there is none of either.
   */
  void failIfProblems(PlaybookException stopped) {
    if (problems.isEmpty() && stopped == null) {
      return;
    }
    List<String> all = new ArrayList<>(problems);
    if (stopped != null) {
      all.add(stopped.getMessage());
    }
    if (all.size() == 1 && stopped != null) {
      throw stopped;
    }
    throw new DeclarationException(all, stopped);
  }

  private void checkOptions(String what, Map<String, Object> options, Set<String> known) {
    for (String option : options.keySet()) {
      if (!known.contains(option)) {
        problem(
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

  private boolean oneOf(String keyword, String value, Set<String> choices) {
    if (!choices.contains(value)) {
      problem(
          line(),
          keyword
              + " '"
              + value
              + "' is not one of "
              + String.join(", ", choices)
              + Suggestions.didYouMean(value, choices));
      return false;
    }
    return true;
  }

  /** The duration, or null when it is not one (recorded as a problem). */
  private Duration duration(String what, Object text) {
    try {
      Duration parsed = Durations.parse(String.valueOf(text));
      if (parsed.isZero()) {
        throw new IllegalArgumentException("must be more than 0");
      }
      return parsed;
    } catch (IllegalArgumentException e) {
      problem(line(), what + ": " + e.getMessage());
      return null;
    }
  }

  private int line() {
    return ScriptLines.current(scriptClass);
  }

  private void problem(int line, String message) {
    problems.add(PlaybookException.at(file, line, message).getMessage());
  }
}
