package dev.roadie.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether a given process listens on a TCP port, from Linux's /proc: its open socket inodes,
 * matched against the listening sockets of its network namespace. Connecting is not enough to know:
 * another process may hold the port.
 */
final class ListeningSockets {
  private static final String LISTEN = "0A";

  private ListeningSockets() {}

  static boolean listens(long pid, int port) {
    Set<String> inodes = socketInodes(pid);
    if (inodes.isEmpty()) return false;
    String hexPort = String.format(Locale.ROOT, ":%04X", port);
    for (String table : List.of("tcp", "tcp6")) {
      try (Stream<String> lines = Files.lines(Path.of("/proc", pid + "", "net", table))) {
        boolean found =
            lines
                .skip(1)
                .map(String::trim)
                .map(line -> line.split("\\s+"))
                .anyMatch(
                    f ->
                        f.length > 9
                            && f[1].endsWith(hexPort)
                            && f[3].equals(LISTEN)
                            && inodes.contains(f[9]));
        if (found) return true;
      } catch (IOException | UncheckedIOException e) {
        // the process ended, or the table is not there (no IPv6): look at the next one
      }
    }
    return false;
  }

  private static Set<String> socketInodes(long pid) {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", pid + "", "fd"))) {
      fds.forEach(
          fd -> {
            try {
              String target = Files.readSymbolicLink(fd).toString();
              if (target.startsWith("socket:[")) {
                inodes.add(target.substring(8, target.length() - 1));
              }
            } catch (IOException e) {
              // closed while listing
            }
          });
    } catch (IOException | UncheckedIOException e) {
      // the process ended
    }
    return inodes;
  }
}
