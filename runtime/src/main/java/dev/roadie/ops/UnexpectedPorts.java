package dev.roadie.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code ports} check: TCP sockets listening and UDP sockets bound on this machine whose port
 * is not among the expected ones, each with the process holding it where {@code /proc/PID/fd} shows
 * it (all of them as root; only our own otherwise).
 */
final class UnexpectedPorts {
  static final String CHECK = "ports";

  private UnexpectedPorts() {}

  static List<AuditFinding> against(Set<Integer> expected) {
    Map<String, AuditFinding> found = new LinkedHashMap<>();
    Set<Integer> open = new TreeSet<>();
    collect("tcp", Sockets.listening(), expected, found, open);
    collect("udp", Sockets.udpBound(), expected, found, open);
    List<AuditFinding> findings = new ArrayList<>(found.values());
    for (int port : new TreeSet<>(expected)) {
      if (!open.contains(port)) {
        findings.add(
            AuditFinding.info(
                CHECK, "expected port " + port + " has nothing listening on it", "port " + port));
      }
    }
    return findings;
  }

  private static void collect(
      String protocol,
      List<Sockets.Socket> sockets,
      Set<Integer> expected,
      Map<String, AuditFinding> found,
      Set<Integer> open) {
    for (Sockets.Socket socket : sockets) {
      open.add(socket.localPort());
      if (expected.contains(socket.localPort())) {
        continue;
      }
      String where = protocol + " " + endpoint(socket.localAddress(), socket.localPort());
      boolean local =
          socket.localAddress().startsWith("127.") || socket.localAddress().equals("::1");
      String owner =
          socket.pid() == null
              ? "owner unknown (run the audit as root to see every process's sockets)"
              : socket.process()
                  + " (pid "
                  + socket.pid()
                  + ": "
                  + Proc.cmdline(socket.pid())
                  + ")";
      found.putIfAbsent(
          where,
          new AuditFinding(
              local ? AuditFinding.Level.LOW : AuditFinding.Level.MEDIUM,
              CHECK,
              where
                  + (protocol.equals("tcp") ? " is listening" : " is open")
                  + (local ? " on loopback" : "")
                  + " and not expected; held by "
                  + owner,
              where,
              (socket.pid() == null ? "find its process (ss -lntup)" : "stop " + socket.process())
                  + " if it should not listen, or add "
                  + socket.localPort()
                  + " to ports:"));
    }
  }

  private static String endpoint(String address, int port) {
    return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
  }
}
