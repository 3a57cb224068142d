package dev.roadie.ops;

import dev.roadie.config.ConfigLoader;
import dev.roadie.config.LoadedConfig;
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

/** The APIs as a run sees them, over a config written by the test, with mutations kept. */
final class OpsFixture implements RunContext {
  final Path home;
  final boolean dryRun;
  final List<Mutation> mutations = new CopyOnWriteArrayList<>();
  LoadedConfig config;

  OpsFixture(Path home, boolean dryRun, String yaml) {
    this.home = home;
    this.dryRun = dryRun;
    try {
      Files.createDirectories(home);
      Path file = null;
      if (yaml != null) {
        file = Files.writeString(home.resolve("test.yaml"), yaml);
      }
      config =
          ConfigLoader.load(home, file, Map.of("ROADIE_DATA_DIR", home.resolve("var").toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  OpsFixture(Path home, String yaml) {
    this(home, false, yaml);
  }

  Ops ops() {
    return new Ops(config, this);
  }

  Alerts alerts() {
    return new Alerts(config, this);
  }

  @Override
  public String id() {
    return "20260101-000000-test00";
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
      return Files.createDirectories(home.resolve("var/runs").resolve(id()));
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
