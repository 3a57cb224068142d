package dev.roadie.ops;

import java.io.EOFException;
import java.io.IOException;

/**
 * An I/O failure in words for a person. Some readers throw without a message (commons-compress's
 * tar reader ends a cut archive with a bare {@link EOFException}), which would print as "null".
 */
final class IoErrors {
  private IoErrors() {}

  static String describe(IOException e) {
    String message = e.getMessage() == null ? "" : e.getMessage().strip();
    if (e instanceof EOFException) {
      return "it ends early (truncated)" + (message.isEmpty() ? "" : ": " + message);
    }
    return message.isEmpty() ? e.getClass().getSimpleName() : message;
  }
}
