package dev.roadie.cli;

import dev.roadie.history.RunRecord;
import dev.roadie.history.RunStatus;
import dev.roadie.history.StepRecord;
import dev.roadie.playbook.RunListener;
import dev.roadie.run.Mutation;
import java.io.PrintWriter;
import java.time.Duration;

/** A run as people read it, line by line while it happens. Texts arrive redacted. */
final class RunPrinter implements RunListener {
  private final PrintWriter out;
  private boolean midLine;

  RunPrinter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void runStarted(RunRecord run) {
    out.printf(
        "run %s: %s (%s%s)%n",
        run.id(),
        run.playbook(),
        run.trigger(),
        run.dryRun() ? ", dry run: nothing will change" : "");
    out.flush();
  }

  @Override
  public synchronized void output(String text) {
    for (String line : text.split("(?<=\n)")) {
      if (!midLine) {
        out.print("    | ");
      }
      out.print(line);
      midLine = !line.endsWith("\n");
    }
    out.flush();
  }

  @Override
  public synchronized void mutated(Mutation mutation) {
    endLine();
    out.printf(
        "    %s %s: %s%n", mutation.outcome().label(), mutation.target(), mutation.description());
    out.flush();
  }

  @Override
  public synchronized void stepFinished(StepRecord step) {
    endLine();
    out.println("  " + headline(step));
    if (step.error() != null) {
      for (String line : step.error().split("\n")) {
        out.println("              " + line);
      }
    }
    out.flush();
  }

  @Override
  public void runFinished(RunRecord run) {
    endLine();
    String outcome = run.status() == RunStatus.SUCCEEDED ? "succeeded" : run.status().label();
    out.printf("%s %s in %s%n", run.playbook(), outcome, millis(run.duration()));
    if (run.error() != null) {
      out.println("  " + run.error().split("\n")[0]);
    }
    long planned =
        run.mutations().stream().filter(m -> m.outcome() == Mutation.Outcome.WOULD_DO).count();
    if (run.dryRun()) {
      out.printf("dry run: %d change%s planned, none made%n", planned, planned == 1 ? "" : "s");
    }
    out.flush();
  }

  private void endLine() {
    if (midLine) {
      out.println();
      midLine = false;
    }
  }

  /** A step in one line: {@code [failed] name (12ms, 3 attempts)}. */
  static String headline(StepRecord step) {
    String label = step.kind().equals("step") ? step.name() : step.kind();
    String attempts = step.attempts() > 1 ? ", " + step.attempts() + " attempts" : "";
    return String.format(
        "%-11s %s (%s%s)",
        "[" + step.status().label() + "]", label, millis(step.duration()), attempts);
  }

  static String millis(Duration duration) {
    long ms = duration.toMillis();
    return ms < 1000 ? ms + "ms" : String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
  }
}
