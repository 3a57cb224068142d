package dev.roadie.playbook;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a playbook's body declared.
 *
 * @param schedule a Quartz cron expression, or null when it is only run on demand
 * @param timeout for the whole run; null for the configured default
 * @param overlap skip, queue or parallel
 * @param misfire run-once or skip
 * @param params the declared parameters in order
 * @param values the parameters' values for this run, by name (defaults applied)
 * @param steps in order
 * @param hooks onFailure, onSuccess and always, in declaration order
 */
public record PlaybookSpec(
    String description,
    String schedule,
    int scheduleLine,
    Duration timeout,
    String overlap,
    String misfire,
    boolean resumable,
    List<ParamSpec> params,
    Map<String, Object> values,
    List<StepSpec> steps,
    List<StepSpec> hooks) {

  public PlaybookSpec {
    description = description == null ? "" : description;
    params = List.copyOf(params);
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    steps = List.copyOf(steps);
    hooks = List.copyOf(hooks);
  }
}
