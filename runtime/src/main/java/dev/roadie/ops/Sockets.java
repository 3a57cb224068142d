package dev.roadie.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TCP and UDP sockets from /proc/net/tcp, tcp6, udp and udp6, with the process that holds each
 * where it can be found.
 */
final class Sockets {
  private static final String LISTEN = "0A";
  private static final String ESTABLISHED = "01";

  /** A UDP socket not connected to one peer: bound, and so receiving from anyone. */
  private static final String UNCONNECTED = "07";

  private Sockets() {}

  static List<Socket> listening() {
    return read(List.of("tcp", "tcp6"), LISTEN);
  }

  static List<Socket> established() {
    return read(List.of("tcp", "tcp6"), ESTABLISHED);
  }

  /** UDP sockets that receive from any peer: a UDP server's, or a client's before it connects. */
  static List<Socket> udpBound() {
    return read(List.of("udp", "udp6"), UNCONNECTED);
  }

  private static List<Socket> read(List<String> tables, String wanted) {
    List<String[]> rows = new ArrayList<>();
    for (String table : tables) {
      Path file = Proc.ROOT.resolve("net").resolve(table);
      List<String> lines;
      try {
        lines = Files.readAllLines(file);
      } catch (IOException e) {
        continue; // no IPv6 on this machine
      }
      for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length > 9 && fields[3].equals(wanted)) {
          rows.add(fields);
        }
      }
    }
    Map<Long, Long> owners = rows.isEmpty() ? Map.of() : owners();
    List<Socket> sockets = new ArrayList<>();
    for (String[] row : rows) {
      String[] local = row[1].split(":");
      String[] remote = row[2].split(":");
      long inode = Long.parseLong(row[9]);
      Long pid = owners.get(inode);
      sockets.add(
          new Socket(
              address(local[0]),
              Integer.parseInt(local[1], 16),
              address(remote[0]),
              Integer.parseInt(remote[1], 16),
              pid,
              pid == null ? null : Proc.stat(pid).map(Proc.Stat::comm).orElse(null)));
    }
    return sockets;
  }

  /**
   * Socket inode to the pid holding it, from /proc/PID/fd; processes we may not read are skipped.
   */
  private static Map<Long, Long> owners() {
    Map<Long, Long> owners = new HashMap<>();
    for (long pid : Proc.pids()) {
      try (var fds = Files.list(Proc.ROOT.resolve(Long.toString(pid)).resolve("fd"))) {
        fds.forEach(
            fd -> {
              try {
                String target = Files.readSymbolicLink(fd).toString();
                if (target.startsWith("socket:[")) {
                  owners.putIfAbsent(Long.parseLong(target.substring(8, target.length() - 1)), pid);
                }
              } catch (IOException | RuntimeException gone) {
                // closed meanwhile
              }
            });
      } catch (IOException | SecurityException e) {
        // ended, or not ours to read
      }
    }
    return owners;
  }

  /** /proc/net's hex: IPv4 as one little-endian word, IPv6 as four. */
  static String address(String hex) {
    if (hex.length() == 8) {
      long value = Long.parseLong(hex, 16);
      return (value & 0xff)
          + "."
          + (value >> 8 & 0xff)
          + "."
          + (value >> 16 & 0xff)
          + "."
          + (value >> 24 & 0xff);
    }
    byte[] bytes = new byte[16];
    for (int word = 0; word < 4; word++) {
      long value = Long.parseLong(hex.substring(word * 8, word * 8 + 8), 16);
      for (int b = 0; b < 4; b++) {
        bytes[word * 4 + b] = (byte) (value >> (8 * b));
      }
    }
    try {
      String text = java.net.InetAddress.getByAddress(bytes).getHostAddress();
      return text.startsWith("0:0:0:0:0:ffff:") || text.startsWith("::ffff:")
          ? text.substring(text.lastIndexOf(':') + 1)
          : text;
    } catch (java.net.UnknownHostException e) {
      return hex;
    }
  }

  /**
   * One TCP or UDP socket.
   *
   * @param pid the process holding it, or null when it cannot be told
   */
  public record Socket(
      String localAddress,
      int localPort,
      String remoteAddress,
      int remotePort,
      Long pid,
      String process) {
    @Override
    public String toString() {
      return localAddress
          + ":"
          + localPort
          + (remotePort == 0 ? "" : " -> " + remoteAddress + ":" + remotePort)
          + (pid == null ? "" : " (" + process + " " + pid + ")");
    }
  }
}
