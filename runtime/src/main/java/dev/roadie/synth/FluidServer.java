package dev.roadie.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A headless {@code fluidsynth} roadie started: no MIDI driver, audio to a file (or nowhere), its
 * shell on a TCP port. {@link #stop()} ends it and leaves no process behind.
 *
 * <p>FluidSynth 2.3's own shell server cannot be bound to one address: it listens on every
 * interface, without authentication, and anyone who reaches it can load any file the process can
 * read. So by default fluidsynth runs without it, driven over its stdin, and roadie serves the same
 * shell protocol on 127.0.0.1 ({@link FluidRelay}); its life is bound to that pipe, so it ends when
 * roadie does, even by SIGKILL. Started {@code exposed}, fluidsynth serves its own port on every
 * interface, for clients on other hosts; then a small {@code sh} watchdog reading a pipe from
 * roadie ends it when roadie ends. A shutdown hook stops servers still running at exit.
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

  private final Process process;
  private final boolean exposed;
  private final int port;
  private final Path audioFile;
  private final Duration timeout;
  private final Deque<String> stderr = new ArrayDeque<>();
  private volatile FluidRelay relay;
  private volatile ProcessHandle fluidsynth;

  private FluidServer(
      Process process, boolean exposed, int port, Path audioFile, Duration timeout) {
    this.process = process;
    this.exposed = exposed;
    this.port = port;
    this.audioFile = audioFile;
    this.timeout = timeout;
    if (!exposed) {
      fluidsynth = process.toHandle();
    }
  }

  /**
   * Starts fluidsynth with its shell on stdin and serves that shell on 127.0.0.1:{@code port}.
   *
   * @param command fluidsynth and its arguments, without {@code -s} or {@code -i}
   */
  static FluidServer onLoopback(List<String> command, int port, Path audioFile, Duration timeout) {
    ServerSocket socket = FluidRelay.bind(port);
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      close(socket);
      throw new SynthException(
          "cannot start "
              + command.get(0)
              + ": "
              + e.getMessage()
              + " (is FluidSynth installed? see synth.fluidsynth.binary)",
          e);
    }
    FluidServer server = new FluidServer(process, false, socket.getLocalPort(), audioFile, timeout);
    RUNNING.add(server);
    server.drain(process.getErrorStream());
    try {
      server.relay = server.awaitShell(socket, command.get(0));
      return server;
    } catch (RuntimeException e) {
      close(socket);
      server.stop();
      throw e;
    }
  }

  /**
   * Starts {@code fluidsynth -s}, its own shell server on every interface, under the watchdog, and
   * waits until it listens.
   */
  static FluidServer exposed(List<String> command, int port, Path audioFile, Duration timeout) {
    List<String> full = new ArrayList<>(List.of("sh", "-c", WATCHDOG, "fluidsynth-watchdog"));
    full.addAll(command);
    Process process;
    try {
      process = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new SynthException("cannot start sh to supervise fluidsynth: " + e.getMessage(), e);
    }
    FluidServer server = new FluidServer(process, true, port, audioFile, timeout);
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

  private FluidRelay awaitShell(ServerSocket socket, String binary) {
    var ready =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return FluidRelay.start(socket, process);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    try {
      return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new SynthException(
          binary + " did not answer on its shell within " + timeout.toMillis() + "ms" + said());
    } catch (ExecutionException e) {
      throw new SynthException(binary + " exited before its shell answered" + said(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SynthException("interrupted while waiting for fluidsynth to start");
    } finally {
      ready.cancel(true);
    }
  }

  private void awaitPort(String binary) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive() || fluidsynth().map(FluidServer::ended).orElse(false)) {
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
    if (fluidsynth().map(FluidServer::ended).orElse(true)) {
      String tail = stderrTail();
      throw new SynthException(
          binary
              + " exited before opening port "
              + port
              + said()
              + (tail.contains("not found")
                  ? " (is FluidSynth installed? see synth.fluidsynth.binary)"
                  : "")
              + (tail.contains("bind server socket") ? " (is the port in use?)" : ""));
    }
    throw new SynthException(
        binary + " did not open port " + port + " within " + timeout.toMillis() + "ms" + said());
  }

  private String said() {
    // stderr is read on its own thread: give it a moment to catch up with a process that ended
    long deadline = System.nanoTime() + 200_000_000L;
    while (System.nanoTime() < deadline && !process.isAlive() && stderrTail().isEmpty()) {
      Thread.onSpinWait();
    }
    String tail = stderrTail();
    return tail.isEmpty() ? "" : ": " + tail;
  }

  /**
   * True when the process has exited. A grandchild that exited stays a zombie until the watchdog
   * reaps it, and Java counts a zombie as alive, so its state is read from /proc.
   */
  static boolean ended(ProcessHandle process) {
    if (!process.isAlive()) return true;
    try {
      String stat = Files.readString(Path.of("/proc", process.pid() + "", "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      return true;
    }
  }

  /** The fluidsynth process, once it has been started. */
  private Optional<ProcessHandle> fluidsynth() {
    if (fluidsynth == null) {
      fluidsynth = process.children().findFirst().orElse(null);
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

  /** True when fluidsynth serves its own port on every interface; false for loopback only. */
  public boolean exposed() {
    return exposed;
  }

  /** Where the audio goes; null when it is discarded. */
  public Path audioFile() {
    return audioFile;
  }

  /** The fluidsynth process id, or -1 before it started. */
  public long pid() {
    return fluidsynth().map(ProcessHandle::pid).orElse(-1L);
  }

  /** The process roadie started: fluidsynth itself, or the watchdog of an exposed one. */
  public long supervisedPid() {
    return process.pid();
  }

  public boolean running() {
    return process.isAlive() && !fluidsynth().map(FluidServer::ended).orElse(true);
  }

  /**
   * A new connection over loopback. This server is roadie's own, not the estate's, so its commands
   * are not recorded as changes.
   */
  public FluidClient client() {
    return FluidClient.connect("127.0.0.1", port, timeout, FluidClient.Gate.DIRECT);
  }

  /**
   * Ends fluidsynth (and the watchdog of an exposed one) and waits for it, forcibly after a grace
   * period. An audio file is then a complete WAV: fluidsynth ended by end of input writes its
   * header; one ended by a signal gets the sizes it had no chance to write. Calling it again does
   * nothing.
   */
  public void stop() {
    if (relay != null) {
      relay.close();
    }
    Optional<ProcessHandle> child = fluidsynth();
    if (exposed) {
      child.ifPresent(ProcessHandle::destroy);
    }
    close(process.getOutputStream());
    boolean ended = waitFor(process.toHandle()) && child.map(FluidServer::waitFor).orElse(true);
    if (!ended) {
      child.ifPresent(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      waitFor(process.toHandle());
      child.ifPresent(FluidServer::waitFor);
    }
    try {
      process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    RUNNING.remove(this);
    if (audioFile != null && Files.exists(audioFile)) {
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
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void close(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // already closed, or the process is gone
    }
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "fluidsynth on "
        + (exposed ? "every interface, " : "127.0.0.1:")
        + (exposed ? "port " : "")
        + port
        + (running() ? " (pid " + pid() + ")" : " (stopped)")
        + (audioFile == null ? "" : ", audio to " + audioFile);
  }
}
