package dev.roadie.speaker;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bar on the terminal for a long fleet operation; nothing when output is not a terminal. Steps
 * come from many threads at once, so the count drawn is read under the drawing lock: a thread that
 * waited for the lock draws the count as it is then, never the older one it saw when it stepped,
 * and the bar only moves forward.
 */
final class FleetProgress {
  private static final FleetProgress NONE = new FleetProgress(null, null, 0);
  private final PrintStream out;
  private final String label;
  private final int total;
  private final AtomicInteger done = new AtomicInteger();
  private int drawn; // guarded by this

  FleetProgress(PrintStream out, String label, int total) {
    this.out = out;
    this.label = label;
    this.total = total;
  }

  static FleetProgress forTerminal(String label, int total) {
    return System.console() != null && total >= 20
        ? new FleetProgress(System.err, label, total)
        : NONE;
  }

  void step() {
    if (out == null) return;
    int now = done.incrementAndGet();
    if (now == total || now % Math.max(1, total / 50) == 0) {
      draw();
    }
  }

  private synchronized void draw() {
    int now = done.get();
    if (now <= drawn) {
      return;
    }
    drawn = now;
    int filled = now * 30 / total;
    out.print(
        "\r"
            + label
            + " ["
            + "#".repeat(filled)
            + " ".repeat(30 - filled)
            + "] "
            + now
            + "/"
            + total);
    out.flush();
  }

  synchronized void done() {
    if (out != null) {
      out.print("\r" + " ".repeat(label.length() + 45) + "\r");
      out.flush();
    }
  }
}
