package dev.roadie.ops.logs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What housekeeping deleted, or, in a dry run, would delete: each file with its size and when it
 * last changed, the temp directories it left empty and removed, and the links it left alone.
 */
public record CleanupResult(
    boolean dryRun, List<Deleted> deleted, List<Path> linksLeft, List<Path> directories) {

  /** One file deleted (or to be). */
  public record Deleted(Path file, long bytes, Instant lastModified) {
    @Override
    public String toString() {
      return file + " (" + bytes + " bytes, last changed " + lastModified + ")";
    }
  }

  public CleanupResult {
    deleted = List.copyOf(deleted);
    linksLeft = List.copyOf(linksLeft);
    directories = List.copyOf(directories);
  }

  public int getCount() {
    return deleted.size();
  }

  /** The bytes freed (or that would be). */
  public long getBytes() {
    return deleted.stream().mapToLong(Deleted::bytes).sum();
  }

  CleanupResult plus(CleanupResult other) {
    return new CleanupResult(
        dryRun,
        java.util.stream.Stream.concat(deleted.stream(), other.deleted.stream()).toList(),
        java.util.stream.Stream.concat(linksLeft.stream(), other.linksLeft.stream()).toList(),
        java.util.stream.Stream.concat(directories.stream(), other.directories.stream()).toList());
  }

  @Override
  public String toString() {
    StringBuilder text =
        new StringBuilder(dryRun ? "would delete " : "deleted ")
            .append(getCount())
            .append(getCount() == 1 ? " file, " : " files, ")
            .append(
                directories.isEmpty()
                    ? ""
                    : directories.size()
                        + (directories.size() == 1 ? " empty directory, " : " empty directories, "))
            .append(getBytes())
            .append(dryRun ? " bytes would be freed" : " bytes freed");
    if (!linksLeft.isEmpty()) {
      text.append("; ").append(linksLeft.size()).append(" symlinks left alone (never followed)");
    }
    deleted.forEach(file -> text.append("\n  ").append(file));
    directories.forEach(dir -> text.append("\n  ").append(dir).append("/ (empty directory)"));
    return text.toString();
  }
}
