package dev.roadie.playbook;

/**
 * A problem at a place in a playbook, printed like compiler output:
 *
 * <pre>
 * playbooks/bad.groovy:3:14: error: unexpected token: }
 *   step('x') { }}
 *                ^
 * </pre>
 */
public record Diagnostic(String file, int line, int column, String message, String sourceLine) {

  public String format() {
    StringBuilder text = new StringBuilder(file).append(':').append(line);
    if (column > 0) {
      text.append(':').append(column);
    }
    text.append(": error: ").append(message);
    if (sourceLine != null && !sourceLine.isBlank()) {
      text.append('\n').append(sourceLine.stripTrailing());
      if (column > 0) {
        text.append('\n').append(caretUnder(sourceLine, column));
      }
    }
    return text.toString();
  }

  /** Keeps tabs so the caret lines up whatever the reader's tab width. */
  private static String caretUnder(String source, int column) {
    StringBuilder pad = new StringBuilder();
    for (int i = 0; i < column - 1 && i < source.length(); i++) {
      pad.append(source.charAt(i) == '\t' ? '\t' : ' ');
    }
    return pad.append('^').toString();
  }
}
