package dev.roadie.ops.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real process writing a log, started from a bash script: it keeps the log open the whole time,
 * as a service does. Lines the test sends on its stdin are written to the log; what it prints on
 * stdout can be awaited. Closing it ends the process, forcibly if it does not end on its own.
 */
final class LogWriter implements AutoCloseable {
  /** Appends each stdin line to the log it opened once, like a service that never reopens. */
  static final String KEEPS_ITS_FILE_OPEN =
      "exec 3>>\"$1\"\necho ready\nwhile IFS= read -r line; do printf '%s\\n' \"$line\" >&3; done\n";

  /** The same, but reopens its log on SIGHUP and says so, like a service told to after rotation. */
  static final String REOPENS_ON_HUP =
      "exec 3>>\"$1\"\n"
          + "trap 'exec 3>&-; exec 3>>\"$1\"; echo reopened' HUP\n"
          + "echo ready\n"
          + "while :; do\n"
          + "  if IFS= read -r line; then printf '%s\\n' \"$line\" >&3\n"
          + "  elif [ $? -gt 128 ]; then continue\n" // read interrupted by the signal
          + "  else break; fi\n"
          + "done\n";

  /** Writes numbered lines as fast as bash can, holding its log open, until a stop file appears. */
  static final String WRITES_UNTIL_STOPPED =
      "exec >>\"$1\"\ni=0\nwhile [ ! -e \"$2\" ]; do i=$((i+1)); echo \"line $i\"; done\n";

  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();

  private LogWriter(Process process) {
    this.process = process;
    this.stdin = process.outputWriter(StandardCharsets.UTF_8);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                  stdout.add(line);
                }
              } catch (IOException ended) {
                // The process is gone; whoever awaits a line will say so.
              }
            },
            "log-writer-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  static LogWriter start(String script, Path log, String... more) throws IOException {
    List<String> command =
        new java.util.ArrayList<>(List.of("bash", "-c", script, "log-writer", log.toString()));
    command.addAll(List.of(more));
    return new LogWriter(
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
  }

  void send(String line) throws IOException {
    stdin.write(line + "\n");
    stdin.flush();
  }

  void awaitOutput(String line) throws InterruptedException {
    String next = stdout.poll(10, TimeUnit.SECONDS);
    if (!line.equals(next)) {
      throw new AssertionError("the writer printed " + next + ", not " + line);
    }
  }

  void hangUp() throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-HUP", String.valueOf(process.pid())).start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -HUP " + process.pid() + " failed");
    }
  }

  /** Closes stdin and waits for the process to end by itself. */
  int finish() throws IOException, InterruptedException {
    stdin.close();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new AssertionError("the writer did not end within 10 s of its stdin closing");
    }
    return process.exitValue();
  }

  int awaitExit() throws InterruptedException {
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new AssertionError("the writer did not end within 10 s");
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
