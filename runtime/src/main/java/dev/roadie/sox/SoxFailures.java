package dev.roadie.sox;

import java.util.List;
import java.util.Locale;

/**
 * Reads a failed run's exit code and stderr into a {@link SoxException}. sox exits 1 for usage
 * errors (a bad effect option) and 2 for file errors (a missing, unreadable or unknown input, an
 * output it cannot write); a misspelt effect name surfaces as "can't open input file" because sox
 * takes it for another input. Those are the caller's to fix. Running out of descriptors, memory or
 * disk is the machine's, and a later try may pass.
 */
final class SoxFailures {
  private static final List<String> MACHINE_TROUBLE =
      List.of(
          "too many open files",
          "cannot allocate memory",
          "resource temporarily unavailable",
          "no space left on device");

  private SoxFailures() {}

  static SoxException fromExit(String what, int exitCode, String stderr) {
    String failLine = failLine(stderr);
    SoxException.Kind kind;
    String how;
    if (exitCode > 128) {
      kind = SoxException.Kind.CRASHED;
      how = "sox was killed by signal " + (exitCode - 128);
    } else if (failLine != null
        && MACHINE_TROUBLE.stream().anyMatch(m -> failLine.toLowerCase(Locale.ROOT).contains(m))) {
      kind = SoxException.Kind.CRASHED;
      how = "sox exited " + exitCode;
    } else {
      kind =
          exitCode == 1 || exitCode == 2 ? SoxException.Kind.BAD_INPUT : SoxException.Kind.FAILED;
      how = "sox exited " + exitCode;
    }
    return new SoxException(kind, what + ": " + how + quoted(failLine), exitCode, failLine, null);
  }

  /**
   * The line that says why: sox's {@code FAIL} line, else the first line of what it printed (the
   * usage text for exit 1).
   */
  static String failLine(String stderr) {
    String first = null;
    for (String line : stderr.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("sox FAIL") || trimmed.startsWith("soxi FAIL")) {
        return trimmed;
      }
      if (first == null && !trimmed.isEmpty() && !trimmed.startsWith("sox WARN")) {
        first = trimmed;
      }
    }
    return first;
  }

  private static String quoted(String failLine) {
    return failLine == null ? " and said nothing" : ": " + failLine;
  }
}
