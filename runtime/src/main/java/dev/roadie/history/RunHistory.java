package dev.roadie.history;

import dev.roadie.run.Incident;
import dev.roadie.run.Mutation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The store of run records. The embedded implementation is H2 in the data dir; a clustered one is
 * PostgreSQL. Implementations are thread-safe and safe to use from several processes at once, and
 * redact every text they store.
 */
public interface RunHistory extends AutoCloseable {

  /** Records a run that has just started (status RUNNING, no steps yet). */
  void started(RunRecord run);

  /** Appends a finished step or hook to a run. */
  void stepFinished(String runId, StepRecord step);

  /** Appends a mutation (done, would-do or failed) to a run. */
  void mutated(String runId, int seq, Mutation mutation);

  /** Marks a run as ended. */
  void finished(String runId, RunStatus status, Instant endedAt, String error);

  /**
   * Marks as aborted the runs of {@code host} that are recorded as running but whose process has
   * ended (killed, or the machine went down). Called before runs are listed or shown.
   *
   * @return how many runs were marked
   */
  int abortOrphans(String host);

  /**
   * The full record of one run, with steps and mutations. {@code idOrPrefix} may be a unique prefix
   * of an id.
   *
   * @throws AmbiguousIdException when the prefix matches several runs
   */
  Optional<RunRecord> find(String idOrPrefix);

  /** The newest runs first, of one playbook or of all when {@code playbook} is null. */
  List<RunRecord> recent(String playbook, int limit);

  /** Records an incident a run opened. */
  void incidentOpened(Incident incident);

  /** Appends an entry to an incident's timeline. */
  void incidentEvent(String incidentId, Incident.Event event);

  /** Ends an incident. */
  void incidentClosed(String incidentId, String status, Instant closedAt, String summary);

  /** The newest incidents first, without their timelines. */
  List<Incident> incidents(int limit);

  /**
   * One incident with its timeline. {@code idOrPrefix} may be a unique start of an id.
   *
   * @throws AmbiguousIdException when the prefix matches several incidents
   */
  Optional<Incident> incident(String idOrPrefix);

  @Override
  void close();
}
