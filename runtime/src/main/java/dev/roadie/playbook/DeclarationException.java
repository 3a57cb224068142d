package dev.roadie.playbook;

import java.util.List;

/** A playbook's declarations have mistakes; lists them all, each at its file and line. */
public final class DeclarationException extends PlaybookException {
  private final List<String> problems;

  DeclarationException(List<String> problems, Throwable cause) {
    super(String.join("\n", problems), cause);
    this.problems = List.copyOf(problems);
  }

  /** One entry per mistake, in the order they were made. */
  public List<String> problems() {
    return problems;
  }
}
