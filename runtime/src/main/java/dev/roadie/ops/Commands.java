package dev.roadie.ops;

import dev.roadie.config.Durations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a short command (systemctl, journalctl) with a deadline, draining its output as it runs. */
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
    Process process;
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().putAll(env);
      process = builder.start();
    } catch (IOException e) {
      throw new OpsException(
          "cannot run "
              + command.get(0)
              + ": "
              + e.getMessage()
              + "; is it installed and on PATH?");
    }
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
