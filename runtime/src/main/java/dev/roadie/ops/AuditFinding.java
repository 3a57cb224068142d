package dev.roadie.ops;

import java.util.Locale;
import java.util.Objects;

/**
 * One thing {@code ops.audit} found: how bad it is, what it is, where, and what to do about it.
 *
 * @param check the audit check that found it: {@code writable}, {@code ports}, {@code auth}, {@code
 *     account}, {@code updates}
 * @param where the file, socket, log or account it is about
 * @param fix what to do, as a command where there is one; empty for an info finding
 */
public record AuditFinding(Level level, String check, String what, String where, String fix) {

  /** How urgent a finding is; {@code INFO} says what was seen or could not be checked. */
  public enum Level {
    HIGH,
    MEDIUM,
    LOW,
    INFO;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public AuditFinding {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(what, "what");
    where = where == null ? "" : where;
    fix = fix == null ? "" : fix;
  }

  static AuditFinding info(String check, String what, String where) {
    return new AuditFinding(Level.INFO, check, what, where, "");
  }

  @Override
  public String toString() {
    return level + " " + check + ": " + what + (fix.isEmpty() ? "" : "; " + fix);
  }
}
