package dev.roadie.history;

import dev.roadie.run.Mutation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Records to store in tests. */
final class Runs {

  /** A time with microseconds, the finest the store keeps. */
  static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123456Z");

  private Runs() {}

  static RunRecord started(String id, String playbook, Instant at) {
    return started(id, playbook, at, Map.of("volume", "45"));
  }

  static RunRecord started(String id, String playbook, Instant at, Map<String, Object> params) {
    return new RunRecord(
        id,
        playbook,
        "playbooks/" + playbook + ".groovy",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "3e1f2a7",
        "cli",
        params,
        false,
        RunStatus.RUNNING,
        at,
        null,
        null,
        "rack-7",
        List.of(),
        List.of());
  }

  static StepRecord succeeded(int seq, String name, Instant at, String output) {
    return new StepRecord(
        seq, name, "step", StepStatus.SUCCEEDED, at, at.plusMillis(250), 1, output, null);
  }

  static StepRecord failed(int seq, String name, Instant at, String error) {
    return new StepRecord(
        seq, name, "step", StepStatus.FAILED, at, at.plusSeconds(2), 3, "retrying\n", error);
  }

  static Mutation done(String step, String target, String description, Instant at) {
    return new Mutation(step, target, description, Mutation.Outcome.DONE, null, at);
  }

  /** A run that started, ran two steps with a mutation each, and succeeded. */
  static void recordWholeRun(RunHistory history, String id, String playbook, Instant at) {
    history.started(started(id, playbook, at));
    history.stepFinished(id, succeeded(1, "check", at.plusSeconds(1), "ok\n"));
    history.mutated(id, 1, done("set", "amp-1", "set volume 30 -> 45", at.plusSeconds(2)));
    history.stepFinished(id, succeeded(2, "set", at.plusSeconds(2), ""));
    history.finished(id, RunStatus.SUCCEEDED, at.plusSeconds(3), null);
  }

  /** The JDBC url of the embedded store in {@code dataDir}, for looking behind its back. */
  static String embeddedUrl(java.nio.file.Path dataDir) {
    return "jdbc:h2:file:"
        + dataDir.toAbsolutePath().normalize().resolve("history").resolve("roadie")
        + ";AUTO_SERVER=TRUE";
  }
}
