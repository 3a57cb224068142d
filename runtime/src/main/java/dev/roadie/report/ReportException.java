package dev.roadie.report;

/** A report call a playbook made cannot be done as asked; the message says why and what to do. */
public final class ReportException extends RuntimeException {
  public ReportException(String message) {
    super(message);
  }
}
