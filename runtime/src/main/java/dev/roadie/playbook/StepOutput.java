package dev.roadie.playbook;

import dev.roadie.config.Redactor;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * What the current step prints and logs, kept for its record up to a limit and echoed to the run's
 * listener. Steps run one at a time, so one buffer serves the run. Past the limit the start and the
 * end are kept (a quarter and three quarters of it) and the middle is dropped: a failure's message
 * is usually at the end, and what the step set out to do at the start.
 */
final class StepOutput {
  private final int limit;
  private final RunListener listener;
  private final int headLimit;
  private final StringBuilder head = new StringBuilder();
  private final OutputTail tail;
  private final java.util.Set<Thread> disowned =
      java.util.Collections.newSetFromMap(new java.util.concurrent.ConcurrentHashMap<>());

  StepOutput(int limit, RunListener listener) {
    this.limit = limit;
    this.listener = listener;
    this.headLimit = limit / 4;
    this.tail = new OutputTail(limit - headLimit);
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
    int room = headLimit - head.length();
    if (room >= text.length()) {
      head.append(text);
    } else {
      head.append(text, 0, Math.max(room, 0));
      tail.append(text.substring(Math.max(room, 0)));
    }
    if (echo) {
      listener.output(text);
    }
  }

  /** The step's output so far, redacted, and a fresh buffer for the next step. */
  synchronized String take() {
    String text = head.toString();
    long dropped = tail.overwritten();
    if (dropped > 0) {
      text +=
          "\n... ("
              + dropped
              + " characters not kept here; engine.output_limit is "
              + limit
              + ": the first "
              + headLimit
              + " and the last "
              + (limit - headLimit)
              + " are kept) ...\n";
    }
    text += tail;
    head.setLength(0);
    tail.clear();
    return Redactor.redact(text);
  }
}
