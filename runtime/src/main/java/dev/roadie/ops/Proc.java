package dev.roadie.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads processes from {@code /proc}. A process can end between two reads; every method answers
 * empty then, never a half-read value.
 */
final class Proc {
  static final Path ROOT = Path.of("/proc");

  /** {@code /proc/PID/stat}, split after the command name (which may hold spaces). */
  record Stat(
      long pid,
      String comm,
      char state,
      long ppid,
      long utime,
      long stime,
      long threads,
      long startTicks,
      long rssPages) {}

  private Proc() {}

  static Optional<Stat> stat(long pid) {
    try {
      String text = Files.readString(ROOT.resolve(Long.toString(pid)).resolve("stat"));
      int open = text.indexOf('(');
      int close = text.lastIndexOf(')');
      String[] rest = text.substring(close + 2).trim().split("\\s+");
      // Fields after the name, numbered as in proc(5) minus 3: state is 3, ppid 4, utime 14,
      // stime 15, num_threads 20, starttime 22, rss 24.
      return Optional.of(
          new Stat(
              pid,
              text.substring(open + 1, close),
              rest[0].charAt(0),
              Long.parseLong(rest[1]),
              Long.parseLong(rest[11]),
              Long.parseLong(rest[12]),
              Long.parseLong(rest[17]),
              Long.parseLong(rest[19]),
              Long.parseLong(rest[21])));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Running (not ended, not a zombie) and, when {@code startTicks} is given, the same process. */
  static boolean alive(long pid, long startTicks) {
    return stat(pid)
        .filter(s -> s.state() != 'Z' && s.state() != 'X')
        .filter(s -> startTicks <= 0 || s.startTicks() == startTicks)
        .isPresent();
  }

  /** Every pid in /proc now. */
  static List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    try (var entries = Files.list(ROOT)) {
      entries.forEach(
          entry -> {
            String name = entry.getFileName().toString();
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
              pids.add(Long.parseLong(name));
            }
          });
    } catch (IOException e) {
      throw new OpsException("cannot list processes in /proc: " + e.getMessage());
    }
    return pids;
  }

  /** The command line, arguments joined by spaces; the name in brackets for kernel threads. */
  static String cmdline(long pid) {
    try {
      byte[] bytes = Files.readAllBytes(ROOT.resolve(Long.toString(pid)).resolve("cmdline"));
      String text =
          new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ').strip();
      return text.isEmpty() ? stat(pid).map(s -> "[" + s.comm() + "]").orElse("") : text;
    } catch (IOException e) {
      return "";
    }
  }

  /** The pid and all its descendants, parents first. */
  static List<Long> tree(long root) {
    List<Stat> all = pids().stream().map(Proc::stat).flatMap(Optional::stream).toList();
    List<Long> tree = new ArrayList<>();
    tree.add(root);
    for (int i = 0; i < tree.size(); i++) {
      long parent = tree.get(i);
      all.stream().filter(s -> s.ppid() == parent).forEach(s -> tree.add(s.pid()));
    }
    return tree;
  }

  /** Clock ticks per second of the times in stat; 100 on every Linux roadie runs on. */
  static final long TICKS = 100;

  static double uptimeSeconds() {
    try {
      return Double.parseDouble(Files.readString(ROOT.resolve("uptime")).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      throw new OpsException("cannot read /proc/uptime: " + e.getMessage());
    }
  }

  /** When the process started, from its start ticks and the machine's uptime. */
  static Instant started(Stat stat) {
    double ageSeconds = uptimeSeconds() - (double) stat.startTicks() / TICKS;
    return Instant.now().minus(Duration.ofMillis((long) (ageSeconds * 1000)));
  }
}
