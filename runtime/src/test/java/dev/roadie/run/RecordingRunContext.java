package dev.roadie.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The run context of API tests, outside the engine: a real work dir, a dry run or not, and the
 * mutations the API asked for, in order, recorded as the engine records them.
 */
public final class RecordingRunContext implements RunContext {
  private final String id;
  private final Path workDir;
  private final boolean dryRun;
  private final List<Mutation> mutations = new CopyOnWriteArrayList<>();

  public RecordingRunContext(String id, Path workDir, boolean dryRun) {
    this.id = id;
    this.workDir = workDir.toAbsolutePath().normalize();
    this.dryRun = dryRun;
  }

  public RecordingRunContext(Path workDir, boolean dryRun) {
    this("test-run", workDir, dryRun);
  }

  /** A run whose work dir is a shared scratch dir under the system's temp dir. */
  public RecordingRunContext(boolean dryRun) {
    this(Path.of(System.getProperty("java.io.tmpdir"), "roadie-test-run"), dryRun);
  }

  /** The mutations so far, as the run records them; a live view. */
  public List<Mutation> mutations() {
    return Collections.unmodifiableList(mutations);
  }

  /** The mutations so far as {@code target: description -> outcome}, e.g. {@code -> would-do}. */
  public List<String> lines() {
    return mutations.stream()
        .map(m -> m.target() + ": " + m.description() + " -> " + m.outcome().label())
        .toList();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String playbook() {
    return "test";
  }

  @Override
  public String trigger() {
    return "cli";
  }

  @Override
  public boolean dryRun() {
    return dryRun;
  }

  @Override
  public Path workDir() {
    try {
      return Files.createDirectories(workDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Map<String, Object> params() {
    return Map.of();
  }

  @Override
  public <T> T mutate(String target, String description, Callable<T> action) throws Exception {
    if (dryRun) {
      record(target, description, Mutation.Outcome.WOULD_DO, null);
      return null;
    }
    try {
      T result = action.call();
      record(target, description, Mutation.Outcome.DONE, null);
      return result;
    } catch (Exception e) {
      record(target, description, Mutation.Outcome.FAILED, e.getMessage());
      throw e;
    }
  }

  private void record(String target, String description, Mutation.Outcome outcome, String error) {
    mutations.add(new Mutation("step", target, description, outcome, error, Instant.now()));
  }
}
