package dev.roadie.run;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An incident a run opened: what happened, how it ended, and its timeline.
 *
 * @param status {@code open}, {@code resolved} (the runbook's repair worked) or {@code escalated}
 *     (it did not, and alerts went out); {@code dry-run} when a dry run opened it: its timeline is
 *     the plan
 * @param bundleDir the diagnostics bundle collected when it opened, or null
 * @param summary how it ended, in words; null while open
 * @param events the timeline, oldest first; empty in listings
 */
public record Incident(
    String id,
    String runId,
    String severity,
    String title,
    String status,
    Instant openedAt,
    Instant closedAt,
    String bundleDir,
    String summary,
    List<Event> events) {

  public Incident {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(runId, "runId");
    events = events == null ? List.of() : List.copyOf(events);
  }

  /** One entry of the timeline: what was done, and what came of it. */
  public record Event(int seq, Instant at, String action, String result) {}
}
