package dev.roadie.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A headless {@code fluidsynth} shell server roadie started: no MIDI driver, audio to a file (or
 * nowhere), its shell on a TCP port. {@link #stop()} ends it and leaves no process behind.
 *
 * <p>Supervision: fluidsynth runs under a small {@code sh} watchdog that waits for end of input on
 * its stdin, a pipe from this JVM. Stopping closes the pipe; if this JVM dies, even by SIGKILL, the
 * kernel closes it, and the watchdog ends fluidsynth either way. A shutdown hook stops servers
 * still running when the JVM exits normally.
 *
 * <p>FluidSynth 2.3 has no setting for the address its shell listens on: it listens on every
 * interface, without authentication, and anyone who reaches the port can load any file the process
 * can read. Clients here connect over loopback; keep the port behind a host firewall.
 */
public final class FluidServer implements AutoCloseable {
  private static final Set<FluidServer> RUNNING = ConcurrentHashMap.newKeySet();
  private static final int STDERR_LINES = 20;
  private static final Duration GRACE = Duration.ofSeconds(3);

  /** Ends fluidsynth when its stdin reaches end of input, or when it is itself told to stop. */
  private static final String WATCHDOG =
      "\"$@\" </dev/null & child=$!\n"
          + "trap 'kill -TERM $child 2>/dev/null; wait $child; exit 143' TERM HUP INT\n"
          + "while read -r _; do :; done\n"
          + "kill -TERM $child 2>/dev/null\n"
          + "wait $child\n";

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> List.copyOf(RUNNING).forEach(FluidServer::stop), "fluidsynth-stop"));
  }

  private final Process watchdog;
  private final int port;
  private final Path audioFile;
  private final Duration timeout;
  private final Deque<String> stderr = new ArrayDeque<>();
  private volatile ProcessHandle fluidsynth;

  private FluidServer(Process watchdog, int port, Path audioFile, Duration timeout) {
    this.watchdog = watchdog;
    this.port = port;
    this.audioFile = audioFile;
    this.timeout = timeout;
  }

  /**
   * Starts fluidsynth and waits until its shell answers.
   *
   * @param command fluidsynth and its arguments
   * @throws SynthException when it cannot start, or exits or stays silent before its port opens
   */
  static FluidServer start(List<String> command, int port, Path audioFile, Duration timeout) {
    List<String> full = new ArrayList<>(List.of("sh", "-c", WATCHDOG, "fluidsynth-watchdog"));
    full.addAll(command);
    Process process;
    try {
      process = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new SynthException("cannot start sh to supervise fluidsynth: " + e.getMessage(), e);
    }
    FluidServer server = new FluidServer(process, port, audioFile, timeout);
    RUNNING.add(server);
    server.drain(process.getErrorStream());
    try {
      server.awaitPort(command.get(0));
      return server;
    } catch (RuntimeException e) {
      server.stop();
      throw e;
    }
  }

  private void awaitPort(String binary) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!watchdog.isAlive() || (fluidsynth().isPresent() && !fluidsynth().get().isAlive())) {
        break;
      }
      if (fluidsynth().map(p -> ListeningSockets.listens(p.pid(), port)).orElse(false)) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SynthException("interrupted while waiting for fluidsynth to start");
      }
    }
    String said = stderrTail();
    if (fluidsynth().map(FluidServer::ended).orElse(true)) {
      throw new SynthException(
          binary
              + " exited before opening port "
              + port
              + (said.isEmpty() ? "" : ": " + said)
              + (said.contains("not found")
                  ? " (is FluidSynth installed? see synth.fluidsynth.binary)"
                  : ""));
    }
    throw new SynthException(
        binary
            + " did not open port "
            + port
            + " within "
            + timeout.toMillis()
            + "ms"
            + (said.isEmpty() ? "" : ": " + said));
  }

  /** The fluidsynth process under the watchdog, once it has been started. */
  private Optional<ProcessHandle> fluidsynth() {
    if (fluidsynth == null) {
      fluidsynth = watchdog.children().findFirst().orElse(null);
    }
    return Optional.ofNullable(fluidsynth);
  }

  private void drain(InputStream errors) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(errors, StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                  synchronized (stderr) {
                    stderr.addLast(line);
                    if (stderr.size() > STDERR_LINES) stderr.removeFirst();
                  }
                }
              } catch (IOException e) {
                // the process ended; what it said is kept
              }
            },
            "fluidsynth-stderr-" + port);
    reader.setDaemon(true);
    reader.start();
  }

  /** The last lines fluidsynth wrote on stderr, joined; its errors go there, not to clients. */
  public String stderrTail() {
    synchronized (stderr) {
      return String.join(" | ", stderr);
    }
  }

  /** The shell port. */
  public int port() {
    return port;
  }

  /** Where the audio goes; null when it is discarded. */
  public Path audioFile() {
    return audioFile;
  }

  /** The fluidsynth process id, or -1 before it started. */
  public long pid() {
    return fluidsynth().map(ProcessHandle::pid).orElse(-1L);
  }

  /** The watchdog's process id (fluidsynth's parent). */
  public long watchdogPid() {
    return watchdog.pid();
  }

  public boolean running() {
    return watchdog.isAlive() && !fluidsynth().map(FluidServer::ended).orElse(true);
  }

  /**
   * True when the process has exited. A grandchild that exited stays a zombie until the watchdog
   * reaps it, and Java counts a zombie as alive, so its state is read from /proc.
   */
  static boolean ended(ProcessHandle process) {
    if (!process.isAlive()) return true;
    try {
      String stat = java.nio.file.Files.readString(Path.of("/proc", process.pid() + "", "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * A new connection over loopback. This server is roadie's own, not the estate's, so its commands
   * are not recorded as changes.
   */
  public FluidClient client() {
    return FluidClient.connect("127.0.0.1", port, timeout, FluidClient.Gate.DIRECT);
  }

  /**
   * Ends fluidsynth and its watchdog and waits for both, forcibly after a grace period. With an
   * audio file, its WAV header is then given the sizes fluidsynth had no chance to write. Calling
   * it again does nothing.
   */
  public void stop() {
    Optional<ProcessHandle> child = fluidsynth();
    child.ifPresent(ProcessHandle::destroy);
    try {
      OutputStream stdin = watchdog.getOutputStream();
      stdin.close();
    } catch (IOException e) {
      // the watchdog is gone already
    }
    boolean ended = waitFor(watchdog.toHandle()) && child.map(FluidServer::waitFor).orElse(true);
    if (!ended) {
      child.ifPresent(ProcessHandle::destroyForcibly);
      watchdog.destroyForcibly();
      waitFor(watchdog.toHandle());
      child.ifPresent(FluidServer::waitFor);
    }
    try {
      watchdog.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    RUNNING.remove(this);
    if (audioFile != null) {
      try {
        WavFile.repairSizes(audioFile);
      } catch (IOException e) {
        throw new SynthException(
            "cannot finish the WAV header of " + audioFile + ": " + e.getMessage(), e);
      }
    }
  }

  private static boolean waitFor(ProcessHandle process) {
    try {
      process.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "fluidsynth on port "
        + port
        + (running() ? " (pid " + pid() + ")" : " (stopped)")
        + (audioFile == null ? "" : ", audio to " + audioFile);
  }
}
