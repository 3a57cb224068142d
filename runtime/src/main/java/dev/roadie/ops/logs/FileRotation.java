package dev.roadie.ops.logs;

import java.nio.file.Path;
import java.util.List;

/**
 * What rotation did to one log, or would do in a dry run.
 *
 * @param detail where it went, or why it was skipped or failed
 * @param actions the changes made (or planned) for it, in order, as the run records them
 */
public record FileRotation(Path log, Status status, String detail, List<String> actions) {
  public enum Status {
    ROTATED,
    SKIPPED,
    FAILED
  }

  public FileRotation {
    actions = List.copyOf(actions);
  }

  public boolean isRotated() {
    return status == Status.ROTATED;
  }

  public boolean isFailed() {
    return status == Status.FAILED;
  }

  @Override
  public String toString() {
    return describe(false);
  }

  /** As {@link #toString}, with "would rotate" for a rotation a dry run only planned. */
  String describe(boolean dryRun) {
    String what =
        dryRun && status == Status.ROTATED
            ? "would rotate"
            : status.name().toLowerCase(java.util.Locale.ROOT);
    return log.getFileName() + ": " + what + ", " + detail;
  }
}
