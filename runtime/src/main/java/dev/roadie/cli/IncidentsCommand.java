package dev.roadie.cli;

import dev.roadie.run.Incident;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "incidents",
    description =
        "Lists incidents the runbooks opened, newest first; with an id, one incident's timeline"
            + " (the list, --json too, leaves the timelines out).",
    mixinStandardHelpOptions = true)
final class IncidentsCommand implements Callable<Integer> {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @ParentCommand RoadieCommand root;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "INCIDENT_ID",
      description = "One incident, or a unique start of its id.")
  String id;

  @Option(
      names = {"-n", "--limit"},
      paramLabel = "N",
      defaultValue = "20",
      description = "At most N incidents (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print as JSON.")
  boolean json;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new UsageException("--limit must be 1 or more, not " + limit);
    }
    Cli cli = root.cli;
    ZoneId zone = cli.config().settings().timeZone();
    if (id != null) {
      Incident incident = one(cli, id);
      if (json) {
        cli.out().println(json(incident));
        return ExitCodes.OK;
      }
      cli.out()
          .printf("incident %s  [%s] %s%n", incident.id(), incident.severity(), incident.title());
      cli.out()
          .printf(
              "  status   %s%s%n",
              incident.status(), incident.summary() == null ? "" : ": " + incident.summary());
      cli.out().printf("  run      %s%n", incident.runId());
      cli.out().printf("  opened   %s%n", when(incident.openedAt(), zone));
      cli.out()
          .printf(
              "  closed   %s%n",
              incident.closedAt() == null ? "-" : when(incident.closedAt(), zone));
      cli.out()
          .printf(
              "  bundle   %s%n",
              incident.bundleDir() == null
                  ? "-"
                  : incident.bundleDir() + (bundleExists(incident) ? "" : " (deleted)"));
      cli.out().println("  timeline");
      for (Incident.Event event : incident.events()) {
        cli.out()
            .printf(
                "    %s  %s: %s%n",
                when(event.at(), zone), event.action(), event.result().replace("\n", "\n      "));
      }
      return ExitCodes.OK;
    }
    List<Incident> incidents = cli.history().incidents(limit);
    if (json) {
      cli.out().println(jsonList(incidents));
      return ExitCodes.OK;
    }
    if (incidents.isEmpty()) {
      cli.out().println("no incidents yet");
      return ExitCodes.OK;
    }
    cli.out()
        .printf(
            "%-26s %-4s %-10s %-19s  %s%n",
            "ID", "SEV", "STATUS", "OPENED (" + zone + ")", "TITLE");
    for (Incident incident : incidents) {
      cli.out()
          .printf(
              "%-26s %-4s %-10s %-19s  %s%n",
              incident.id(),
              incident.severity(),
              incident.status(),
              when(incident.openedAt(), zone),
              incident.title());
    }
    return ExitCodes.OK;
  }

  private static Incident one(Cli cli, String id) {
    return cli.history()
        .incident(id)
        .orElseThrow(
            () -> new UsageException("no incident '" + id + "'; 'roadie incidents' lists them"));
  }

  private static String when(Instant at, ZoneId zone) {
    return WHEN.format(at.atZone(zone));
  }

  private static String json(Incident incident) {
    return RunJson.write(map(incident));
  }

  /** The list leaves the timelines out: it is read without them, and `incidents ID` has one. */
  private static String jsonList(List<Incident> incidents) {
    return RunJson.write(
        incidents.stream()
            .map(
                incident -> {
                  java.util.Map<String, Object> json = map(incident);
                  json.remove("events");
                  return json;
                })
            .toList());
  }

  /** A bundle is pruned with its run's artifacts (housekeeping), or kept on another node. */
  private static boolean bundleExists(Incident incident) {
    return incident.bundleDir() != null
        && java.nio.file.Files.isDirectory(java.nio.file.Path.of(incident.bundleDir()));
  }

  /** Stable snake_case keys and ISO times, as runs have them. */
  private static java.util.Map<String, Object> map(Incident incident) {
    java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
    json.put("id", incident.id());
    json.put("run_id", incident.runId());
    json.put("severity", incident.severity());
    json.put("title", incident.title());
    json.put("status", incident.status());
    json.put("opened_at", String.valueOf(incident.openedAt()));
    json.put("closed_at", incident.closedAt() == null ? null : incident.closedAt().toString());
    json.put("bundle_dir", incident.bundleDir());
    json.put("bundle_exists", bundleExists(incident));
    json.put("summary", incident.summary());
    json.put(
        "events",
        incident.events().stream()
            .map(
                event -> {
                  java.util.Map<String, Object> e = new java.util.LinkedHashMap<>();
                  e.put("seq", event.seq());
                  e.put("at", event.at().toString());
                  e.put("action", event.action());
                  e.put("result", event.result());
                  return e;
                })
            .toList());
    return json;
  }
}
