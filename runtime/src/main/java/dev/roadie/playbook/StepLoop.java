package dev.roadie.playbook;

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
import java.util.function.Supplier;

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
    TimeLimit runLimit =
        spec.timeout() != null
            ? new TimeLimit("the playbook's timeout", spec.timeout())
            : new TimeLimit(
                "engine.playbook_timeout", config.settings().engine().playbookTimeout());
    Instant deadline = started.plus(runLimit.length());
    Supplier<Duration> timeLeft = () -> Duration.between(clock.instant(), deadline);
    StepFailure firstFailure = null;
    String stoppedBy = null;
    boolean timedOut = false;
    String abortedAt = null;

    for (StepSpec step : spec.steps()) {
      int seq = records.size() + 1;
      Duration left = timeLeft.get();
      if (abortedAt != null || stoppedBy != null || left.isNegative() || left.isZero()) {
        String why =
            abortedAt != null
                ? "not run: roadie was stopped"
                : stoppedBy != null
                    ? "not run: step '" + stoppedBy + "' failed"
                    : "not run: " + runLimit.describe() + " was reached";
        timedOut |= abortedAt == null && stoppedBy == null;
        record(skipped(seq, step, why));
        continue;
      }
      TimeLimit stepLimit =
          step.timeout() != null
              ? new TimeLimit("the step's timeout", step.timeout())
              : new TimeLimit("engine.step_timeout", config.settings().engine().stepTimeout());
      StepRecord record = execute(seq, step, null, stepLimit, timeLeft, runLimit);
      if (stopRequested) {
        abortedAt = step.name();
        continue;
      }
      if (record.status() != StepStatus.SUCCEEDED) {
        if (firstFailure == null) {
          firstFailure = failure(record);
        }
        if (!step.continueOnFailure()) {
          stoppedBy = step.name();
        }
        // A step cut short by the run's own deadline times the whole run out.
        timedOut |=
            record.status() == StepStatus.TIMED_OUT && timeLeft.get().compareTo(Duration.ZERO) <= 0;
      }
    }

    // Hooks run even after the run's timeout (an alert about a timeout is what onFailure is
    // for), each with the step timeout; a stop request ends them too.
    TimeLimit hookLimit =
        new TimeLimit("engine.step_timeout", config.settings().engine().stepTimeout());
    for (StepSpec hook : spec.hooks()) {
      if (abortedAt != null) {
        break;
      }
      boolean failed = firstFailure != null;
      if (hook.kind().equals("onFailure") && !failed || hook.kind().equals("onSuccess") && failed) {
        continue;
      }
      StepRecord record =
          execute(
              records.size() + 1,
              hook,
              hook.kind().equals("onFailure") ? firstFailure : null,
              hookLimit,
              hookLimit::length,
              hookLimit);
      if (stopRequested) {
        abortedAt = hook.kind();
      } else if (record.status() != StepStatus.SUCCEEDED && firstFailure == null) {
        firstFailure = failure(record);
      }
    }

    if (abortedAt != null) {
      return new Outcome(
          RunStatus.ABORTED, "roadie was stopped during step '" + abortedAt + "'", records);
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

  private StepRecord execute(
      int seq,
      StepSpec step,
      Object argument,
      TimeLimit timeout,
      Supplier<Duration> timeLeft,
      TimeLimit runLimit) {
    listener.stepStarted(step.name(), step.kind());
    run.currentStep(step.name());
    Instant started = clock.instant();
    StepExecutor.Result result =
        executor.execute(
            step,
            argument,
            timeout,
            timeLeft,
            runLimit,
            retry -> output.append(retry + "\n", true));
    Instant ended = clock.instant();
    Throwable failure = result.failure();
    if (result.abandoned() != null) {
      output.disown(result.abandoned());
      run.pin(result.abandoned(), step.name());
    }
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
