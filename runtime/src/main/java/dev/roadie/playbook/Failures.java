package dev.roadie.playbook;

import dev.roadie.config.Redactor;

/**
 * Turns what a step threw into the one line a person reads: where in the playbook, and what.
 * roadie's own exceptions speak for themselves; anything else is named by its class, since
 * "NullPointerException" says more than its message alone.
 */
final class Failures {
  private Failures() {}

  static String describe(Throwable error, CompiledPlaybook playbook) {
    if (error instanceof StepTimeoutException timeout) {
      return timeout.getMessage();
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

  private static boolean isOwn(Throwable error) {
    return error.getClass().getName().startsWith("dev.roadie.");
  }
}
