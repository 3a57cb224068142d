package dev.roadie.run;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress bar for long fleet and batch operations, drawn on stderr only when roadie
 * runs on a terminal: in logs, CI and the scheduler it stays silent. Thread-safe; redrawn at most
 * ten times a second.
 */
public final class Progress implements AutoCloseable {
  private static final int WIDTH = 30;

  private final String label;
  private final int total;
  private final PrintStream out;
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private volatile long lastDrawn;

  private Progress(String label, int total, PrintStream out) {
    this.label = label;
    this.total = total;
    this.out = out;
  }

  /** A bar on the terminal, or one that draws nothing when stderr is not a terminal. */
  public static Progress start(String label, int total) {
    return new Progress(label, total, System.console() == null ? null : System.err);
  }

  public void step(boolean ok) {
    int now = done.incrementAndGet();
    if (!ok) {
      failed.incrementAndGet();
    }
    long t = System.nanoTime();
    if (out != null && (now == total || t - lastDrawn > 100_000_000L)) {
      lastDrawn = t;
      draw(now);
    }
  }

  private synchronized void draw(int now) {
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * now / total);
    String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
    String failures = failed.get() == 0 ? "" : ", " + failed.get() + " failed";
    out.print("\r" + label + " [" + bar + "] " + now + "/" + total + failures);
    out.flush();
  }

  @Override
  public void close() {
    if (out != null) {
      draw(done.get());
      out.println();
    }
  }
}
