package dev.roadie.playbook;

import java.util.Optional;

/** Finds where in a playbook something happened, from the JVM stack. */
final class ScriptLines {
  private ScriptLines() {}

  /** The playbook line currently executing on this thread, or 0 when none is. */
  static int current(Class<?> scriptClass) {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(frame -> isScriptFrame(frame.getClassName(), scriptClass))
                    .filter(frame -> frame.getLineNumber() > 0)
                    .findFirst()
                    .map(StackWalker.StackFrame::getLineNumber))
        .orElse(0);
  }

  /** The innermost playbook line in {@code error}'s stack (or its causes'), if any. */
  static Optional<Integer> of(Throwable error, Class<?> scriptClass) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      for (StackTraceElement frame : cause.getStackTrace()) {
        if (isScriptFrame(frame.getClassName(), scriptClass) && frame.getLineNumber() > 0) {
          return Optional.of(frame.getLineNumber());
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }

  private static boolean isScriptFrame(String className, Class<?> scriptClass) {
    String name = scriptClass.getName();
    return className.equals(name) || className.startsWith(name + "$");
  }
}
