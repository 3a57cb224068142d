package dev.roadie.playbook;

import java.util.List;

/** The parameters given to a run do not fit the ones its playbook declares; lists them all. */
public final class ParamException extends PlaybookException {
  private final List<String> problems;

  public ParamException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
