package dev.roadie.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auth check reading the systemd journal with the real journalctl, from journal files written
 * by the real systemd-journal-remote (scripts/setup installs it) out of journal export format.
 */
class JournalLoginsTest {
  private static final Path JOURNAL_REMOTE = Path.of("/lib/systemd/systemd-journal-remote");

  @TempDir Path home;

  private AuditReport audit(Map<String, ?> options) {
    OpsFixture fixture = new OpsFixture(home.resolve("roadie"), null);
    AuditReport report = fixture.ops().audit(options);
    assertThat(fixture.mutations).as("an audit changes nothing").isEmpty();
    return report;
  }

  /** One entry of journal export format; a {@code byte[]} value is written as a binary field. */
  private static void entry(ByteArrayOutputStream out, Instant at, Map<String, Object> fields) {
    long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
    text(out, "__REALTIME_TIMESTAMP=" + micros + "\n__MONOTONIC_TIMESTAMP=" + micros / 1000 + "\n");
    text(out, "_BOOT_ID=0123456789abcdef0123456789abcdef\n_HOSTNAME=venue-01\nPRIORITY=5\n");
    fields.forEach(
        (key, value) -> {
          if (value instanceof byte[] bytes) {
            text(out, key + "\n");
            out.writeBytes(
                ByteBuffer.allocate(8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(bytes.length)
                    .array());
            out.writeBytes(bytes);
            text(out, "\n");
          } else {
            text(out, key + "=" + value + "\n");
          }
        });
    text(out, "\n");
  }

  private static void text(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> syslog(int facility, String ident, int pid, Object message) {
    return Map.of(
        "SYSLOG_FACILITY", facility, "SYSLOG_IDENTIFIER", ident, "_PID", pid, "MESSAGE", message);
  }

  /** A journal directory holding {@code export} as one journal file. */
  private Path journal(byte[] export) throws Exception {
    assumeTrue(
        Files.isExecutable(JOURNAL_REMOTE),
        "systemd-journal-remote is not installed (scripts/setup installs it): journal tests skipped");
    Path input = Files.write(home.resolve("entries.export"), export);
    Path dir = Files.createDirectories(home.resolve("journal"));
    Process remote =
        new ProcessBuilder(
                JOURNAL_REMOTE.toString(),
                "--output=" + dir.resolve("auth.journal"),
                input.toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(remote.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(remote.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(remote.exitValue()).as(said).isZero();
    return dir;
  }

  @Test
  void failedLoginsAreCountedFromTheJournalsAuthFacilitiesSinceTheWindow() throws Exception {
    Instant now = Instant.now();
    Instant recent = now.minus(Duration.ofMinutes(30));
    ByteArrayOutputStream export = new ByteArrayOutputStream();
    // Two days old, first as in a real journal: outside since: '24h'.
    entry(
        export,
        now.minus(Duration.ofDays(2)),
        syslog(4, "sshd", 700, "Failed password for root from 192.0.2.99 port 1 ssh2"));
    for (int i = 0; i < 3; i++) {
      entry(
          export,
          recent.plusSeconds(i),
          syslog(
              4,
              "sshd",
              900 + i,
              "Failed password for invalid user admin from 203.0.113.7 port 5210" + i + " ssh2"));
    }
    entry(
        export,
        recent.plusSeconds(5),
        syslog(
            10,
            "sudo",
            950,
            "    deploy : 3 incorrect password attempts ; TTY=pts/0 ; USER=root ; COMMAND=/bin/ls"));
    // A message that is not UTF-8: journalctl hands it over as bytes.
    byte[] latin1 =
        "Invalid user m\u00fcller from 198.51.100.9 port 4000"
            .getBytes(StandardCharsets.ISO_8859_1);
    entry(export, recent.plusSeconds(6), syslog(4, "sshd", 960, latin1));
    // Not the auth facilities: a line that looks like one does not count.
    entry(
        export,
        recent.plusSeconds(7),
        syslog(3, "sshd", 970, "Failed password for root from 192.0.2.50 port 1 ssh2"));
    Path dir = journal(export.toByteArray());

    AuditReport report = audit(Map.of("journal", dir.toString(), "since", "24h", "updates", false));

    assertThat(report.failedLogins())
        .containsExactly(
            new FailedLogins.Count("admin", "203.0.113.7", 3, Map.of("failed password", 3)),
            new FailedLogins.Count(
                "deploy", "local (sudo)", 1, Map.of("sudo incorrect password", 1)),
            new FailedLogins.Count("m\ufffdller", "198.51.100.9", 1, Map.of("invalid user", 1)));
    assertThat(report.of("auth"))
        .extracting(AuditFinding::what)
        .contains("read 5 auth entries from the journal " + dir);
    assertThat(report.findings("medium"))
        .extracting(AuditFinding::where)
        .containsExactly("admin from 203.0.113.7");
  }

  @Test
  void authLogsThatDoNotExistFallBackToTheSystemJournal() {
    assumeTrue(
        Commands.onPath("journalctl"), "journalctl is not installed: nothing to fall back to");
    Path missing = home.resolve("auth.log");

    AuditReport report = audit(Map.of("authLogs", missing.toString(), "updates", false));

    // Whatever this machine's journal holds, the check says it read it, or that it has no files.
    assertThat(report.checks()).contains("auth");
    assertThat(report.of("auth"))
        .extracting(AuditFinding::what)
        .anyMatch(what -> what.contains("the system journal"));
  }

  @Test
  void journalFalseKeepsTheCheckToTheAuthLogs() {
    Path missing = home.resolve("auth.log");

    AuditReport report =
        audit(Map.of("authLogs", missing.toString(), "journal", false, "updates", false));

    assertThat(report.of("auth"))
        .extracting(AuditFinding::what)
        .containsExactly(
            missing
                + " does not exist; nothing read (where only journald keeps the log, give journal: true)");
  }

  @Test
  void aJournalPathThatDoesNotExistIsNamedAndAnythingElseIsRefused() {
    Path missing = home.resolve("no-journal");

    AuditReport report = audit(Map.of("journal", missing.toString(), "updates", false));

    assertThat(report.of("auth"))
        .extracting(AuditFinding::level, AuditFinding::what)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                AuditFinding.Level.INFO, missing + " does not exist; nothing read"));
    assertThatThrownBy(() -> audit(Map.of("journal", 42, "updates", false)))
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "ops.audit journal: '42' is not true (the system journal), false, or a journal"
                + " directory or file");
  }

  @Test
  void aJournalctlThatOutlivesItsTimeoutIsStoppedAndNamed() throws Exception {
    Path slow = home.resolve("slow-journalctl");
    Files.writeString(slow, "#!/bin/sh\necho '{\"MESSAGE\":\"x\"}'\nexec sleep 30\n");
    slow.toFile().setExecutable(true);
    FailedLogins into =
        FailedLogins.read(List.of(), Instant.EPOCH, Instant.now(), java.time.ZoneOffset.UTC);
    long start = System.nanoTime();

    JournalLogins.read(into, slow.toString(), null, Instant.EPOCH, Duration.ofMillis(300));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    assertThat(into.findings())
        .extracting(AuditFinding::what)
        .containsExactly(
            "the system journal was not read: "
                + slow
                + " --no-pager --quiet --output=json"
                + " --output-fields=MESSAGE,SYSLOG_IDENTIFIER,_COMM,_PID --since=@0"
                + " SYSLOG_FACILITY=4 SYSLOG_FACILITY=10 did not finish within 300ms");
  }
}
