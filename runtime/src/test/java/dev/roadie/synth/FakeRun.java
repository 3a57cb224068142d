package dev.roadie.synth;

import dev.roadie.run.Mutation;
import dev.roadie.run.RunContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/** A run for API tests: records mutations like the engine does, and honours a dry run. */
final class FakeRun implements RunContext {
  final List<Mutation> mutations = new CopyOnWriteArrayList<>();
  private final Path workDir;
  private final boolean dryRun;

  FakeRun(Path workDir, boolean dryRun) {
    this.workDir = workDir;
    this.dryRun = dryRun;
  }

  @Override
  public String id() {
    return "test-run";
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
      mutations.add(
          new Mutation(
              "step", target, description, Mutation.Outcome.WOULD_DO, null, Instant.now()));
      return null;
    }
    try {
      T result = action.call();
      mutations.add(
          new Mutation("step", target, description, Mutation.Outcome.DONE, null, Instant.now()));
      return result;
    } catch (Exception e) {
      mutations.add(
          new Mutation(
              "step", target, description, Mutation.Outcome.FAILED, e.getMessage(), Instant.now()));
      throw e;
    }
  }
}
