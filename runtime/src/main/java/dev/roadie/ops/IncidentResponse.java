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

/**
 * Opens, resolves and escalates a run's incidents: the records, the bundle and the alert.
 *
 * <p>A dry run records its incident too, with the status {@value #DRY_RUN} from the start: its
 * timeline is the runbook's plan (what it read, which changes it would make), kept where incidents
 * are looked up, and the status keeps it apart from real ones in every listing.
 */
final class IncidentResponse {
  /** The status of an incident a dry run opened, from its opening to its end. */
  static final String DRY_RUN = "dry-run";

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
                run.dryRun() ? DRY_RUN : "open",
                Instant.now(),
                null,
                bundle.toString(),
                null,
                null));
    IncidentRun incident = new IncidentRun(id, level, title, bundle, run.incidents());
    incident.record(
        "opened",
        "["
            + level
            + "] "
            + title
            + (run.dryRun() ? " (dry run: its changes are only planned)" : ""));
    Diagnostics.collect(bundle, services, ops, config.settings().dataDir());
    incident.record("diagnostics collected", bundle.toString());
    return incident;
  }

  void resolve(IncidentRun incident) {
    String took =
        Durations.format(
            Duration.ofMillis(Duration.between(incident.openedAt(), Instant.now()).toMillis()));
    if (run.dryRun()) {
      String plan = plan(incident);
      incident.record("dry run ended", plan);
      run.incidents().closed(incident.getId(), DRY_RUN, Instant.now(), plan);
    } else {
      incident.record("resolved", "the repair worked, " + took + " after the incident opened");
      run.incidents().closed(incident.getId(), "resolved", Instant.now(), "resolved in " + took);
    }
    IncidentTimeline.write(incident);
  }

  /**
   * Whether a repair's failure is only the dry run's: its changes were planned, not made, so the
   * checks after them (a service's health after its restart) cannot pass and prove nothing.
   */
  boolean failedOnlyForThePlan(IncidentRun incident) {
    return run.dryRun() && incident.planned() > 0;
  }

  /** Ends a dry run's incident whose checks failed after planned changes: a plan, not a failure. */
  void endPlan(IncidentRun incident, Throwable failure) {
    incident.record(
        "verify",
        "planned, not judged: the changes before it were only planned (dry run); it said: "
            + why(failure));
    String plan = plan(incident) + "; the checks after them are judged on a real run";
    incident.record("dry run ended", plan);
    run.incidents().closed(incident.getId(), DRY_RUN, Instant.now(), plan);
    IncidentTimeline.write(incident);
  }

  private static String plan(IncidentRun incident) {
    int planned = incident.planned();
    return planned + (planned == 1 ? " change" : " changes") + " planned, none made";
  }

  private static String why(Throwable failure) {
    return failure.getClass().getName().startsWith("dev.roadie.")
            || failure instanceof AssertionError
        ? String.valueOf(failure.getMessage()).strip()
        : failure.toString();
  }

  /** Raises the escalation, closes the incident, and returns what the step fails with. */
  OpsException escalate(IncidentRun incident, Throwable failure) {
    String why = why(failure);
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
    run.incidents()
        .closed(
            incident.getId(),
            run.dryRun() ? DRY_RUN : "escalated",
            Instant.now(),
            "repair failed: " + why);
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
