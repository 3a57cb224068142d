package dev.roadie.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Processes by pid or name, from /proc, with CPU use sampled over a short interval. */
final class Processes {
  static final Duration SAMPLE = Duration.ofMillis(200);
  private static final long PAGE = 4096;

  private Processes() {}

  /**
   * @param pidOrName a pid (number or digits), or a name matched against the process name and the
   *     program's file name
   */
  static List<ProcessInfo> find(Object pidOrName) {
    String text = String.valueOf(pidOrName).trim();
    if (pidOrName instanceof Number
        || text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
      long pid = Long.parseLong(text);
      return sample(List.of(pid));
    }
    List<Long> matching = new ArrayList<>();
    for (long pid : Proc.pids()) {
      Optional<Proc.Stat> stat = Proc.stat(pid);
      if (stat.isEmpty()) {
        continue;
      }
      String program = Proc.cmdline(pid).split(" ")[0];
      String base = program.substring(program.lastIndexOf('/') + 1);
      if (stat.get().comm().equals(text) || base.equals(text)) {
        matching.add(pid);
      }
    }
    return sample(matching);
  }

  static ProcessInfo one(Object pidOrName) {
    List<ProcessInfo> found = find(pidOrName);
    if (found.isEmpty()) {
      String text = String.valueOf(pidOrName).trim();
      boolean pid = pidOrName instanceof Number || text.chars().allMatch(Character::isDigit);
      throw new OpsException(
          pid
              ? "no process " + text + ": it has exited, or never was"
              : "no process named '" + text + "' is running");
    }
    // The oldest: a service's main process, not the workers it forked.
    return found.stream().min(Comparator.comparing(ProcessInfo::started)).orElseThrow();
  }

  /** Reads each process twice, {@link #SAMPLE} apart, for its CPU use; gone ones are left out. */
  static List<ProcessInfo> sample(List<Long> pids) {
    List<Proc.Stat> before = pids.stream().map(Proc::stat).flatMap(Optional::stream).toList();
    if (before.isEmpty()) {
      return List.of();
    }
    long started = System.nanoTime();
    Readiness.sleep(SAMPLE);
    double seconds = (System.nanoTime() - started) / 1e9;
    List<ProcessInfo> infos = new ArrayList<>();
    for (Proc.Stat first : before) {
      Optional<Proc.Stat> second =
          Proc.stat(first.pid()).filter(s -> s.startTicks() == first.startTicks());
      if (second.isEmpty()) {
        continue;
      }
      Proc.Stat now = second.get();
      long ticks = now.utime() + now.stime() - first.utime() - first.stime();
      double cpu = Math.round(ticks * 1000.0 / Proc.TICKS / seconds) / 10.0;
      infos.add(
          new ProcessInfo(
              now.pid(),
              now.comm(),
              Proc.cmdline(now.pid()),
              String.valueOf(now.state()),
              cpu,
              now.rssPages() * PAGE,
              now.threads(),
              openFiles(now.pid()),
              Proc.started(now)));
    }
    return infos;
  }

  private static int openFiles(long pid) {
    Path fds = Proc.ROOT.resolve(Long.toString(pid)).resolve("fd");
    try (var entries = Files.list(fds)) {
      return (int) entries.count();
    } catch (IOException | SecurityException e) {
      return -1;
    }
  }
}
