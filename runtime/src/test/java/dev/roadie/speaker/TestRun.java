package dev.roadie.speaker;

import dev.roadie.run.RunContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/** A run for API tests: records each mutation as "target: description -> outcome". */
final class TestRun implements RunContext {
  final boolean dryRun;
  final List<String> mutations = new CopyOnWriteArrayList<>();

  TestRun(boolean dryRun) {
    this.dryRun = dryRun;
  }

  @Override
  public String id() {
    return "test";
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
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  @Override
  public Map<String, Object> params() {
    return Map.of();
  }

  @Override
  public <T> T mutate(String target, String description, Callable<T> action) throws Exception {
    if (dryRun) {
      mutations.add(target + ": " + description + " -> would-do");
      return null;
    }
    try {
      T result = action.call();
      mutations.add(target + ": " + description + " -> done");
      return result;
    } catch (Exception e) {
      mutations.add(target + ": " + description + " -> failed");
      throw e;
    }
  }
}
