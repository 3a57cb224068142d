package dev.roadie.history;

import java.util.List;

/** A run id prefix that matches more than one run. */
public final class AmbiguousRunIdException extends RuntimeException {
  private final List<String> matches;

  public AmbiguousRunIdException(String prefix, List<String> matches) {
    this(prefix, matches, matches.size());
  }

  /**
   * @param matches some of the matching ids, to show
   * @param total how many runs match in all
   */
  public AmbiguousRunIdException(String prefix, List<String> matches, int total) {
    super(
        "run id '"
            + prefix
            + "' matches "
            + total
            + " runs ("
            + String.join(", ", matches)
            + (total > matches.size() ? ", and " + (total - matches.size()) + " more" : "")
            + "); give more of the id");
    this.matches = List.copyOf(matches);
  }

  /** The matching ids shown in the message: all of them, or the first few of many. */
  public List<String> matches() {
    return matches;
  }
}
