package dev.roadie.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This node's host name, without a DNS lookup (which can stall a short run for seconds). */
public final class Hosts {
  private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

  private Hosts() {}

  public static String name() {
    String fromEnv = System.getenv("HOSTNAME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    try {
      return Files.readString(KERNEL_HOSTNAME).strip();
    } catch (IOException | UnsupportedOperationException e) {
      return "localhost";
    }
  }
}
