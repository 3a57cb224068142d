package dev.roadie.cli;

import dev.roadie.sim.AudioDeck;
import dev.roadie.sim.CannotListenException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code roadie sim audiodeck}: the simulated audio server, for the demo and the tests. */
@Command(
    name = "audiodeck",
    mixinStandardHelpOptions = true,
    description = {
      "A simulated AudioDeck audio server on loopback: /health, /api/status,"
          + " /api/system/performance, /api/system/memory, POST /api/audio/test.",
      "Faults: unhealthy, slow, errors, crash (exits with status 70), leak (memory growth);"
          + " switched at start with --fault, or while it runs with POST or DELETE"
          + " /sim/fault/NAME.",
    })
final class SimAudioDeckCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand SimCommand sim;

  @Option(
      names = "--port",
      paramLabel = "P",
      description = "The port to listen on; 0 for any free one (default ${DEFAULT-VALUE}).",
      defaultValue = "8080")
  int port;

  @Option(
      names = "--listeners",
      paramLabel = "N",
      description = "Listen on N ports, from P up (or N free ones with --port 0).",
      defaultValue = "1")
  int listeners;

  @Option(names = "--fault", paramLabel = "NAME", description = "A fault to start with.")
  List<String> faults = new ArrayList<>();

  @Option(
      names = "--slow-ms",
      paramLabel = "MS",
      description = "The delay of the slow fault (default ${DEFAULT-VALUE}).",
      defaultValue = "1500")
  long slowMillis;

  @Option(
      names = "--name",
      description = "The name it gives itself (default ${DEFAULT-VALUE}).",
      defaultValue = "audiodeck")
  String name;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Cli cli = sim.root.cli;
    if (port < 0 || port > 65535 || listeners < 1 || listeners > 1000) {
      throw new UsageException("--port is 0 to 65535 and --listeners 1 to 1000");
    }
    Set<AudioDeck.Fault> chosen = new java.util.HashSet<>();
    for (String fault : faults) {
      try {
        chosen.add(AudioDeck.Fault.parse(fault));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    AudioDeck.Options options =
        new AudioDeck.Options(name, port, listeners, chosen, slowMillis, 256, "1.4.2");
    AudioDeck deck;
    try {
      deck = AudioDeck.start(options, cli.out(), status -> Runtime.getRuntime().halt(status));
    } catch (CannotListenException e) {
      throw new UsageException(e.getMessage() + "; try --port 0");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  deck.close();
                  cli.out().flush();
                  stopped.countDown();
                },
                "audiodeck-stop"));
    stopped.await();
    return ExitCodes.OK;
  }
}
