package dev.roadie.playbook;

import dev.roadie.config.LoadedConfig;
import dev.roadie.config.Redactor;
import dev.roadie.history.RunHistory;
import dev.roadie.history.RunRecord;
import dev.roadie.history.RunStatus;
import dev.roadie.history.StepRecord;
import dev.roadie.run.ApiProvider;
import dev.roadie.run.Hosts;
import groovy.lang.Binding;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The engine: declares a playbook, then runs its steps in order and its hooks after them, recording
 * every step and mutation as it goes. One instance serves many runs, one at a time per calling
 * thread.
 */
public final class PlaybookRunner {
  private final LoadedConfig config;
  private final Supplier<RunHistory> histories;
  private final Map<String, ApiProvider> providers;
  private final Clock clock;

  public PlaybookRunner(
      LoadedConfig config, RunHistory history, Map<String, ApiProvider> providers, Clock clock) {
    this(config, () -> history, providers, clock);
  }

  /**
   * @param histories gives the store when the run first needs it, so that opening it can overlap
   *     with compiling and declaring the playbook
   */
  public PlaybookRunner(
      LoadedConfig config,
      Supplier<RunHistory> histories,
      Map<String, ApiProvider> providers,
      Clock clock) {
    this.config = config;
    this.histories = histories;
    this.providers = Map.copyOf(providers);
    this.clock = clock;
  }

  /**
   * What a playbook declares, without running anything: for {@code list} and {@code check}. Missing
   * required params are not an error here.
   */
  public static PlaybookSpec declare(
      CompiledPlaybook playbook, LoadedConfig config, Map<String, ApiProvider> providers) {
    Declarations declarations =
        new Declarations(playbook.displayPath(), playbook.scriptClass(), Map.of(), false);
    StepOutput output = new StepOutput(config.settings().engine().outputLimit(), RunListener.NONE);
    PlaybookWorld world = world(playbook, config, providers, declarations, null, output);
    return declareWith(playbook, declarations, world, output, config);
  }

  /**
   * Runs a playbook and returns its record.
   *
   * @throws PlaybookException when the playbook or its params are wrong; nothing ran then, and
   *     nothing was recorded
   */
  public RunRecord run(CompiledPlaybook playbook, RunRequest request, RunListener listener) {
    Instant started = clock.instant();
    String id = RunIds.next(started);
    AtomicInteger mutationSeq = new AtomicInteger();
    PlaybookRun run =
        new PlaybookRun(
            id,
            playbook.name(),
            request.trigger(),
            request.dryRun(),
            started,
            config.settings().dataDir().resolve("runs"),
            clock,
            mutation -> {
              histories.get().mutated(id, mutationSeq.incrementAndGet(), mutation);
              listener.mutated(mutation);
            },
            new RecordedIncidents(histories));
    StepOutput output = new StepOutput(config.settings().engine().outputLimit(), listener);
    Declarations declarations =
        new Declarations(playbook.displayPath(), playbook.scriptClass(), request.params(), true);
    PlaybookWorld world = world(playbook, config, providers, declarations, run, output);
    PlaybookSpec spec = declareWith(playbook, declarations, world, output, config);
    run.params(spec.values());
    RunHistory history = histories.get();

    RunRecord record =
        new RunRecord(
            id,
            playbook.name(),
            playbook.displayPath(),
            playbook.sha256(),
            GitCommits.of(playbook.file()).orElse(null),
            request.trigger(),
            shown(spec.values()),
            request.dryRun(),
            RunStatus.RUNNING,
            started,
            null,
            null,
            Hosts.name(),
            List.of(),
            List.of());
    // A stop asked for while the store was opening: record the start with the flag clear (an
    // interrupted thread cannot write), then let the first step see it.
    boolean stopAsked = Thread.interrupted();
    history.started(record);
    listener.runStarted(record);

    // Closing right after writing makes the record stick: H2's own exit hook runs at the same
    // time and would otherwise drop the write.
    Thread abort =
        new Thread(
            () -> {
              history.finished(
                  id, RunStatus.ABORTED, clock.instant(), "roadie was stopped during the run");
              history.close();
            });
    Runtime.getRuntime().addShutdownHook(abort);
    RunStatus status;
    String error;
    List<StepRecord> steps = new ArrayList<>();
    try (StepExecutor executor = new StepExecutor(config.settings().engine().stepGrace())) {
      world.stepsRunning();
      if (stopAsked) {
        Thread.currentThread().interrupt();
      }
      StepLoop loop =
          new StepLoop(playbook, spec, run, output, executor, history, listener, clock, config);
      StepLoop.Outcome outcome = loop.run(started);
      status = outcome.status();
      error = outcome.error();
      steps.addAll(outcome.steps());
    } catch (RuntimeException | Error fault) {
      // The store or the engine failed mid-run: leave the record ended, not running forever.
      try {
        history.finished(id, RunStatus.ABORTED, clock.instant(), "roadie failed: " + fault);
      } catch (RuntimeException alsoFailed) {
        fault.addSuppressed(alsoFailed);
      }
      throw fault;
    } finally {
      world.endRun();
      removeHook(abort);
    }
    Instant ended = clock.instant();
    history.finished(id, status, ended, Redactor.redact(error));
    RunRecord finished =
        new RunRecord(
            id,
            record.playbook(),
            record.playbookFile(),
            record.sha256(),
            record.gitCommit(),
            record.trigger(),
            record.params(),
            record.dryRun(),
            status,
            started,
            ended,
            Redactor.redact(error),
            record.host(),
            steps,
            run.mutations());
    listener.runFinished(finished);
    return finished;
  }

  private static PlaybookWorld world(
      CompiledPlaybook playbook,
      LoadedConfig config,
      Map<String, ApiProvider> providers,
      Declarations declarations,
      PlaybookRun run,
      StepOutput output) {
    return new PlaybookWorld(
        playbook.displayPath(),
        playbook.scriptClass(),
        config,
        new ParamsView(declarations.liveValues(), playbook.displayPath(), playbook.scriptClass()),
        run,
        new PlaybookLog(playbook.name(), output),
        providers);
  }

  private static PlaybookSpec declareWith(
      CompiledPlaybook playbook,
      Declarations declarations,
      PlaybookWorld world,
      StepOutput output,
      LoadedConfig config) {
    ExitBlock.install();
    PlaybookScript script;
    try {
      script = playbook.scriptClass().getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate " + playbook.scriptClass(), e);
    }
    Binding binding = new Binding();
    binding.setVariable("out", output.printer());
    script.setBinding(binding);
    script.attach(declarations, world);
    try {
      BoundedDeclaration.run(
          script::run, config.settings().engine().declareTimeout(), playbook.displayPath());
    } catch (PlaybookException e) {
      // With the mistakes declared before the one that stopped the body.
      declarations.failIfProblems(e);
    } catch (Throwable e) {
      // Groovy throws checked exceptions undeclared (an IOException from a file read, say).
      declarations.failIfProblems(new PlaybookException(Failures.describe(e, playbook), e));
    }
    output.take();
    return declarations.finish();
  }

  /**
   * Parameter values as the record keeps them: typed as JSON has them, with secrets masked. An
   * optional param that was not given is left out, as the playbook sees it (null), rather than
   * recorded as "".
   */
  private static Map<String, Object> shown(Map<String, Object> values) {
    Map<String, Object> shown = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          if (value != null) {
            shown.put(name, ParamType.recorded(value));
          }
        });
    return shown;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it records the abort.
    }
  }
}
