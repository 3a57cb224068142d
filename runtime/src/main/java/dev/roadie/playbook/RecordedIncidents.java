package dev.roadie.playbook;

import dev.roadie.history.RunHistory;
import dev.roadie.run.Incident;
import dev.roadie.run.IncidentLog;
import java.time.Instant;
import java.util.function.Supplier;

/** A run's incidents, recorded in the run history as they happen. */
final class RecordedIncidents implements IncidentLog {
  private final Supplier<RunHistory> history;

  RecordedIncidents(Supplier<RunHistory> history) {
    this.history = history;
  }

  @Override
  public void opened(Incident incident) {
    history.get().incidentOpened(incident);
  }

  @Override
  public void event(String incidentId, Incident.Event event) {
    history.get().incidentEvent(incidentId, event);
  }

  @Override
  public void closed(String incidentId, String status, Instant at, String summary) {
    history.get().incidentClosed(incidentId, status, at, summary);
  }
}
