package dev.roadie.ops;

import dev.roadie.run.Incident;
import dev.roadie.run.IncidentLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The incident a runbook is handling, as its block sees it: {@code ops.incident('P1', title) { inc
 * -> ... }}. Everything ops does inside the block goes on its timeline, and {@link #note} adds the
 * runbook's own entries.
 */
public final class IncidentRun implements Timeline {
  private final String id;
  private final Severity severity;
  private final String title;
  private final Path bundle;
  private final IncidentLog log;
  private final List<Incident.Event> events = new ArrayList<>();
  private final Instant openedAt = Instant.now();

  IncidentRun(String id, Severity severity, String title, Path bundle, IncidentLog log) {
    this.id = id;
    this.severity = severity;
    this.title = title;
    this.bundle = bundle;
    this.log = log;
  }

  public String getId() {
    return id;
  }

  public String getSeverity() {
    return severity.name();
  }

  public String getTitle() {
    return title;
  }

  /** The diagnostics bundle's directory, under the run's work dir. */
  public Path getBundle() {
    return bundle;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  Instant openedAt() {
    return openedAt;
  }

  /** Adds the runbook's own entry to the timeline. */
  public void note(Object text) {
    record("note", String.valueOf(text));
  }

  @Override
  public void record(String action, String result) {
    Incident.Event event;
    synchronized (events) {
      event = new Incident.Event(events.size() + 1, Instant.now(), action, result);
      events.add(event);
    }
    log.event(id, event);
  }

  /** How many changes on the timeline were only planned, as a dry run plans them. */
  int planned() {
    synchronized (events) {
      return (int) events.stream().filter(e -> e.result().startsWith(PLANNED)).count();
    }
  }

  List<Incident.Event> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  @Override
  public String toString() {
    return "incident " + id + " [" + severity + "] " + title;
  }
}
