package dev.roadie.history;

import java.util.List;

/** A run id prefix that matches more than one run. */
public final class AmbiguousRunIdException extends RuntimeException {
  private final List<String> matches;

  public AmbiguousRunIdException(String prefix, List<String> matches) {
    super(
        "run id '"
            + prefix
            + "' matches "
            + matches.size()
            + " runs ("
            + String.join(", ", matches)
            + "); give more of the id");
    this.matches = List.copyOf(matches);
  }

  public List<String> matches() {
    return matches;
  }
}
