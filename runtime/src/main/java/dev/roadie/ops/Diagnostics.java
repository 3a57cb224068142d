package dev.roadie.ops;

import dev.roadie.config.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The diagnostics bundle of an incident: one directory of plain-text files a responder reads first.
 * Each file is collected on its own; one that cannot be says why inside it, and the rest are still
 * written.
 */
final class Diagnostics {
  private static final Pattern ERRORS =
      Pattern.compile("(?i)\\b(error|fatal|exception|panic|fail(ed|ure)?|crash(ed)?)\\b");
  private static final int MAX_ERRORS = 200;

  private Diagnostics() {}

  /**
   * Writes the bundle into {@code dir}: status, logs, processes, sockets, disk and memory, errors.
   */
  static void collect(Path dir, List<Service> services, Ops ops, Path dataDir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the diagnostics bundle " + dir, e);
    }
    Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
    StringBuilder errors = new StringBuilder();
    write(
        dir.resolve("services.txt"),
        () ->
            services.stream()
                .map(s -> safely(() -> s.status().toString()))
                .collect(Collectors.joining("\n", "", "\n")));
    for (Service service : services) {
      String log = safely(() -> service.logs(java.util.Map.of("since", hourAgo)));
      write(dir.resolve(service.getName() + ".log"), () -> log);
      log.lines()
          .filter(line -> ERRORS.matcher(line).find())
          .limit(MAX_ERRORS)
          .forEach(line -> errors.append(service.getName()).append(": ").append(line).append('\n'));
      write(
          dir.resolve(service.getName() + "-processes.txt"),
          () -> {
            List<Long> pids = service.getPids();
            if (pids.isEmpty()) {
              return "no process runs\n";
            }
            return Processes.sample(pids).stream()
                    .map(p -> p + "\n    " + p.cmdline())
                    .collect(Collectors.joining("\n"))
                + "\n";
          });
    }
    write(
        dir.resolve("errors.txt"),
        () -> errors.length() == 0 ? "no error lines in the last hour\n" : errors.toString());
    write(
        dir.resolve("sockets.txt"),
        () ->
            "listening:\n"
                + ops.getHost().getListening().stream()
                    .map(s -> "  " + s)
                    .collect(Collectors.joining("\n"))
                + "\nestablished:\n"
                + ops.getHost().getConnections().stream()
                    .map(s -> "  " + s)
                    .collect(Collectors.joining("\n"))
                + "\n");
    write(
        dir.resolve("host.txt"),
        () ->
            String.format(
                    Locale.ROOT,
                    "load %s on %d cpus%n%s%n",
                    ops.getHost().getLoad(),
                    ops.getHost().getCpus(),
                    ops.getHost().getMemory())
                + ops.disk("/")
                + "\n"
                + ops.disk(dataDir)
                + "\n");
  }

  private static void write(Path file, Callable<String> content) {
    String text = safely(content);
    try {
      Files.writeString(file, Redactor.redact(text));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String safely(Callable<String> content) {
    try {
      return content.call();
    } catch (Exception e) {
      return "could not be collected: "
          + (e instanceof OpsException ? e.getMessage() : e.toString())
          + "\n";
    }
  }
}
