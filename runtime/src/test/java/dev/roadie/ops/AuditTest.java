package dev.roadie.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roadie.ops.AuditFinding.Level;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ops.audit against real files, sockets, logs, accounts and apt on this machine. */
class AuditTest {
  @TempDir Path home;

  private AuditReport audit(Map<String, ?> options) {
    OpsFixture fixture = new OpsFixture(home.resolve("roadie"), null);
    AuditReport report = fixture.ops().audit(options);
    assertThat(fixture.mutations).as("an audit changes nothing").isEmpty();
    return report;
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void worldWritableFilesAndDirectoriesWithoutTheStickyBitAreFoundAndLinksAreNotFollowed()
      throws Exception {
    Path srv = Files.createDirectories(home.resolve("srv"));
    Files.writeString(srv.resolve("safe.conf"), "ok");
    Path open = Files.writeString(srv.resolve("open.conf"), "anyone");
    Path shared = Files.createDirectories(srv.resolve("shared"));
    Path drop = Files.createDirectories(srv.resolve("drop"));
    Path outside = Files.writeString(home.resolve("outside.conf"), "not ours to audit");
    Files.createSymbolicLink(srv.resolve("link.conf"), outside);
    new ProcessBuilder("chmod", "o+w", open.toString(), shared.toString(), outside.toString())
        .inheritIO()
        .start()
        .waitFor();
    new ProcessBuilder("chmod", "1777", drop.toString()).inheritIO().start().waitFor();
    assertThat(mode(open)).endsWith("w-");

    AuditReport report =
        audit(
            Map.of(
                "paths",
                List.of(srv.toString(), home.resolve("gone").toString()),
                "updates",
                false));

    assertThat(report.checks()).containsExactly("writable");
    assertThat(report.findings())
        .containsExactly(
            new AuditFinding(
                Level.HIGH,
                "writable",
                "file " + open + " is writable by every user (mode 0646)",
                open.toString(),
                "chmod o-w " + open),
            new AuditFinding(
                Level.HIGH,
                "writable",
                "directory "
                    + shared
                    + " is writable by every user, without the sticky bit (mode"
                    + " 0757): anyone may replace or delete what is in it",
                shared.toString(),
                "chmod o-w "
                    + shared
                    + " (or chmod +t "
                    + shared
                    + " if it is meant to be shared)"),
            AuditFinding.info(
                "writable",
                home.resolve("gone") + " does not exist; nothing to check",
                home.resolve("gone").toString()));
    assertThat(report.isClean()).isFalse();
  }

  @Test
  void anUnexpectedListenerIsFoundWithItsProcessAndAnExpectedOneIsNot() throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    int idle = FreePorts.free();
    try (ServerSocket expected = new ServerSocket(0, 1, loopback);
        ServerSocket stray = new ServerSocket(0, 1, loopback);
        DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
      AuditReport report =
          audit(Map.of("ports", List.of(expected.getLocalPort(), idle), "updates", false));

      long pid = ProcessHandle.current().pid();
      String tcp = "tcp 127.0.0.1:" + stray.getLocalPort();
      assertThat(report.of("ports"))
          .anySatisfy(
              f -> {
                assertThat(f.where()).isEqualTo(tcp);
                assertThat(f.level()).isEqualTo(Level.LOW);
                assertThat(f.what())
                    .startsWith(
                        tcp
                            + " is listening on loopback and not expected; held by java (pid "
                            + pid
                            + ": ")
                    .contains("java");
                assertThat(f.fix())
                    .isEqualTo(
                        "stop java if it should not listen, or add "
                            + stray.getLocalPort()
                            + " to ports:");
              })
          .anySatisfy(
              f -> {
                assertThat(f.where()).isEqualTo("udp 127.0.0.1:" + udp.getLocalPort());
                assertThat(f.what())
                    .contains(" is open on loopback and not expected; held by java (pid " + pid);
              })
          .noneMatch(f -> f.where().endsWith(":" + expected.getLocalPort()))
          .contains(
              AuditFinding.info(
                  "ports",
                  "expected port " + idle + " has nothing listening on it",
                  "port " + idle));
    }
  }

  @Test
  void failedLoginsInTheWindowAreCountedByUserAndSource() throws Exception {
    Instant now = Instant.now();
    DateTimeFormatter syslog =
        DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      lines.add(
          now.minusSeconds(600 + i).atOffset(ZoneOffset.UTC)
              + " deck sshd[812]: Failed password for root from 203.0.113.5 port 4022"
              + i
              + " ssh2");
    }
    String recent = syslog.format(now.minusSeconds(3600));
    lines.add(recent + " deck sshd[900]: Invalid user admin from 198.51.100.7 port 50022");
    lines.add(
        recent
            + " deck sshd[900]: Failed password for invalid user admin from 198.51.100.7 port 50022 ssh2");
    lines.add(
        recent
            + " deck sshd[901]: pam_unix(sshd:auth): authentication failure; logname= uid=0"
            + " euid=0 tty=ssh ruser= rhost=198.51.100.7  user=admin");
    lines.add(
        recent
            + " deck sudo:      bob : 3 incorrect password attempts ; TTY=pts/0 ; PWD=/home/bob ;"
            + " USER=root ; COMMAND=/bin/bash");
    lines.add(
        recent
            + " deck sudo: pam_unix(sudo:auth): authentication failure; logname=bob uid=1000"
            + " euid=0 tty=/dev/pts/0 ruser=bob rhost=  user=bob");
    lines.add(
        recent + " deck sshd[902]: Accepted publickey for deploy from 192.0.2.10 port 1 ssh2");
    // Two days old: outside since: '24h'.
    lines.add(
        now.minus(Duration.ofDays(2)).atOffset(ZoneOffset.UTC)
            + " deck sshd[700]: Failed password for root from 192.0.2.99 port 1 ssh2");
    Path log = Files.write(home.resolve("auth.log"), lines, StandardCharsets.UTF_8);

    AuditReport report =
        audit(
            Map.of(
                "authLogs",
                List.of(log.toString(), home.resolve("nope.log").toString()),
                "since",
                "24h",
                "updates",
                false));

    assertThat(report.failedLogins())
        .containsExactly(
            new FailedLogins.Count("root", "203.0.113.5", 12, Map.of("failed password", 12)),
            new FailedLogins.Count(
                "admin",
                "198.51.100.7",
                3,
                Map.of("failed password", 1, "invalid user", 1, "authentication failure", 1)),
            new FailedLogins.Count(
                "bob",
                "local (sudo)",
                2,
                Map.of("sudo incorrect password", 1, "authentication failure", 1)));
    assertThat(report.of("auth"))
        .extracting(AuditFinding::level, AuditFinding::where)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Level.HIGH, "root from 203.0.113.5"),
            org.assertj.core.groups.Tuple.tuple(Level.MEDIUM, "admin from 198.51.100.7"),
            org.assertj.core.groups.Tuple.tuple(Level.LOW, "bob from local (sudo)"),
            org.assertj.core.groups.Tuple.tuple(Level.INFO, home.resolve("nope.log").toString()));
    assertThat(report.of("auth").get(0).fix())
        .isEqualTo(
            "block 203.0.113.5 (firewall, fail2ban) if it is not yours, and allow only key"
                + " logins (PasswordAuthentication no)");
  }

  @Test
  void theRealRootAndNobodyAccountsAreChecked() {
    AuditReport root = audit(Map.of("serviceUser", "root", "updates", false));
    AuditReport nobody = audit(Map.of("serviceUser", "nobody", "updates", false));
    AuditReport missing = audit(Map.of("serviceUser", "roadie-no-such-user", "updates", false));

    assertThat(root.findings("high"))
        .extracting(AuditFinding::what)
        .contains(
            "root has uid 0: it is root by another name",
            "root can log in: its shell is /bin/bash (a service user's should be /usr/sbin/nologin"
                + " or /bin/false)");
    assertThat(nobody.findings("high")).isEmpty();
    assertThat(nobody.findings("info"))
        .extracting(AuditFinding::what)
        .anyMatch(
            what ->
                what.startsWith(
                    "nobody: uid 65534, groups nogroup, home /nonexistent (missing), shell /usr/sbin/nologin"));
    assertThat(missing.findings())
        .containsExactly(
            new AuditFinding(
                Level.MEDIUM,
                "account",
                "service user roadie-no-such-user does not exist (not in /etc/passwd)",
                "roadie-no-such-user",
                "create it: useradd --system --shell /usr/sbin/nologin roadie-no-such-user"));
  }

  @Test
  void aServiceUserWithAPasswordAPowerfulGroupAndSudoRightsIsFlagged() throws Exception {
    Path etc = Files.createDirectories(home.resolve("etc"));
    Files.writeString(
        etc.resolve("passwd"),
        "root:x:0:0:root:/root:/bin/bash\naudiodeck:x:998:998::/var/lib/audiodeck:/usr/sbin/nologin\n");
    Files.writeString(
        etc.resolve("group"),
        "root:x:0:\naudiodeck:x:998:\naudio:x:29:audiodeck\nadm:x:4:syslog,audiodeck\n");
    Files.writeString(
        etc.resolve("shadow"), "root:*:19000:0:99999:7:::\naudiodeck:$y$j9T$abc$def:19000::::::\n");
    Files.writeString(
        etc.resolve("sudoers"),
        "Defaults env_reset\nroot ALL=(ALL:ALL) ALL\n#audiodeck ALL=(ALL) ALL\n");
    Files.createDirectories(etc.resolve("sudoers.d"));
    Files.writeString(
        etc.resolve("sudoers.d/audiodeck"),
        "\naudiodeck ALL=(root) NOPASSWD: /bin/systemctl restart audiodeck\n");

    AuditReport report =
        Audit.run(Map.of("serviceUser", "audiodeck", "updates", false), etc, "apt");

    assertThat(report.findings())
        .extracting(AuditFinding::toString)
        .containsExactly(
            "high account: audiodeck may run commands as another user through sudo: 'audiodeck"
                + " ALL=(root) NOPASSWD: /bin/systemctl restart audiodeck' ("
                + etc.resolve("sudoers.d/audiodeck")
                + ":2); remove or narrow that rule (visudo -f "
                + etc.resolve("sudoers.d/audiodeck")
                + ")",
            "high account: audiodeck is in adm, which can become root or read every log and secret;"
                + " gpasswd -d audiodeck adm (for each)",
            "medium account: audiodeck has a password set; a service user needs none; passwd -l audiodeck",
            "info account: audiodeck: uid 998, groups adm,audio,audiodeck, home /var/lib/audiodeck"
                + " (missing), shell /usr/sbin/nologin");

    Files.writeString(etc.resolve("shadow"), "audiodeck::19000::::::\n");
    assertThat(
            Audit.run(Map.of("serviceUser", "audiodeck", "updates", false), etc, "apt")
                .findings("high"))
        .extracting(AuditFinding::what)
        .contains("audiodeck has an empty password: anyone may log in as it");
  }

  @Test
  void sudoRightsGivenThroughAliasesListsUidsAndGroupsAreFoundAndTakenOutOnesAreNot()
      throws Exception {
    Path etc = Files.createDirectories(home.resolve("etc"));
    Files.writeString(
        etc.resolve("passwd"), "audiodeck:x:998:998::/var/lib/audiodeck:/usr/sbin/nologin\n");
    Files.writeString(etc.resolve("group"), "audiodeck:x:998:\nstaff:x:50:audiodeck\n");
    Files.writeString(etc.resolve("shadow"), "audiodeck:!:19000::::::\n");
    Files.writeString(
        etc.resolve("sudoers"),
        String.join(
            "\n",
            "Defaults:audiodeck !requiretty, env_keep+=HOME",
            "User_Alias OPERATORS = alice, \\",
            "    STAGEHANDS : NOBODY_ELSE = bob",
            "# audiodeck ALL=(ALL) ALL",
            "OPERATORS ALL=(root) /bin/systemctl restart audiodeck # the deck's own",
            "NOBODY_ELSE ALL=(ALL) ALL",
            "carol , audiodeck ALL=(ALL) /usr/bin/journalctl",
            "ALL, !audiodeck ALL=(ALL) /usr/bin/uptime",
            "#998 ALL=(ALL) /bin/true",
            "%staff ALL=(ALL) /usr/bin/less",
            "#includedir /etc/sudoers.d",
            ""));
    Files.createDirectories(etc.resolve("sudoers.d"));
    // Defined in a drop-in, used in the main file: sudo reads them all before it decides.
    Files.writeString(etc.resolve("sudoers.d/crew"), "User_Alias STAGEHANDS = audiodeck\n");

    AuditReport report =
        Audit.run(Map.of("serviceUser", "audiodeck", "updates", false), etc, "apt");

    assertThat(report.findings("high"))
        .extracting(AuditFinding::where)
        .containsExactlyInAnyOrder(
            etc.resolve("sudoers") + ":5",
            etc.resolve("sudoers") + ":7",
            etc.resolve("sudoers") + ":9",
            etc.resolve("sudoers") + ":10");
    assertThat(report.findings("high"))
        .extracting(AuditFinding::what)
        .contains(
            "audiodeck may run commands as another user through sudo: 'OPERATORS ALL=(root)"
                + " /bin/systemctl restart audiodeck' ("
                + etc.resolve("sudoers")
                + ":5)");
  }

  @Test
  void pendingUpdatesAreParsedFromThisMachinesAptWithSecurityOnesHigh() throws Exception {
    boolean apt = new ProcessBuilder("sh", "-c", "command -v apt").start().waitFor() == 0;
    if (!apt) {
      System.err.println(
          "SKIPPED: apt is not on this machine; the updates check could not be tested");
    }
    assumeTrue(apt, "apt is not on this machine; the updates check could not be tested");
    Process listing =
        new ProcessBuilder("apt", "list", "--upgradable").redirectErrorStream(false).start();
    String raw = new String(listing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(listing.waitFor(60, TimeUnit.SECONDS)).isTrue();
    long lines = raw.lines().filter(line -> line.contains("[upgradable from: ")).count();

    AuditReport report = audit(Map.of());

    assertThat(report.checks()).containsExactly("updates");
    assertThat(report.updates()).hasSize((int) lines);
    for (PendingUpdates.Update update : report.updates()) {
      assertThat(raw)
          .contains(
              update.name()
                  + "/"
                  + String.join(",", update.suites())
                  + " "
                  + update.version()
                  + " "
                  + update.arch()
                  + " [upgradable from: "
                  + update.from()
                  + "]");
      assertThat(update.security())
          .isEqualTo(update.suites().stream().anyMatch(s -> s.endsWith("-security")));
    }
    long security = report.updates().stream().filter(PendingUpdates.Update::security).count();
    assertThat(report.findings("high")).hasSize((int) security);
  }

  @Test
  void aptListingsShapesAreParsedAndSecuritySuitesFlagged() {
    List<PendingUpdates.Update> updates =
        PendingUpdates.parse(
            "Listing...\n"
                + "apt/oldstable-security 2.6.2 amd64 [upgradable from: 2.6.1]\n"
                + "bash/oldstable 5.2.15-2+b13 amd64 [upgradable from: 5.2.15-2+b8]\n"
                + "libc6/bookworm-updates,bookworm-security 2.36-9+deb12u13 amd64 [upgradable from:"
                + " 2.36-9+deb12u10]\n");

    assertThat(updates)
        .extracting(PendingUpdates.Update::toString)
        .containsExactly(
            "apt 2.6.1 -> 2.6.2 (security)",
            "bash 5.2.15-2+b8 -> 5.2.15-2+b13",
            "libc6 2.36-9+deb12u10 -> 2.36-9+deb12u13 (security)");
  }

  @Test
  void noAptOrAHangingAptIsAnInfoFindingNotAFailure() throws Exception {
    Path hanging = Files.writeString(home.resolve("apt"), "#!/bin/sh\nexec sleep 30\n");
    hanging.toFile().setExecutable(true);
    Path etc = Path.of("/etc");

    AuditReport none = Audit.run(Map.of(), etc, home.resolve("no-apt").toString());
    long started = System.nanoTime();
    AuditReport slow = Audit.run(Map.of("aptTimeout", "300ms"), etc, hanging.toString());

    assertThat(none.findings())
        .containsExactly(
            AuditFinding.info(
                "updates",
                "apt not available (no "
                    + home.resolve("no-apt")
                    + " on PATH): pending updates were not checked",
                home.resolve("no-apt").toString()));
    assertThat(slow.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.level()).isEqualTo(Level.INFO);
              assertThat(f.what())
                  .isEqualTo(
                      "pending updates were not checked: "
                          + hanging
                          + " list --upgradable did not finish within 300ms");
            });
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void badArgumentsAreRefusedNamingWhatIsTaken() {
    assertThatThrownBy(() -> audit(Map.of("port", List.of(22))))
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "ops.audit does not take port; it takes aptTimeout, authLogs, journal, journalTimeout, paths, ports, serviceUser, since, updates");
    assertThatThrownBy(() -> audit(Map.of("updates", false)).findings("urgent"))
        .hasMessage("audit findings: no level 'urgent'; the levels are high, medium, low and info");
    assertThatThrownBy(() -> audit(Map.of("ports", List.of(22, 70000))))
        .hasMessage("ops.audit ports: '70000' is not a port from 1 to 65535");
    assertThatThrownBy(() -> audit(Map.of("authLogs", "/var/log/auth.log", "since", "yesterday")))
        .hasMessageStartingWith("ops.audit since: ");
  }
}
