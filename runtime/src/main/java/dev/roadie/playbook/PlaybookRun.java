package dev.roadie.playbook;

import dev.roadie.config.Redactor;
import dev.roadie.run.IncidentLog;
import dev.roadie.run.Mutation;
import dev.roadie.run.RunContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** {@code run} in a playbook, and the {@link RunContext} APIs see: one per run. */
public final class PlaybookRun implements RunContext {
  private final String id;
  private final String playbook;
  private final String trigger;
  private final boolean dryRun;
  private final Instant startedAt;
  private final Path runsDir;
  private final Clock clock;
  private final Consumer<Mutation> recorder;
  private final IncidentLog incidents;
  private final List<Mutation> mutations = new ArrayList<>();
  private volatile Map<String, Object> params = Map.of();
  private volatile String currentStep;
  private final Map<Thread, String> pinned = new java.util.concurrent.ConcurrentHashMap<>();

  PlaybookRun(
      String id,
      String playbook,
      String trigger,
      boolean dryRun,
      Instant startedAt,
      Path runsDir,
      Clock clock,
      Consumer<Mutation> recorder,
      IncidentLog incidents) {
    this.id = id;
    this.playbook = playbook;
    this.trigger = trigger;
    this.dryRun = dryRun;
    this.startedAt = startedAt;
    this.runsDir = runsDir;
    this.clock = clock;
    this.recorder = recorder;
    this.incidents = incidents;
  }

  @Override
  public IncidentLog incidents() {
    return incidents;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String playbook() {
    return playbook;
  }

  @Override
  public String trigger() {
    return trigger;
  }

  @Override
  public boolean dryRun() {
    return dryRun;
  }

  public Instant startedAt() {
    return startedAt;
  }

  @Override
  public Path workDir() {
    Path dir = runsDir.resolve(id);
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the run's work dir " + dir, e);
    }
  }

  @Override
  public Map<String, Object> params() {
    return params;
  }

  void params(Map<String, Object> values) {
    params = values;
  }

  void currentStep(String step) {
    currentStep = step;
  }

  /** Changes made later by {@code thread}, a step left running, are still that step's. */
  void pin(Thread thread, String step) {
    pinned.put(thread, step + " (abandoned)");
  }

  @Override
  public <T> T mutate(String target, String description, Callable<T> action) throws Exception {
    if (dryRun) {
      record(target, description, Mutation.Outcome.WOULD_DO, null);
      return null;
    }
    T result;
    try {
      result = action.call();
    } catch (Exception | Error e) {
      record(target, description, Mutation.Outcome.FAILED, String.valueOf(e.getMessage()));
      throw e;
    }
    record(target, description, Mutation.Outcome.DONE, null);
    return result;
  }

  /** The mutations so far, in order. */
  public synchronized List<Mutation> mutations() {
    return List.copyOf(mutations);
  }

  private void record(String target, String description, Mutation.Outcome outcome, String error) {
    Mutation mutation =
        new Mutation(
            pinned.getOrDefault(Thread.currentThread(), currentStep),
            Redactor.redact(target),
            Redactor.redact(description),
            outcome,
            Redactor.redact(error),
            clock.instant());
    synchronized (this) {
      mutations.add(mutation);
      recorder.accept(mutation);
    }
  }

  // Bean-style names, so that playbooks read run.id, run.dryRun, run.workDir as properties.

  public String getId() {
    return id;
  }

  public String getPlaybook() {
    return playbook;
  }

  public String getTrigger() {
    return trigger;
  }

  public boolean isDryRun() {
    return dryRun;
  }

  public Path getWorkDir() {
    return workDir();
  }

  public Map<String, Object> getParams() {
    return params;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  @Override
  public String toString() {
    return "run " + id + " of " + playbook + (dryRun ? " (dry run)" : "");
  }
}
