package dev.roadie.playbook;

import dev.roadie.config.Redactor;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * What the current step prints and logs, kept for its record up to a limit and echoed to the run's
 * listener. Steps run one at a time, so one buffer serves the run.
 */
final class StepOutput {
  private final int limit;
  private final RunListener listener;
  private final StringBuilder buffer = new StringBuilder();
  private long dropped;
  private final java.util.Set<Thread> disowned =
      java.util.Collections.newSetFromMap(new java.util.concurrent.ConcurrentHashMap<>());

  StepOutput(int limit, RunListener listener) {
    this.limit = limit;
    this.listener = listener;
  }

  /** A writer for {@code println} and {@code print} in playbooks: kept and echoed. */
  PrintWriter printer() {
    return new PrintWriter(
        new Writer() {
          @Override
          public void write(char[] chars, int offset, int length) {
            StepOutput.this.append(new String(chars, offset, length), true);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        },
        true);
  }

  /**
   * @param echo false for log lines, which the log itself already shows
   */
  /**
   * Drops what {@code thread} writes from now on: a step left running after its timeout must not
   * write into the steps after it.
   */
  void disown(Thread thread) {
    disowned.add(thread);
  }

  synchronized void append(String raw, boolean echo) {
    if (disowned.contains(Thread.currentThread())) {
      return;
    }
    // Masked before it is kept: the limit may cut a secret in half, where it cannot be found.
    String text = Redactor.redact(raw);
    int room = limit - buffer.length();
    if (room >= text.length()) {
      buffer.append(text);
    } else {
      buffer.append(text, 0, Math.max(room, 0));
      dropped += text.length() - Math.max(room, 0);
    }
    if (echo) {
      listener.output(text);
    }
  }

  /** The step's output so far, redacted, and a fresh buffer for the next step. */
  synchronized String take() {
    String text = buffer.toString();
    if (dropped > 0) {
      text +=
          "\n... (" + dropped + " more characters not kept; engine.output_limit is " + limit + ")";
    }
    buffer.setLength(0);
    dropped = 0;
    return Redactor.redact(text);
  }
}
