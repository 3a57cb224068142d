package dev.roadie.history;

import dev.roadie.run.Mutation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything recorded about one run. Text fields are stored redacted: no secret value reaches the
 * store.
 *
 * @param playbookFile the playbook's path as given or found, for people
 * @param sha256 the playbook source's sha256, hex
 * @param gitCommit the commit of the checkout holding the playbook, or null outside git
 * @param params parameter values as JSON would have them: whole numbers, decimals ({@code
 *     BigDecimal}), booleans, and text for the rest (durations as {@code 15m}); secrets as {@code
 *     ***}; a param that has no value is absent
 * @param endedAt null while running
 * @param error why the run failed, null when it succeeded
 * @param host the host name of the node that ran it
 * @param steps in order; empty in listings ({@link RunHistory#recent})
 * @param mutations in order; empty in listings
 */
public record RunRecord(
    String id,
    String playbook,
    String playbookFile,
    String sha256,
    String gitCommit,
    String trigger,
    Map<String, Object> params,
    boolean dryRun,
    RunStatus status,
    Instant startedAt,
    Instant endedAt,
    String error,
    String host,
    List<StepRecord> steps,
    List<Mutation> mutations) {

  public RunRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(playbook, "playbook");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
    params = Map.copyOf(params);
    steps = List.copyOf(steps);
    mutations = List.copyOf(mutations);
  }

  /** Null while the run has not ended. */
  public Duration duration() {
    return endedAt == null ? null : Duration.between(startedAt, endedAt);
  }
}
