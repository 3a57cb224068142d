package dev.roadie.sox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a batch, file by file: one bad file does not stop the others.
 *
 * @param converted the outputs written (or, in a dry run, that would be), in input order
 * @param failed each failed input with the reason
 */
public record BatchResult(List<Path> converted, Map<Path, String> failed) {
  public BatchResult {
    converted = List.copyOf(converted);
    failed = Map.copyOf(failed);
  }

  public boolean isOk() {
    return failed.isEmpty();
  }

  /** Fails (the step) naming every file that failed and why. */
  public BatchResult requireAllOk() {
    if (!failed.isEmpty()) {
      StringBuilder message =
          new StringBuilder(
              failed.size() + " of " + (failed.size() + converted.size()) + " conversions failed:");
      failed.forEach((file, reason) -> message.append("\n  ").append(reason));
      throw new SoxException(SoxException.Kind.FAILED, message.toString());
    }
    return this;
  }

  @Override
  public String toString() {
    return converted.size() + " converted, " + failed.size() + " failed";
  }
}
