package dev.roadie.playbook;

import java.util.List;
import java.util.stream.Collectors;

/** A playbook that does not compile; carries one diagnostic per error the compiler found. */
public final class PlaybookCompileException extends PlaybookException {
  private final List<Diagnostic> diagnostics;

  public PlaybookCompileException(List<Diagnostic> diagnostics) {
    super(diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
