package dev.roadie.cli;

import dev.roadie.config.Durations;
import dev.roadie.sim.CannotListenException;
import dev.roadie.sim.SimulatedSpeaker;
import dev.roadie.sim.SpeakerSimulator;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description =
        "Runs simulated devices and servers of the estate on this machine, for trying playbooks"
            + " without hardware.",
    subcommands = {
      SimCommand.Speakers.class,
      SimAudioDeckCommand.class,
      SimSynthServiceCommand.class
    })
final class SimCommand implements Callable<Integer> {
  @ParentCommand RoadieCommand root;

  @Spec CommandSpec spec;

  /** {@code roadie sim} alone is bad usage: the usage goes to stderr and it exits 2. */
  @Override
  public Integer call() {
    return Usage.missingSubcommand(spec, root.cli.err());
  }

  @Command(
      name = "speakers",
      mixinStandardHelpOptions = true,
      description = {
        "Simulated Bose SoundTouch speakers on loopback, one port each, answering the local Web"
            + " API as real devices do, with a notification WebSocket each (on --base-port +"
            + " --count + i), until Ctrl-C.",
        "Point roadie at them with the DEVICE_HOSTS line it prints."
      })
  static final class Speakers implements Callable<Integer> {
    @ParentCommand SimCommand sim;

    @Option(
        names = "--count",
        paramLabel = "N",
        defaultValue = "3",
        description = "How many devices (default ${DEFAULT-VALUE}).")
    int count;

    @Option(
        names = "--base-port",
        paramLabel = "P",
        defaultValue = "18090",
        description = "The first device's port; the others follow (default ${DEFAULT-VALUE}).")
    int basePort;

    @Option(
        names = "--host",
        defaultValue = "127.0.0.1",
        description = "The loopback address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(
        names = "--latency",
        paramLabel = "DURATION",
        defaultValue = "0ms",
        description = "Added to every answer, e.g. 50ms (default ${DEFAULT-VALUE}).")
    String latency;

    @Option(
        names = "--no-notifications",
        description =
            "No notification WebSockets: they take two threads per device, which a large"
                + " simulated fleet that only answers the Web API does not need.")
    boolean noNotifications;

    @Option(
        names = "--announce",
        description =
            "Announce the devices over mDNS (_soundtouch._tcp), as real ones do, for"
                + " speakers.discover(); on loopback, so only where loopback carries multicast.")
    boolean announce;

    @Option(
        names = "--for",
        paramLabel = "DURATION",
        description = "Stop after this long instead of waiting for Ctrl-C.")
    String duration;

    @Override
    public Integer call() throws Exception {
      Cli cli = sim.root.cli;
      if (count < 1 || count > 5000) {
        throw new UsageException("--count must be 1 to 5000, not " + count);
      }
      if (!host.startsWith("127.") && !host.equals("localhost") && !host.equals("::1")) {
        throw new UsageException(
            "--host must be a loopback address (127.x.x.x): the simulator is for this machine");
      }
      Duration delay = parse("--latency", latency);
      Duration runFor = duration == null ? null : parse("--for", duration);
      try (SpeakerSimulator speakers = start(count, host, basePort, !noNotifications)) {
        speakers.latency(delay);
        if (announce) {
          try {
            speakers.announce(java.net.InetAddress.getByName(host));
          } catch (RuntimeException e) {
            throw new UsageException(
                "--announce: cannot announce on " + host + ": " + e.getMessage());
          }
          cli.out().println("announced over mDNS as _soundtouch._tcp on " + host);
        }
        int shown = Math.min(count, 20);
        for (SimulatedSpeaker device : speakers.devices().subList(0, shown)) {
          cli.out().printf("%-16s %-22s %s%n", device.name(), device.address(), device.deviceId());
        }
        if (count > shown) {
          cli.out().println("... and " + (count - shown) + " more");
        }
        cli.out().println("DEVICE_HOSTS=" + speakers.hosts());
        if (!noNotifications) {
          printDevices(cli, speakers.devices().subList(0, shown), count - shown);
        }
        cli.out().println(count + " simulated speakers running; Ctrl-C stops them");
        cli.out().flush();
        if (runFor == null) {
          Thread.sleep(Long.MAX_VALUE);
        } else {
          Thread.sleep(runFor.toMillis());
        }
      }
      return ExitCodes.OK;
    }

    /** Starts them, or says which port was taken and how to get free ones. */
    private static SpeakerSimulator start(
        int count, String host, int basePort, boolean notifications) {
      try {
        return SpeakerSimulator.start(count, host, basePort, notifications);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--base-port: " + e.getMessage());
      } catch (CannotListenException e) {
        int last = basePort + (notifications ? 2 * count : count) - 1;
        throw new UsageException(
            e.getMessage()
                + (basePort == 0 ? "" : "; the devices take ports " + basePort + ".." + last)
                + ": try another --base-port, or --base-port 0 for free ones");
      }
    }

    /** The config block that names the devices with their WebSocket ports, for onUpdate. */
    private static void printDevices(Cli cli, java.util.List<SimulatedSpeaker> devices, int more) {
      cli.out().println("or, with notifications (onUpdate), in a config file:");
      cli.out().println("speakers:");
      cli.out().println("  devices:");
      for (SimulatedSpeaker device : devices) {
        cli.out()
            .printf(
                "    %s: {host: '%s', websocket: %d}%n",
                device.name().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
                device.address(),
                device.updatePort());
      }
      if (more > 0) {
        cli.out().println("    # ... and " + more + " more");
      }
    }

    private static Duration parse(String option, String text) {
      try {
        return Durations.parse(text);
      } catch (RuntimeException e) {
        throw new UsageException(option + ": " + e.getMessage());
      }
    }
  }
}
