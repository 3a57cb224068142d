package dev.roadie.history;

import java.util.List;

/** An id prefix (of a run, an incident) that matches more than one record. */
public final class AmbiguousIdException extends RuntimeException {
  private final List<String> matches;

  public AmbiguousIdException(String prefix, List<String> matches) {
    this("run", prefix, matches, matches.size());
  }

  /**
   * @param what what the ids name: {@code run}, {@code incident}
   * @param matches some of the matching ids, to show
   * @param total how many match in all
   */
  public AmbiguousIdException(String what, String prefix, List<String> matches, int total) {
    super(
        what
            + " id '"
            + prefix
            + "' matches "
            + total
            + " "
            + what
            + "s ("
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
