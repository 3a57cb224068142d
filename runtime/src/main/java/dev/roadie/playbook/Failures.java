package dev.roadie.playbook;

import dev.roadie.config.Redactor;
import dev.roadie.config.Suggestions;
import java.util.List;

/**
 * Turns what a step threw into the one line a person reads: where in the playbook, and what.
 * roadie's own exceptions speak for themselves; anything else is named by its class, since
 * "NullPointerException" says more than its message alone.
 */
final class Failures {
  static final List<String> KEYWORDS =
      List.of(
          "description", "schedule", "timeout", "overlap", "misfire", "resumable", "param", "step",
          "onFailure", "onSuccess", "always", "check", "println");

  private Failures() {}

  static String describe(Throwable error, CompiledPlaybook playbook) {
    if (error instanceof StepTimeoutException timeout) {
      return timeout.getMessage();
    }
    if (error instanceof groovy.lang.MissingMethodException missing
        && missing.getType() == playbook.scriptClass()) {
      return where(error, playbook) + unknownMethod(missing.getMethod());
    }
    String message = error.getMessage() == null ? "" : error.getMessage().strip();
    if (error instanceof PlaybookException && message.startsWith(playbook.displayPath() + ":")) {
      return Redactor.redact(message);
    }
    String what =
        isOwn(error) || error instanceof AssertionError
            ? message
            : error.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    return Redactor.redact(where(error, playbook) + what);
  }

  private static String where(Throwable error, CompiledPlaybook playbook) {
    return ScriptLines.of(error, playbook.scriptClass())
        .map(line -> playbook.displayPath() + ":" + line + ": ")
        .orElse(playbook.displayPath() + ": ");
  }

  private static String unknownMethod(String name) {
    return "unknown keyword or method '"
        + name
        + "'"
        + Suggestions.didYouMean(name, KEYWORDS)
        + "; the keywords are "
        + String.join(", ", KEYWORDS);
  }

  private static boolean isOwn(Throwable error) {
    return error.getClass().getName().startsWith("dev.roadie.");
  }
}
