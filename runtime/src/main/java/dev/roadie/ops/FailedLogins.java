package dev.roadie.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The {@code auth} check: failed authentications in auth logs (sshd's failed passwords and keys,
 * invalid users, PAM's authentication failures, sudo's incorrect passwords, su's failures), counted
 * by user and source address. sshd writes several lines for one bad attempt (PAM's failure, then
 * its own), so each count keeps its kinds apart rather than pretend to know which lines were one
 * attempt.
 */
final class FailedLogins {
  static final String CHECK = "auth";
  static final int HIGH_AT = 10;
  static final int MEDIUM_AT = 3;

  /** Failures of one user from one source; {@code kinds} counts each kind of line. */
  public record Count(String user, String source, int count, Map<String, Integer> kinds) {
    @Override
    public String toString() {
      return count + " for " + user + " from " + source + " " + kinds;
    }
  }

  private record Rule(String kind, Pattern pattern, int user, int source) {}

  private static final List<Rule> RULES =
      List.of(
          new Rule(
              "failed ",
              Pattern.compile(
                  "sshd\\[\\d+]: Failed (\\S+) for (?:invalid user )?(\\S*) from (\\S+)"),
              2,
              3),
          new Rule("invalid user", Pattern.compile("Invalid user (\\S*) from (\\S+)"), 1, 2),
          new Rule(
              "sudo incorrect password",
              Pattern.compile(
                  "sudo(?:\\[\\d+])?:\\s+(\\S+) : (?:\\d+ )?incorrect password attempt"),
              1,
              0),
          new Rule("su failure", Pattern.compile("FAILED SU \\(to (\\S+)\\) (\\S+) on"), 1, 0),
          new Rule(
              "authentication failure",
              Pattern.compile("\\(([\\w-]+):auth\\): authentication failure;"),
              0,
              0));

  private static final Pattern PAM_USER = Pattern.compile("\\buser=(\\S+)");
  private static final Pattern PAM_RUSER = Pattern.compile("\\bruser=(\\S+)");
  private static final Pattern PAM_RHOST = Pattern.compile("\\brhost=(\\S+)");
  private static final Pattern ISO_TIME =
      Pattern.compile(
          "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:\\d{2}))\\s");
  private static final Pattern SYSLOG_TIME =
      Pattern.compile("^([A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2})\\s");
  private static final DateTimeFormatter SYSLOG =
      DateTimeFormatter.ofPattern("yyyy MMM ppd HH:mm:ss", Locale.ENGLISH);

  private final Map<String, Map<String, Integer>> kindsByKey = new TreeMap<>();
  private final List<AuditFinding> findings = new ArrayList<>();
  private final Instant since;
  private final Instant now;
  private final ZoneId zone;

  private FailedLogins(Instant since, Instant now, ZoneId zone) {
    this.since = since;
    this.now = now;
    this.zone = zone;
  }

  /**
   * @param since only lines at or after this instant count; lines without a time we can read count
   */
  static FailedLogins read(List<Path> logs, Instant since, Instant now, ZoneId zone) {
    FailedLogins result = new FailedLogins(since, now, zone);
    for (Path log : logs) {
      result.readOne(log);
    }
    return result;
  }

  /** One journal entry, as an auth log's line without its time; a null time counts. */
  void entry(Instant at, String line) {
    if (at == null || !at.isBefore(since)) {
      match(line);
    }
  }

  /** A finding of the reading itself (what was read, what could not be). */
  void note(AuditFinding finding) {
    findings.add(finding);
  }

  private void readOne(Path log) {
    if (!Files.isRegularFile(log)) {
      findings.add(
          AuditFinding.info(
              CHECK,
              log
                  + " does not exist; nothing read (where only journald keeps the log, give"
                  + " journal: true)",
              log.toString()));
      return;
    }
    try (InputStream raw = Files.newInputStream(log);
        InputStream in = log.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (recent(line)) {
          match(line);
        }
      }
    } catch (IOException e) {
      findings.add(
          AuditFinding.info(CHECK, "cannot read " + log + ": " + e.getMessage(), log.toString()));
    }
  }

  private void match(String line) {
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(line);
      if (!m.find()) {
        continue;
      }
      String kind = rule.kind();
      String user;
      String source;
      if (kind.equals("authentication failure")) {
        user = group(PAM_USER, line, group(PAM_RUSER, line, "?"));
        source = group(PAM_RHOST, line, "local (" + m.group(1) + ")");
      } else {
        user = m.group(rule.user());
        source = rule.source() == 0 ? "local (" + kind.split(" ")[0] + ")" : m.group(rule.source());
        if (kind.equals("failed ")) {
          kind = "failed " + m.group(1);
        }
      }
      kindsByKey
          .computeIfAbsent((user.isEmpty() ? "?" : user) + "\0" + source, k -> new TreeMap<>())
          .merge(kind, 1, Integer::sum);
      return;
    }
  }

  private boolean recent(String line) {
    Instant at = time(line);
    return at == null || !at.isBefore(since);
  }

  private Instant time(String line) {
    try {
      Matcher iso = ISO_TIME.matcher(line);
      if (iso.find()) {
        return OffsetDateTime.parse(iso.group(1)).toInstant();
      }
      Matcher syslog = SYSLOG_TIME.matcher(line);
      if (syslog.find()) {
        // The classic format has no year: this year's, unless that would be in the future.
        int year = now.atZone(zone).getYear();
        Instant at =
            LocalDateTime.parse(year + " " + syslog.group(1), SYSLOG).atZone(zone).toInstant();
        return at.isAfter(now.plusSeconds(86_400))
            ? LocalDateTime.parse((year - 1) + " " + syslog.group(1), SYSLOG)
                .atZone(zone)
                .toInstant()
            : at;
      }
    } catch (DateTimeParseException e) {
      // Not a time after all: count the line.
    }
    return null;
  }

  private static String group(Pattern pattern, String line, String fallback) {
    Matcher m = pattern.matcher(line);
    return m.find() && !m.group(1).isEmpty() ? m.group(1) : fallback;
  }

  List<Count> counts() {
    List<Count> counts = new ArrayList<>();
    kindsByKey.forEach(
        (key, kinds) -> {
          String[] parts = key.split("\0", 2);
          int total = kinds.values().stream().mapToInt(Integer::intValue).sum();
          counts.add(new Count(parts[0], parts[1], total, Map.copyOf(kinds)));
        });
    counts.sort(java.util.Comparator.comparingInt(Count::count).reversed());
    return counts;
  }

  List<AuditFinding> findings() {
    List<AuditFinding> all = new ArrayList<>(findings);
    for (Count count : counts()) {
      boolean local = count.source().startsWith("local");
      all.add(
          new AuditFinding(
              count.count() >= HIGH_AT
                  ? AuditFinding.Level.HIGH
                  : count.count() >= MEDIUM_AT ? AuditFinding.Level.MEDIUM : AuditFinding.Level.LOW,
              CHECK,
              count.count()
                  + " failed authentication lines for "
                  + count.user()
                  + " from "
                  + count.source()
                  + " "
                  + new TreeMap<>(count.kinds()),
              count.user() + " from " + count.source(),
              local
                  ? "ask "
                      + count.user()
                      + " about them: repeated failures can be a guessed password"
                  : "block "
                      + count.source()
                      + " (firewall, fail2ban) if it is not yours, and allow only key logins"
                      + " (PasswordAuthentication no)"));
    }
    return all;
  }
}
