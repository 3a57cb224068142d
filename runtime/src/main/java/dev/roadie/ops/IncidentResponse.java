package dev.roadie.ops;

import dev.roadie.config.Durations;
import dev.roadie.config.LoadedConfig;
import dev.roadie.run.Incident;
import dev.roadie.run.RunContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Opens, resolves and escalates a run's incidents: the records, the bundle and the alert. */
final class IncidentResponse {
  private final LoadedConfig config;
  private final RunContext run;
  private final Ops ops;
  private final AtomicInteger opened = new AtomicInteger();

  IncidentResponse(LoadedConfig config, RunContext run, Ops ops) {
    this.config = config;
    this.run = run;
    this.ops = ops;
  }

  /** Records the incident, then collects its diagnostics bundle. */
  IncidentRun open(Severity level, String title, List<Service> services) {
    int number = opened.incrementAndGet();
    String id = run.id() + "-i" + number;
    Path bundle = run.workDir().resolve("incident-" + number);
    run.incidents()
        .opened(
            new Incident(
                id,
                run.id(),
                level.name(),
                title,
                "open",
                Instant.now(),
                null,
                bundle.toString(),
                null,
                null));
    IncidentRun incident = new IncidentRun(id, level, title, bundle, run.incidents());
    incident.record("opened", "[" + level + "] " + title);
    Diagnostics.collect(bundle, services, ops, config.settings().dataDir());
    incident.record("diagnostics collected", bundle.toString());
    return incident;
  }

  void resolve(IncidentRun incident) {
    String took =
        Durations.format(
            Duration.ofMillis(Duration.between(incident.openedAt(), Instant.now()).toMillis()));
    incident.record("resolved", "the repair worked, " + took + " after the incident opened");
    run.incidents().closed(incident.getId(), "resolved", Instant.now(), "resolved in " + took);
    IncidentTimeline.write(incident);
  }

  /** Raises the escalation, closes the incident, and returns what the step fails with. */
  OpsException escalate(IncidentRun incident, Throwable failure) {
    String why =
        failure.getClass().getName().startsWith("dev.roadie.") || failure instanceof AssertionError
            ? String.valueOf(failure.getMessage()).strip()
            : failure.toString();
    incident.record("repair failed", why);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("incident", incident.getId());
    fields.put("diagnostics", incident.getBundle().toString());
    fields.put("timeline", IncidentTimeline.brief(incident.events()));
    try {
      AlertResult alert =
          new Alerts(config, run)
              .raise(
                  incident.getSeverity(),
                  "escalated: " + incident.getTitle(),
                  "the runbook's repair failed: " + why,
                  fields);
      incident.record("escalated", outcome(alert));
    } catch (RuntimeException e) {
      incident.record("escalation failed", String.valueOf(e.getMessage()));
    }
    run.incidents().closed(incident.getId(), "escalated", Instant.now(), "repair failed: " + why);
    IncidentTimeline.write(incident);
    return new OpsException("incident " + incident.getId() + " escalated: " + why, failure);
  }

  private static String outcome(AlertResult alert) {
    if (alert.folded()) {
      return "alert folded into an earlier one (" + alert.count() + " within the fold window)";
    }
    return alert.deliveries().stream()
        .map(
            d ->
                d.channel() + " " + d.outcome() + (d.error() == null ? "" : " (" + d.error() + ")"))
        .collect(Collectors.joining(", "));
  }
}
