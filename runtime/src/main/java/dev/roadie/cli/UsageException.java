package dev.roadie.cli;

/** A command given something it cannot use (a run id that does not exist, a bad limit). */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
