package dev.roadie.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A run context for testing an API outside the engine: a real work dir, and the mutations the API
 * asked for, in order, with what became of them.
 */
public final class RecordingRunContext implements RunContext {
  /** One call of {@link #mutate}: outcome is {@code done}, {@code would-do} or {@code failed}. */
  public record Recorded(String target, String description, String outcome) {}

  private final Path workDir;
  private final boolean dryRun;
  private final List<Recorded> mutations = new CopyOnWriteArrayList<>();

  public RecordingRunContext(Path workDir, boolean dryRun) {
    this.workDir = workDir.toAbsolutePath().normalize();
    this.dryRun = dryRun;
  }

  public List<Recorded> mutations() {
    return List.copyOf(mutations);
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
      mutations.add(new Recorded(target, description, "would-do"));
      return null;
    }
    try {
      T result = action.call();
      mutations.add(new Recorded(target, description, "done"));
      return result;
    } catch (Exception e) {
      mutations.add(new Recorded(target, description, "failed"));
      throw e;
    }
  }
}
