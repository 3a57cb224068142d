package dev.roadie.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ops.host}: this machine's load, memory and TCP sockets, read from {@code /proc} each time
 * a property is read (not parsed from netstat or free).
 */
public final class Host {
  /**
   * Memory in bytes, from /proc/meminfo.
   *
   * @param available what can be had without swapping ({@code MemAvailable})
   */
  public record Memory(long total, long available, long swapTotal, long swapFree) {
    public double getUsedPercent() {
      return total == 0 ? 0 : Math.round((total - available) * 1000.0 / total) / 10.0;
    }

    public double getAvailableMb() {
      return available / (1024.0 * 1024.0);
    }

    @Override
    public String toString() {
      return String.format(
          java.util.Locale.ROOT,
          "memory %.0f MB available of %.0f MB (%.1f%% used)",
          getAvailableMb(),
          total / (1024.0 * 1024.0),
          getUsedPercent());
    }
  }

  Host() {}

  /** The 1, 5 and 15 minute load averages. */
  public List<Double> getLoad() {
    String[] fields = read("loadavg").trim().split("\\s+");
    return List.of(
        Double.parseDouble(fields[0]),
        Double.parseDouble(fields[1]),
        Double.parseDouble(fields[2]));
  }

  public int getCpus() {
    return Runtime.getRuntime().availableProcessors();
  }

  public Memory getMemory() {
    Map<String, Long> kb = new HashMap<>();
    for (String line : read("meminfo").split("\n")) {
      String[] parts = line.split(":\\s*");
      if (parts.length == 2) {
        kb.put(parts[0], Long.parseLong(parts[1].replace(" kB", "").trim()));
      }
    }
    return new Memory(
        kb.getOrDefault("MemTotal", 0L) * 1024,
        kb.getOrDefault("MemAvailable", kb.getOrDefault("MemFree", 0L)) * 1024,
        kb.getOrDefault("SwapTotal", 0L) * 1024,
        kb.getOrDefault("SwapFree", 0L) * 1024);
  }

  /** Seconds since boot. */
  public double getUptime() {
    return Proc.uptimeSeconds();
  }

  /** TCP sockets listening, with the process holding each where it can be told. */
  public List<Sockets.Socket> getListening() {
    return Sockets.listening();
  }

  /** Whether anything listens on TCP {@code port}. */
  public boolean listens(int port) {
    return getListening().stream().anyMatch(s -> s.localPort() == port);
  }

  /** Established TCP connections. */
  public List<Sockets.Socket> getConnections() {
    return Sockets.established();
  }

  private static String read(String name) {
    try {
      return Files.readString(Proc.ROOT.resolve(name));
    } catch (IOException e) {
      throw new OpsException("cannot read /proc/" + name + ": " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "host load " + getLoad() + ", " + getMemory();
  }
}
