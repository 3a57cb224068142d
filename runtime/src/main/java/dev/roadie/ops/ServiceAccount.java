package dev.roadie.ops;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The {@code account} check of a service user, from the files themselves ({@code /etc/passwd},
 * {@code group}, {@code shadow}, {@code sudoers} and {@code sudoers.d}): does it exist, can it log
 * in, is it root in disguise, which groups give it power, has it a password, may it sudo. Files
 * this process may not read are reported as not checked, never as clean.
 */
final class ServiceAccount {
  static final String CHECK = "account";
  private static final Set<String> NO_LOGIN =
      Set.of("/usr/sbin/nologin", "/sbin/nologin", "/bin/false", "/usr/bin/false");

  /** Groups whose members can become root or read every secret on the machine. */
  private static final Set<String> POWERFUL =
      Set.of("root", "sudo", "wheel", "admin", "adm", "shadow", "disk", "docker", "lxd", "kmem");

  private final Path etc;
  private final String user;
  private final List<AuditFinding> findings = new ArrayList<>();

  private ServiceAccount(Path etc, String user) {
    this.etc = etc;
    this.user = user;
  }

  /**
   * @param etc where passwd, group, shadow and sudoers are: {@code /etc}
   */
  static List<AuditFinding> check(Path etc, String user) {
    ServiceAccount account = new ServiceAccount(etc, user);
    account.run();
    return account.findings;
  }

  private void run() {
    Path passwd = etc.resolve("passwd");
    String[] entry =
        lines(passwd).stream()
            .map(line -> line.split(":", -1))
            .filter(fields -> fields.length >= 7 && fields[0].equals(user))
            .findFirst()
            .orElse(null);
    if (entry == null) {
      add(
          AuditFinding.Level.MEDIUM,
          "service user " + user + " does not exist (not in " + passwd + ")",
          "create it: useradd --system --shell /usr/sbin/nologin " + user);
      return;
    }
    String uid = entry[2];
    String home = entry[5];
    String shell = entry[6];
    Set<String> groups = groups(entry[3]);
    findings.add(
        AuditFinding.info(
            CHECK,
            user
                + ": uid "
                + uid
                + ", groups "
                + String.join(",", groups)
                + ", home "
                + home
                + (Files.isDirectory(Path.of(home)) ? "" : " (missing)")
                + ", shell "
                + shell,
            user));
    if (uid.equals("0")) {
      add(
          AuditFinding.Level.HIGH,
          user + " has uid 0: it is root by another name",
          "give it its own uid: usermod -u <free system uid> " + user);
    }
    if (!NO_LOGIN.contains(shell)) {
      add(
          AuditFinding.Level.HIGH,
          user
              + " can log in: its shell is "
              + shell
              + " (a service user's should be /usr/sbin/nologin or /bin/false)",
          "usermod -s /usr/sbin/nologin " + user);
    }
    Set<String> powerful = new TreeSet<>(groups);
    powerful.retainAll(POWERFUL);
    if (!powerful.isEmpty()) {
      add(
          AuditFinding.Level.HIGH,
          user
              + " is in "
              + String.join(", ", powerful)
              + ", which can become root or read every log and secret",
          "gpasswd -d " + user + " " + powerful.iterator().next() + " (for each)");
    }
    password();
    sudo(uid, groups);
  }

  private void password() {
    Path shadow = etc.resolve("shadow");
    List<String> lines;
    try {
      lines = Files.readAllLines(shadow);
    } catch (AccessDeniedException e) {
      findings.add(
          AuditFinding.info(
              CHECK,
              "cannot read "
                  + shadow
                  + " (run the audit as root): whether "
                  + user
                  + " has a password was not checked",
              shadow.toString()));
      return;
    } catch (IOException e) {
      findings.add(
          AuditFinding.info(
              CHECK,
              "cannot read "
                  + shadow
                  + ": "
                  + e.getMessage()
                  + "; whether "
                  + user
                  + " has a password was not checked",
              shadow.toString()));
      return;
    }
    String hash =
        lines.stream()
            .map(line -> line.split(":", -1))
            .filter(fields -> fields.length > 1 && fields[0].equals(user))
            .map(fields -> fields[1])
            .findFirst()
            .orElse(null);
    if (hash == null) {
      findings.add(
          AuditFinding.info(CHECK, user + " has no entry in " + shadow, shadow.toString()));
    } else if (hash.isEmpty()) {
      add(
          AuditFinding.Level.HIGH,
          user + " has an empty password: anyone may log in as it",
          "passwd -l " + user);
    } else if (hash.startsWith("!") || hash.startsWith("*")) {
      findings.add(AuditFinding.info(CHECK, user + " has no usable password (locked)", user));
    } else {
      add(
          AuditFinding.Level.MEDIUM,
          user + " has a password set; a service user needs none",
          "passwd -l " + user);
    }
  }

  private void sudo(String uid, Set<String> groups) {
    Path sudoers = etc.resolve("sudoers");
    List<Path> files = new ArrayList<>();
    if (!Files.exists(sudoers)) {
      findings.add(
          AuditFinding.info(
              CHECK, sudoers + " does not exist: sudo is not set up here", sudoers.toString()));
      return;
    }
    files.add(sudoers);
    try (Stream<Path> more = Files.list(etc.resolve("sudoers.d"))) {
      more.sorted().forEach(files::add);
    } catch (NoSuchFileException e) {
      // No drop-in directory.
    } catch (IOException e) {
      findings.add(
          AuditFinding.info(
              CHECK,
              "cannot list "
                  + etc.resolve("sudoers.d")
                  + ": "
                  + e.getMessage()
                  + "; its rules were not checked",
              etc.resolve("sudoers.d").toString()));
    }
    Map<Path, List<String>> read = new LinkedHashMap<>();
    for (Path file : files) {
      try {
        read.put(file, Files.readAllLines(file));
      } catch (IOException e) {
        findings.add(
            AuditFinding.info(
                CHECK,
                "cannot read "
                    + file
                    + " (run the audit as root): "
                    + user
                    + "'s sudo rights there were not checked",
                file.toString()));
      }
    }
    for (SudoersRules.Rule rule : SudoersRules.grantedTo(user, uid, groups, read)) {
      add(
          AuditFinding.Level.HIGH,
          user
              + " may run commands as another user through sudo: '"
              + rule.text()
              + "' ("
              + rule.file()
              + ":"
              + rule.line()
              + ")",
          "remove or narrow that rule (visudo -f " + rule.file() + ")",
          rule.file() + ":" + rule.line());
    }
  }

  /** The primary group by its gid and every group listing the user as a member. */
  private Set<String> groups(String primaryGid) {
    Set<String> groups = new TreeSet<>();
    for (String line : lines(etc.resolve("group"))) {
      String[] fields = line.split(":", -1);
      if (fields.length < 4) {
        continue;
      }
      if (fields[2].equals(primaryGid) || List.of(fields[3].split(",")).contains(user)) {
        groups.add(fields[0]);
      }
    }
    return groups;
  }

  private List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new OpsException("ops.audit: cannot read " + file + ": " + e.getMessage());
    }
  }

  private void add(AuditFinding.Level level, String what, String fix) {
    add(level, what, fix, user);
  }

  private void add(AuditFinding.Level level, String what, String fix, String where) {
    findings.add(new AuditFinding(level, CHECK, what, where, fix));
  }
}
