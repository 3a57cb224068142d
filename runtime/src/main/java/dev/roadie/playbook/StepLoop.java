package dev.roadie.playbook;

import dev.roadie.config.Durations;
import dev.roadie.config.LoadedConfig;
import dev.roadie.history.RunHistory;
import dev.roadie.history.RunStatus;
import dev.roadie.history.StepRecord;
import dev.roadie.history.StepStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One run's steps in order, then its hooks. A failed step stops the steps after it unless it {@code
 * continueOnFailure}; either way the run ends failed. The playbook's timeout bounds the whole run:
 * each step gets at most the time that is left.
 */
final class StepLoop {
  record Outcome(RunStatus status, String error, List<StepRecord> steps) {}

  private final CompiledPlaybook playbook;
  private final PlaybookSpec spec;
  private final PlaybookRun run;
  private final StepOutput output;
  private final StepExecutor executor;
  private final RunHistory history;
  private final RunListener listener;
  private final Clock clock;
  private final LoadedConfig config;
  private final List<StepRecord> records = new ArrayList<>();

  /** What the last executed step threw, for the {@link StepFailure} hooks receive. */
  private Throwable lastError;

  /** Set when the engine's thread was interrupted: roadie is being stopped. */
  private boolean stopRequested;

  StepLoop(
      CompiledPlaybook playbook,
      PlaybookSpec spec,
      PlaybookRun run,
      StepOutput output,
      StepExecutor executor,
      RunHistory history,
      RunListener listener,
      Clock clock,
      LoadedConfig config) {
    this.playbook = playbook;
    this.spec = spec;
    this.run = run;
    this.output = output;
    this.executor = executor;
    this.history = history;
    this.listener = listener;
    this.clock = clock;
    this.config = config;
  }

  Outcome run(Instant started) {
    Duration runTimeout =
        spec.timeout() != null ? spec.timeout() : config.settings().engine().playbookTimeout();
    Instant deadline = started.plus(runTimeout);
    StepFailure firstFailure = null;
    boolean stopped = false;
    boolean timedOut = false;
    String abortedAt = null;

    for (StepSpec step : spec.steps()) {
      int seq = records.size() + 1;
      Duration left = Duration.between(clock.instant(), deadline);
      if (abortedAt != null || stopped || left.isNegative() || left.isZero()) {
        String why =
            abortedAt != null
                ? "not run: roadie was stopped"
                : stopped
                    ? "not run: step '" + firstFailure.step() + "' failed"
                    : "not run: the playbook's timeout of "
                        + Durations.format(runTimeout)
                        + " was reached";
        timedOut |= abortedAt == null && !stopped;
        record(skipped(seq, step, why));
        continue;
      }
      Duration stepTimeout =
          step.timeout() != null ? step.timeout() : config.settings().engine().stepTimeout();
      boolean boundByRun = left.compareTo(stepTimeout) < 0;
      StepRecord record = execute(seq, step, null, boundByRun ? left : stepTimeout);
      if (stopRequested) {
        abortedAt = step.name();
        continue;
      }
      if (record.status() != StepStatus.SUCCEEDED) {
        if (firstFailure == null) {
          firstFailure = failure(record);
        }
        stopped |= !step.continueOnFailure();
        timedOut |= boundByRun && record.status() == StepStatus.TIMED_OUT;
      }
    }

    if (abortedAt != null) {
      // Stopping means stopping: hooks could run for minutes, and a second signal ends roadie.
      return new Outcome(
          RunStatus.ABORTED, "roadie was stopped during step '" + abortedAt + "'", records);
    }
    for (StepSpec hook : spec.hooks()) {
      boolean failed = firstFailure != null;
      if (hook.kind().equals("onFailure") && !failed || hook.kind().equals("onSuccess") && failed) {
        continue;
      }
      StepRecord record =
          execute(
              records.size() + 1,
              hook,
              hook.kind().equals("onFailure") ? firstFailure : null,
              config.settings().engine().stepTimeout());
      if (record.status() != StepStatus.SUCCEEDED && firstFailure == null) {
        firstFailure = failure(record);
      }
    }

    RunStatus status =
        timedOut
            ? RunStatus.TIMED_OUT
            : firstFailure != null ? RunStatus.FAILED : RunStatus.SUCCEEDED;
    String error =
        firstFailure == null
            ? null
            : "step '" + firstFailure.step() + "': " + firstFailure.message();
    return new Outcome(status, error, records);
  }

  private StepRecord execute(int seq, StepSpec step, Object argument, Duration timeout) {
    listener.stepStarted(step.name(), step.kind());
    run.currentStep(step.name());
    Instant started = clock.instant();
    StepExecutor.Result result =
        executor.execute(step, argument, timeout, retry -> output.append(retry + "\n", true));
    Instant ended = clock.instant();
    Throwable failure = result.failure();
    // Cleared here, before anything is recorded: an interrupted thread cannot write to the store.
    stopRequested = Thread.interrupted() || failure instanceof InterruptedException;
    StepStatus status =
        failure == null
            ? StepStatus.SUCCEEDED
            : failure instanceof StepTimeoutException ? StepStatus.TIMED_OUT : StepStatus.FAILED;
    StepRecord record =
        new StepRecord(
            seq,
            step.name(),
            step.kind(),
            status,
            started,
            ended,
            result.attempts(),
            output.take(),
            failure == null
                ? null
                : stopRequested
                    ? "stopped: roadie was asked to stop during this step"
                    : Failures.describe(failure, playbook));
    lastError = failure;
    run.currentStep(null);
    return record(record);
  }

  private StepFailure failure(StepRecord record) {
    return new StepFailure(record.name(), record.error(), lastError);
  }

  private StepRecord skipped(int seq, StepSpec step, String why) {
    Instant now = clock.instant();
    return new StepRecord(seq, step.name(), step.kind(), StepStatus.SKIPPED, now, now, 0, "", why);
  }

  private StepRecord record(StepRecord record) {
    records.add(record);
    history.stepFinished(run.id(), record);
    listener.stepFinished(record);
    return record;
  }
}
