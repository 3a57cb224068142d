package dev.roadie.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code updates} check: packages {@code apt list --upgradable} says have a newer version, from
 * the package lists already on disk (it does not fetch: {@code apt update} is the system's job, so
 * no network is needed and nothing changes). One from a {@code -security} suite is a finding each;
 * the rest are one finding together.
 */
final class PendingUpdates {
  static final String CHECK = "updates";

  /** {@code name/suite[,suite...] version arch [upgradable from: old]} */
  private static final Pattern LINE =
      Pattern.compile("^(\\S+)/(\\S+) (\\S+) (\\S+) \\[upgradable from: ([^]]+)]");

  /** One package with a newer version available; {@code suites} as apt names them. */
  public record Update(
      String name,
      List<String> suites,
      String version,
      String arch,
      String from,
      boolean security) {
    @Override
    public String toString() {
      return name + " " + from + " -> " + version + (security ? " (security)" : "");
    }
  }

  record Result(List<Update> updates, List<AuditFinding> findings) {}

  private PendingUpdates() {}

  static Result check(String apt, Duration timeout) {
    if (!Commands.onPath(apt)) {
      return new Result(
          List.of(),
          List.of(
              AuditFinding.info(
                  CHECK,
                  "apt not available (no " + apt + " on PATH): pending updates were not checked",
                  apt)));
    }
    Commands.Result listed;
    try {
      listed = Commands.run(List.of(apt, "list", "--upgradable"), Map.of("LC_ALL", "C"), timeout);
    } catch (OpsException e) {
      return new Result(
          List.of(),
          List.of(
              AuditFinding.info(
                  CHECK, "pending updates were not checked: " + e.getMessage(), apt)));
    }
    if (listed.exit() != 0) {
      return new Result(
          List.of(),
          List.of(
              AuditFinding.info(
                  CHECK,
                  apt
                      + " list --upgradable failed (exit "
                      + listed.exit()
                      + "): "
                      + listed.err().strip(),
                  apt)));
    }
    List<Update> updates = parse(listed.out());
    return new Result(updates, findings(updates));
  }

  static List<Update> parse(String output) {
    List<Update> updates = new ArrayList<>();
    for (String line : output.split("\n")) {
      Matcher m = LINE.matcher(line.strip());
      if (m.find()) {
        List<String> suites = List.of(m.group(2).split(","));
        boolean security = suites.stream().anyMatch(suite -> suite.endsWith("-security"));
        updates.add(new Update(m.group(1), suites, m.group(3), m.group(4), m.group(5), security));
      }
    }
    return updates;
  }

  private static List<AuditFinding> findings(List<Update> updates) {
    List<AuditFinding> findings = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (Update update : updates) {
      if (update.security()) {
        findings.add(
            new AuditFinding(
                AuditFinding.Level.HIGH,
                CHECK,
                "security update pending for "
                    + update.name()
                    + ": "
                    + update.from()
                    + " -> "
                    + update.version()
                    + " ("
                    + String.join(",", update.suites())
                    + ")",
                update.name(),
                "apt-get install --only-upgrade " + update.name()));
      } else {
        others.add(update.name());
      }
    }
    if (!others.isEmpty()) {
      findings.add(
          new AuditFinding(
              AuditFinding.Level.LOW,
              CHECK,
              others.size() + " other updates pending: " + String.join(", ", others),
              "apt",
              "apt-get upgrade, in a maintenance window"));
    }
    if (updates.isEmpty()) {
      findings.add(
          AuditFinding.info(CHECK, "no updates pending (as of the last apt update)", "apt"));
    }
    return findings;
  }
}
