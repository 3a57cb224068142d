package dev.roadie.playbook;

import java.util.Map;
import java.util.Objects;

/**
 * A request to run a playbook.
 *
 * @param params parameter values as text, as {@code -p key=value} gives them
 * @param trigger cli, schedule, http or repl
 */
public record RunRequest(Map<String, String> params, boolean dryRun, String trigger) {
  public RunRequest {
    params = Map.copyOf(params);
    Objects.requireNonNull(trigger, "trigger");
  }
}
