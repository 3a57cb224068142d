package dev.roadie.ops;

import dev.roadie.config.RoadieConfig.ServiceConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code systemd} manager: {@code systemctl} for state and changes, {@code journalctl} for
 * logs.
 */
final class SystemdManager implements ServiceManager {
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(15);
  private static final String PROPERTIES =
      "LoadState,ActiveState,SubState,MainPID,ActiveEnterTimestamp,InactiveEnterTimestamp,Result,ExecMainStatus";
  private static final DateTimeFormatter SYSTEMD_TIME =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss zzz", Locale.ROOT);

  private final String name;
  private final ServiceConfig config;
  private final String unit;
  private final String systemctl;
  private final String journalctl;

  SystemdManager(String name, ServiceConfig config, String systemctl, String journalctl) {
    this.name = name;
    this.config = config;
    this.unit = config.unit().isEmpty() ? name + ".service" : config.unit();
    this.systemctl = systemctl;
    this.journalctl = journalctl;
  }

  String unit() {
    return unit;
  }

  @Override
  public ServiceStatus status() {
    Map<String, String> props = show();
    if ("not-found".equals(props.get("LoadState"))) {
      throw new OpsException(
          name
              + ": systemd has no unit "
              + unit
              + "; install it, or set services."
              + name
              + ".unit to the unit's name");
    }
    String active = props.getOrDefault("ActiveState", "unknown");
    String state =
        switch (active) {
          case "active", "reloading", "activating", "deactivating" ->
              active.equals("active") || active.equals("reloading") ? "active" : "inactive";
          case "failed" -> "failed";
          default -> "inactive";
        };
    long mainPid = parseLong(props.get("MainPID"));
    Instant since =
        time(props.get(state.equals("active") ? "ActiveEnterTimestamp" : "InactiveEnterTimestamp"));
    String detail = active + "/" + props.getOrDefault("SubState", "?");
    String result = props.getOrDefault("Result", "success");
    if (!result.equals("success")) {
      detail += ", result " + result + ", exit status " + props.getOrDefault("ExecMainStatus", "?");
    }
    return new ServiceStatus(name, "systemd", state, mainPid > 0 ? mainPid : null, since, detail);
  }

  @Override
  public List<Long> pids() {
    ServiceStatus status = status();
    return status.pid() == null ? List.of() : Proc.tree(status.pid());
  }

  @Override
  public void start() {
    change("start");
  }

  @Override
  public void stop() {
    change("stop");
  }

  @Override
  public void restart() {
    change("restart");
  }

  private void change(String verb) {
    Commands.Result result =
        Commands.run(List.of(systemctl, verb, unit), config.startTimeout().plus(QUERY_TIMEOUT));
    if (result.exit() != 0) {
      throw new OpsException(
          "systemctl "
              + verb
              + " "
              + unit
              + " failed with status "
              + result.exit()
              + ": "
              + result.err().strip()
              + "; see journalctl -u "
              + unit);
    }
    if (!verb.equals("stop") && !config.healthUrl().isEmpty()) {
      String failure =
          Readiness.await(
              name, config.healthUrl(), config.startTimeout(), () -> status().isActive());
      if (failure != null) {
        throw new OpsException(failure);
      }
    }
  }

  @Override
  public String logs(Instant since) {
    Commands.Result result =
        Commands.run(
            List.of(
                journalctl,
                "--unit=" + unit,
                "--since=@" + since.getEpochSecond(),
                "--no-pager",
                "--output=short-iso"),
            QUERY_TIMEOUT);
    if (result.exit() != 0) {
      throw new OpsException(
          "journalctl --unit="
              + unit
              + " failed with status "
              + result.exit()
              + ": "
              + result.err().strip());
    }
    List<String> lines = new ArrayList<>();
    for (String line : result.out().split("\n")) {
      if (!line.isBlank() && !line.startsWith("-- ")) {
        lines.add(line);
      }
    }
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }

  private Map<String, String> show() {
    Commands.Result result =
        Commands.run(List.of(systemctl, "show", unit, "--property=" + PROPERTIES), QUERY_TIMEOUT);
    if (result.exit() != 0) {
      throw new OpsException(
          "systemctl show "
              + unit
              + " failed with status "
              + result.exit()
              + ": "
              + result.err().strip()
              + "; is systemd running on this machine?");
    }
    Map<String, String> props = new LinkedHashMap<>();
    for (String line : result.out().split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        props.put(line.substring(0, eq), line.substring(eq + 1).strip());
      }
    }
    return props;
  }

  private static long parseLong(String text) {
    try {
      return text == null ? 0 : Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** systemd's {@code Mon 2026-05-04 10:00:00 UTC}; null when empty or unreadable. */
  static Instant time(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return ZonedDateTime.parse(text.trim(), SYSTEMD_TIME).toInstant();
    } catch (DateTimeParseException e) {
      try {
        String[] parts = text.trim().split(" ");
        return java.time.LocalDateTime.parse(parts[1] + "T" + parts[2])
            .atZone(ZoneId.systemDefault())
            .toInstant();
      } catch (RuntimeException unreadable) {
        return null;
      }
    }
  }
}
