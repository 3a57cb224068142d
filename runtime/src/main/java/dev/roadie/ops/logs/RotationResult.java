package dev.roadie.ops.logs;

import dev.roadie.ops.OpsException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code ops.logs(dir).rotate(...)} did, one {@link FileRotation} per matching log, sorted by
 * name; printed, it is a summary line and a line per log. A log that failed does not stop the
 * others: {@link #requireOk()} turns failures into a failed step.
 *
 * @param postRotate whether the postRotate block ran (or, in a dry run, would have)
 */
public record RotationResult(
    Path dir, String pattern, boolean dryRun, List<FileRotation> files, boolean postRotate) {

  public RotationResult {
    files = List.copyOf(files);
  }

  public List<FileRotation> getRotated() {
    return files.stream().filter(FileRotation::isRotated).toList();
  }

  public List<FileRotation> getFailed() {
    return files.stream().filter(FileRotation::isFailed).toList();
  }

  public boolean isOk() {
    return getFailed().isEmpty();
  }

  /**
   * @throws OpsException naming every log that failed and why
   */
  public RotationResult requireOk() {
    if (!isOk()) {
      throw new OpsException(
          "log rotation in "
              + dir
              + " failed for "
              + getFailed().stream().map(FileRotation::toString).collect(Collectors.joining("; ")));
    }
    return this;
  }

  @Override
  public String toString() {
    if (files.isEmpty()) {
      return "no files matching " + pattern + " in " + dir + "; nothing to rotate";
    }
    long skipped = files.size() - getRotated().size() - getFailed().size();
    StringBuilder text =
        new StringBuilder(dryRun ? "would rotate " : "rotated ")
            .append(getRotated().size())
            .append(" of ")
            .append(files.size())
            .append(" logs in ")
            .append(dir)
            .append(" (")
            .append(skipped)
            .append(" skipped, ")
            .append(getFailed().size())
            .append(" failed)")
            .append(postRotate ? (dryRun ? ", then postRotate" : ", postRotate ran") : "");
    files.forEach(file -> text.append("\n  ").append(file.describe(dryRun)));
    return text.toString();
  }
}
