package dev.roadie.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ops.audit(paths:, ports:, authLogs:, journal:, serviceUser:, since:, updates:,
 * aptTimeout:, journalTimeout:)}: runs the checks whose arguments are given ({@code updates} unless
 * {@code updates: false}) and gathers their findings. It reads only: nothing on the machine
 * changes, so nothing goes through {@code run.mutate}, and a dry run audits for real.
 */
final class Audit {
  static final Duration DEFAULT_SINCE = Duration.ofHours(24);
  static final Duration DEFAULT_APT_TIMEOUT = Duration.ofSeconds(60);
  static final Duration DEFAULT_JOURNAL_TIMEOUT = Duration.ofSeconds(60);
  private static final String JOURNALCTL = "journalctl";

  private Audit() {}

  static AuditReport run(Map<String, ?> options) {
    return run(options, Path.of("/etc"), "apt");
  }

  /** With the account files under {@code etc} and apt as {@code apt}: for tests of each branch. */
  static AuditReport run(Map<String, ?> options, Path etc, String apt) {
    Args args =
        Args.of(
            "ops.audit",
            options,
            "paths",
            "ports",
            "authLogs",
            "serviceUser",
            "since",
            "updates",
            "aptTimeout",
            "journal",
            "journalTimeout");
    List<String> checks = new ArrayList<>();
    List<AuditFinding> findings = new ArrayList<>();
    List<FailedLogins.Count> logins = List.of();
    List<PendingUpdates.Update> updates = List.of();
    if (args.has("paths")) {
      checks.add(WritableFiles.CHECK);
      findings.addAll(WritableFiles.under(args.paths("paths")));
    }
    if (args.has("ports")) {
      checks.add(UnexpectedPorts.CHECK);
      findings.addAll(UnexpectedPorts.against(ports(args.texts("ports"))));
    }
    Object journal = journal(args.raw("journal"));
    if (args.has("authLogs") || (journal != null && journal != Boolean.FALSE)) {
      checks.add(FailedLogins.CHECK);
      Instant now = Instant.now();
      Instant since = now.minus(args.duration("since", DEFAULT_SINCE));
      List<Path> logs = args.has("authLogs") ? args.paths("authLogs") : List.of();
      FailedLogins read = FailedLogins.read(logs, since, now, ZoneId.systemDefault());
      if (journal == null && !logs.isEmpty() && logs.stream().noneMatch(Files::isRegularFile)) {
        // None of the auth logs exists: on a machine without rsyslog the journal has them.
        journal = Commands.onPath(JOURNALCTL) ? Boolean.TRUE : null;
      }
      if (journal instanceof Path path || journal == Boolean.TRUE) {
        JournalLogins.read(
            read,
            JOURNALCTL,
            journal instanceof Path path ? path : null,
            since,
            args.duration("journalTimeout", DEFAULT_JOURNAL_TIMEOUT));
      }
      logins = read.counts();
      findings.addAll(read.findings());
    }
    if (args.has("serviceUser")) {
      checks.add(ServiceAccount.CHECK);
      findings.addAll(ServiceAccount.check(etc, args.text("serviceUser", null)));
    }
    Object wantUpdates = args.raw("updates");
    if (wantUpdates != null && !(wantUpdates instanceof Boolean)) {
      throw new OpsException("ops.audit updates: '" + wantUpdates + "' is not true or false");
    }
    if (!Boolean.FALSE.equals(wantUpdates)) {
      checks.add(PendingUpdates.CHECK);
      PendingUpdates.Result pending =
          PendingUpdates.check(apt, args.duration("aptTimeout", DEFAULT_APT_TIMEOUT));
      updates = pending.updates();
      findings.addAll(pending.findings());
    }
    return new AuditReport(checks, findings, logins, updates);
  }

  /** {@code journal:}: true (the system's), false, a journal directory or file, or not given. */
  private static Object journal(Object value) {
    if (value == null || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Path || value instanceof CharSequence) {
      return Path.of(value.toString());
    }
    throw new OpsException(
        "ops.audit journal: '"
            + value
            + "' is not true (the system journal), false, or a journal directory or file");
  }

  private static Set<Integer> ports(List<String> texts) {
    Set<Integer> ports = new LinkedHashSet<>();
    for (String text : texts) {
      try {
        int port = Integer.parseInt(text.strip());
        if (port < 1 || port > 65535) {
          throw new NumberFormatException();
        }
        ports.add(port);
      } catch (NumberFormatException e) {
        throw new OpsException("ops.audit ports: '" + text + "' is not a port from 1 to 65535");
      }
    }
    return ports;
  }
}
