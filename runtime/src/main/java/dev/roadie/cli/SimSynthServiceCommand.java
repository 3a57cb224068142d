package dev.roadie.cli;

import dev.roadie.config.Durations;
import dev.roadie.sim.SynthServiceSim;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code roadie sim synth-service}: the simulated synth service, for the demo and trying checks.
 */
@Command(
    name = "synth-service",
    mixinStandardHelpOptions = true,
    description = {
      "A simulated synth service on loopback: /health, /health/detailed and /metrics (Prometheus"
          + " text), until Ctrl-C.",
      "Point synth.service.url at the url it prints. The readings and faults are set at start."
    })
final class SimSynthServiceCommand implements Callable<Integer> {
  @ParentCommand SimCommand sim;

  @Option(
      names = "--port",
      paramLabel = "P",
      defaultValue = "8080",
      description = "The port to listen on; 0 for any free one (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--latency-ms",
      paramLabel = "MS",
      defaultValue = "8.5",
      description = "The audio latency it reports (default ${DEFAULT-VALUE}).")
  double latencyMs;

  @Option(
      names = "--cpu",
      paramLabel = "PERCENT",
      defaultValue = "23",
      description = "The CPU use it reports (default ${DEFAULT-VALUE}).")
  double cpuPercent;

  @Option(
      names = "--memory",
      paramLabel = "PERCENT",
      defaultValue = "41",
      description = "The memory use it reports (default ${DEFAULT-VALUE}).")
  double memoryPercent;

  @Option(
      names = "--delay",
      paramLabel = "DURATION",
      defaultValue = "0ms",
      description = "Added before every answer, e.g. 2s (default ${DEFAULT-VALUE}).")
  String delay;

  @Option(
      names = "--fail-status",
      paramLabel = "STATUS",
      description = "Answer every request with this HTTP status, e.g. 500.")
  Integer failStatus;

  @Option(names = "--malformed-metrics", description = "Serve /metrics that do not parse.")
  boolean malformedMetrics;

  @Override
  public Integer call() throws InterruptedException {
    Cli cli = sim.root.cli;
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be 0 to 65535, not " + port);
    }
    if (failStatus != null && (failStatus < 100 || failStatus > 599)) {
      throw new UsageException(
          "--fail-status must be an HTTP status, 100 to 599, not " + failStatus);
    }
    java.time.Duration wait;
    try {
      wait = Durations.parse(delay);
    } catch (RuntimeException e) {
      throw new UsageException("--delay: " + e.getMessage());
    }
    SynthServiceSim service;
    try {
      service = SynthServiceSim.start(port);
    } catch (java.io.UncheckedIOException e) {
      throw new UsageException(
          "cannot listen on 127.0.0.1:"
              + port
              + " ("
              + e.getCause().getMessage()
              + "); try --port 0");
    }
    service
        .readings(latencyMs, cpuPercent, memoryPercent)
        .delay(wait)
        .malformedMetrics(malformedMetrics);
    if (failStatus != null) {
      service.failWith(failStatus);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.close();
                  stopped.countDown();
                },
                "synth-service-stop"));
    cli.out().println("synth service running at " + service.url() + "; Ctrl-C stops it");
    cli.out().flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
