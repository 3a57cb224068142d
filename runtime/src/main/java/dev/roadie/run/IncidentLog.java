package dev.roadie.run;

import java.time.Instant;

/**
 * Where a run's incidents are recorded (the run history, for {@code roadie incidents}). Safe to use
 * from several threads.
 */
public interface IncidentLog {
  /** Records an incident as it opens (no events yet). */
  void opened(Incident incident);

  /** Appends one entry to an open incident's timeline. */
  void event(String incidentId, Incident.Event event);

  /** Ends an incident: {@code resolved} or {@code escalated}, with a summary. */
  void closed(String incidentId, String status, Instant at, String summary);
}
