package dev.roadie.ops;

import dev.roadie.config.Durations;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs a command (systemctl, journalctl, apt) with a deadline, draining its output as it runs: kept
 * whole for a short answer, or handed over line by line for a long one.
 */
final class Commands {
  record Result(int exit, String out, String err) {}

  private Commands() {}

  static Result run(List<String> command, Duration timeout) {
    return run(command, Map.of(), timeout);
  }

  /**
   * @param env added to this process's environment for the child: how a password reaches a tool
   *     without being on its command line, where any user could read it in /proc
   */
  static Result run(List<String> command, Map<String, String> env, Duration timeout) {
    Process process = start(command, env);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread outReader = drain(process.getInputStream(), out);
    Thread errReader = drain(process.getErrorStream(), err);
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new OpsException(
            String.join(" ", command) + " did not finish within " + Durations.format(timeout));
      }
      outReader.join();
      errReader.join();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new OpsException("interrupted while running " + command.get(0));
    }
    return new Result(
        process.exitValue(),
        out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Runs a command whose output can be large (a journal of weeks), handing each line of its
   * standard output to {@code line} as it comes instead of keeping it; the result's {@code out} is
   * empty. Past {@code timeout} the command is killed and an {@link OpsException} says so.
   */
  static Result stream(List<String> command, Duration timeout, Consumer<String> line) {
    Process process = start(command, Map.of());
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread errReader = drain(process.getErrorStream(), err);
    AtomicBoolean late = new AtomicBoolean();
    ScheduledExecutorService watchdog =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "roadie-command-deadline");
              thread.setDaemon(true);
              return thread;
            });
    watchdog.schedule(
        () -> {
          late.set(true);
          process.destroyForcibly();
        },
        timeout.toMillis(),
        TimeUnit.MILLISECONDS);
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String text = out.readLine(); text != null; text = out.readLine()) {
        line.accept(text);
      }
      process.waitFor();
      errReader.join();
    } catch (IOException e) {
      if (!late.get()) {
        throw new OpsException("cannot read the output of " + command.get(0) + ": " + e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OpsException("interrupted while running " + command.get(0));
    } finally {
      watchdog.shutdownNow();
      process.destroyForcibly();
    }
    if (late.get()) {
      throw new OpsException(
          String.join(" ", command) + " did not finish within " + Durations.format(timeout));
    }
    return new Result(process.exitValue(), "", err.toString(StandardCharsets.UTF_8));
  }

  private static Process start(List<String> command, Map<String, String> env) {
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().putAll(env);
      return builder.start();
    } catch (IOException e) {
      throw new OpsException(
          "cannot run "
              + command.get(0)
              + ": "
              + e.getMessage()
              + "; is it installed and on PATH?");
    }
  }

  /** Whether {@code program} would run: a path that is executable, or a name found on PATH. */
  static boolean onPath(String program) {
    if (program.contains("/")) {
      return Files.isExecutable(Path.of(program));
    }
    String path = System.getenv().getOrDefault("PATH", "");
    return Arrays.stream(path.split(":"))
        .filter(dir -> !dir.isEmpty())
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }

  private static Thread drain(InputStream in, ByteArrayOutputStream into) {
    Thread reader =
        new Thread(
            () -> {
              try (in) {
                in.transferTo(into);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            "roadie-command-output");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }
}
