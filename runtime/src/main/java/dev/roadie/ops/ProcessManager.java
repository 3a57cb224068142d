package dev.roadie.ops;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.roadie.config.Redactor;
import dev.roadie.config.RoadieConfig.ServiceConfig;
import dev.roadie.config.Secret;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code process} manager: roadie starts the command itself, in a session of its own (so a
 * Ctrl-C at roadie's terminal does not reach it), and keeps its state under {@code
 * DATA_DIR/services/NAME}: {@code pid} (the pid and its start time, so a reused pid is not taken
 * for the service) and {@code output.log} (its output, with roadie's own start and stop lines). The
 * service outlives the run that started it; any later run finds it by its pid file.
 */
final class ProcessManager implements ServiceManager {
  /** How long a process must stay up to count as started, when there is no health URL. */
  private static final Duration SETTLE = Duration.ofMillis(1000);

  private static final long LOG_LIMIT = 10L * 1024 * 1024;
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  /** Processes this JVM started, so that how one ended can be told. */
  private static final Map<Long, Process> STARTED = new ConcurrentHashMap<>();

  private final String name;
  private final ServiceConfig config;
  private final Path home;
  private final Path stateDir;

  ProcessManager(String name, ServiceConfig config, Path home, Path dataDir) {
    this.name = name;
    this.config = config;
    this.home = home;
    this.stateDir = dataDir.resolve("services").resolve(name);
  }

  Path pidFile() {
    return stateDir.resolve("pid");
  }

  /** Why the last start failed, while it stays failed. */
  Path failedFile() {
    return stateDir.resolve("failed");
  }

  Path logFile() {
    return stateDir.resolve("output.log");
  }

  private record PidFile(long pid, long startTicks) {}

  private Optional<PidFile> readPid() {
    try {
      String[] lines = Files.readString(pidFile()).trim().split("\\s+");
      return Optional.of(
          new PidFile(Long.parseLong(lines[0]), lines.length > 1 ? Long.parseLong(lines[1]) : 0));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public ServiceStatus status() {
    Optional<PidFile> pid = readPid();
    if (pid.isEmpty()) {
      if (Files.exists(failedFile())) {
        return new ServiceStatus(
            name, "process", "failed", null, lastModified(failedFile()), read(failedFile()));
      }
      return new ServiceStatus(name, "process", "inactive", null, null, "not running");
    }
    long id = pid.get().pid();
    Optional<Proc.Stat> stat =
        Proc.stat(id).filter(s -> s.state() != 'Z' && s.startTicks() == pid.get().startTicks());
    if (stat.isPresent()) {
      return new ServiceStatus(name, "process", "active", id, Proc.started(stat.get()), "running");
    }
    Process process = STARTED.get(id);
    String how =
        process != null && !process.isAlive()
            ? "exited with status " + process.exitValue()
            : "it ended without being stopped (crashed or killed)";
    return new ServiceStatus(
        name, "process", "failed", null, lastModified(pidFile()), "pid " + id + " is gone: " + how);
  }

  @Override
  public List<Long> pids() {
    return readPid()
        .filter(p -> Proc.alive(p.pid(), p.startTicks()))
        .map(p -> Proc.tree(p.pid()))
        .orElse(List.of());
  }

  @Override
  public void start() {
    locked(this::startLocked);
  }

  @Override
  public void stop() {
    locked(this::stopLocked);
  }

  @Override
  public void restart() {
    locked(
        () -> {
          stopLocked();
          startLocked();
        });
  }

  /**
   * Runs a change holding the service's lock file: a scheduled check and a person's runbook, in two
   * roadie processes, must not start it twice.
   */
  private void locked(Runnable change) {
    try {
      Files.createDirectories(stateDir);
      try (java.nio.channels.FileChannel channel =
              java.nio.channels.FileChannel.open(
                  stateDir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          java.nio.channels.FileLock lock = channel.lock()) {
        change.run();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + stateDir.resolve("lock"), e);
    }
  }

  private void startLocked() {
    if (status().isActive()) {
      return;
    }
    // A command that exits at once is tried again with a growing pause; one that is up but not
    // healthy is not (another try would only find its port taken), and is left for the runbook.
    RetryPolicy<String> tries =
        RetryPolicy.<String>builder()
            .handleResultIf(failure -> failure != null)
            .abortOn(OpsException.class)
            .withMaxAttempts(config.startAttempts())
            .withBackoff(Duration.ofMillis(250), Duration.ofSeconds(30), 2)
            .build();
    String lastFailure;
    try {
      lastFailure =
          Failsafe.with(tries)
              .get(
                  () -> {
                    String failure = startOnce();
                    Optional<PidFile> stillUp = failure == null ? Optional.empty() : readPid();
                    if (stillUp.isPresent()) {
                      throw new OpsException(
                          name
                              + " started (pid "
                              + stillUp.get().pid()
                              + ") but "
                              + failure
                              + tail());
                    }
                    return failure;
                  });
    } catch (FailsafeException e) {
      if (e.getCause() instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new OpsException("interrupted while starting " + name);
      }
      throw e;
    }
    if (lastFailure == null) {
      delete(failedFile());
      return;
    }
    write(failedFile(), "did not start: " + lastFailure + "\n");
    throw new OpsException(
        name
            + " did not start ("
            + config.startAttempts()
            + (config.startAttempts() == 1 ? " try" : " tries")
            + "): "
            + lastFailure
            + tail());
  }

  /** One try: null when it is up, else why not. */
  private String startOnce() {
    Process process;
    try {
      Files.createDirectories(stateDir);
      rotateLog();
      mark("starting " + String.join(" ", config.command()));
      process = builder().start();
    } catch (IOException e) {
      throw new OpsException(
          name
              + ": cannot start "
              + config.command().get(0)
              + ": "
              + e.getMessage()
              + "; check services."
              + name
              + ".command");
    }
    long pid = process.pid();
    STARTED.put(pid, process);
    long ticks = Proc.stat(pid).map(Proc.Stat::startTicks).orElse(0L);
    write(pidFile(), pid + "\n" + ticks + "\n");
    String failure;
    if (config.healthUrl().isEmpty()) {
      long deadline = System.nanoTime() + SETTLE.toNanos();
      while (process.isAlive() && System.nanoTime() < deadline) {
        Readiness.sleep(Duration.ofMillis(50));
      }
      failure = process.isAlive() ? null : exited(process);
    } else {
      failure = Readiness.await(name, config.healthUrl(), config.startTimeout(), process::isAlive);
      if (!process.isAlive()) {
        failure = exited(process);
      }
    }
    if (failure == null) {
      mark("started " + name + " (pid " + pid + ")");
    } else if (!process.isAlive()) {
      mark(name + " " + failure);
      delete(pidFile());
    }
    return failure;
  }

  private static String exited(Process process) {
    try {
      return "it exited at once with status " + process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OpsException("interrupted while starting");
    }
  }

  private ProcessBuilder builder() throws IOException {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      // Not a process group leader, so setsid execs in place: the pid stays the service's.
      command.add(SETSID.toString());
    }
    String program = config.command().get(0);
    if (program.contains("/") && !Path.of(program).isAbsolute()) {
      program = home.resolve(program).normalize().toString();
    }
    command.add(program);
    command.addAll(config.command().subList(1, config.command().size()));
    Path directory = config.directory() == null ? stateDir : config.directory();
    Files.createDirectories(directory);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
            .redirectErrorStream(true);
    config
        .env()
        .forEach(
            (key, value) ->
                builder
                    .environment()
                    .put(
                        key,
                        value instanceof Secret secret ? secret.reveal() : String.valueOf(value)));
    return builder;
  }

  private void stopLocked() {
    Optional<PidFile> pid = readPid();
    delete(failedFile());
    if (pid.isEmpty()) {
      return;
    }
    long id = pid.get().pid();
    if (!Proc.alive(id, pid.get().startTicks())) {
      delete(pidFile());
      return;
    }
    List<ProcessHandle> tree = new ArrayList<>();
    ProcessHandle.of(id).ifPresent(tree::add);
    tree.addAll(tree.isEmpty() ? List.of() : tree.get(0).descendants().toList());
    tree.forEach(ProcessHandle::destroy);
    String how = "SIGTERM";
    if (!awaitGone(tree, config.stopTimeout())) {
      tree.forEach(ProcessHandle::destroyForcibly);
      how =
          "SIGKILL, after SIGTERM did not stop it within "
              + dev.roadie.config.Durations.format(config.stopTimeout());
      if (!awaitGone(tree, Duration.ofSeconds(5))) {
        throw new OpsException(name + " (pid " + id + ") did not stop, even with SIGKILL");
      }
    }
    Process ours = STARTED.remove(id);
    if (ours != null) {
      // Reaped before this returns, so nobody sees it as a zombie that is still there.
      ours.onExit()
          .orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
          .exceptionally(e -> null)
          .join();
    }
    delete(pidFile());
    mark("stopped " + name + " (pid " + id + ") with " + how);
  }

  private static boolean awaitGone(List<ProcessHandle> tree, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (tree.stream().noneMatch(h -> Proc.alive(h.pid(), 0))) {
        return true;
      }
      Readiness.sleep(Duration.ofMillis(50));
    }
    return tree.stream().noneMatch(h -> Proc.alive(h.pid(), 0));
  }

  @Override
  public String logs(Instant since) {
    return LogLines.since(logFile(), since);
  }

  /** The end of its log, for a failure message. */
  private String tail() {
    List<String> last = LogLines.tail(logFile(), 5);
    return last.isEmpty()
        ? ""
        : "; its log " + logFile() + " ends with:\n  " + Redactor.redact(String.join("\n  ", last));
  }

  /** roadie's own line in the service's log, timed like the service's own. */
  private void mark(String message) {
    try {
      Files.createDirectories(stateDir);
      Files.writeString(
          logFile(),
          Instant.now().truncatedTo(ChronoUnit.MILLIS)
              + " roadie: "
              + Redactor.redact(message)
              + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + logFile(), e);
    }
  }

  private void rotateLog() throws IOException {
    if (Files.exists(logFile()) && Files.size(logFile()) > LOG_LIMIT) {
      Files.move(
          logFile(),
          stateDir.resolve("output.log.1"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void write(Path file, String text) {
    try {
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temp, text);
      Files.move(
          temp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static Instant lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      return null;
    }
  }
}
