package dev.roadie.ops;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code ops.audit} found, most urgent first. Besides the findings it keeps the counts a
 * playbook may want to trend: failed logins by user and source, and the pending updates.
 *
 * @param checks the checks that ran, in order
 */
public record AuditReport(
    List<String> checks,
    List<AuditFinding> findings,
    List<FailedLogins.Count> failedLogins,
    List<PendingUpdates.Update> updates) {

  public AuditReport {
    checks = List.copyOf(checks);
    findings =
        findings.stream()
            .sorted(
                Comparator.comparing(AuditFinding::level)
                    .thenComparing(AuditFinding::check)
                    .thenComparing(AuditFinding::where))
            .toList();
    failedLogins = List.copyOf(failedLogins);
    updates = List.copyOf(updates);
  }

  /** The findings of one level: {@code report.findings('high')}. */
  public List<AuditFinding> findings(String level) {
    AuditFinding.Level wanted;
    try {
      wanted = AuditFinding.Level.valueOf(level.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new OpsException(
          "audit findings: no level '" + level + "'; the levels are high, medium, low and info");
    }
    return findings.stream().filter(f -> f.level() == wanted).toList();
  }

  /** The findings of one check: {@code report.of('ports')}. */
  public List<AuditFinding> of(String check) {
    return findings.stream().filter(f -> f.check().equals(check)).toList();
  }

  /** True when nothing high or medium was found. */
  public boolean isClean() {
    return findings.stream()
        .noneMatch(
            f -> f.level() == AuditFinding.Level.HIGH || f.level() == AuditFinding.Level.MEDIUM);
  }

  @Override
  public String toString() {
    String counts =
        java.util.Arrays.stream(AuditFinding.Level.values())
            .map(level -> findings(level.name()).size() + " " + level)
            .collect(Collectors.joining(", "));
    return "audit ("
        + String.join(", ", checks)
        + "): "
        + counts
        + findings.stream()
            .filter(f -> f.level() != AuditFinding.Level.INFO)
            .map(f -> "\n  " + f)
            .collect(Collectors.joining());
  }
}
