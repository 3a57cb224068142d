package dev.roadie.sox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The process's open-file and process limits (from {@code /proc/self/limits}), and whether a pool
 * of a given size fits under them. Each running sox holds three pipe ends in the JVM and is one
 * process of the user, besides the threads that pump its pipes.
 *
 * @param openFiles the soft limit on open files, if known
 * @param processes the soft limit on processes (and threads) of the user, if known
 * @param openNow descriptors the JVM has open now
 */
record ProcessLimits(OptionalLong openFiles, OptionalLong processes, long openNow) {
  static final int FILES_PER_WORKER = 4;
  static final int HEADROOM = 64;

  static ProcessLimits read() {
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of("/proc/self/limits"));
    } catch (IOException | UnsupportedOperationException e) {
      lines = List.of();
    }
    long open;
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      open = fds.count();
    } catch (IOException | UnsupportedOperationException e) {
      open = 0;
    }
    return new ProcessLimits(soft(lines, "Max open files"), soft(lines, "Max processes"), open);
  }

  /** What is wrong with running {@code maxWorkers} sox processes at once here, and the fix. */
  Optional<String> problemFor(int maxWorkers) {
    long filesNeeded = openNow + HEADROOM + (long) FILES_PER_WORKER * maxWorkers;
    if (openFiles.isPresent() && filesNeeded > openFiles.getAsLong()) {
      return Optional.of(
          "sox.max_workers "
              + maxWorkers
              + " needs about "
              + filesNeeded
              + " open files ("
              + FILES_PER_WORKER
              + " per worker, "
              + openNow
              + " open now, "
              + HEADROOM
              + " spare) but this process may open "
              + openFiles.getAsLong()
              + "; raise the limit (ulimit -n 65536, or LimitNOFILE=65536 in the systemd unit) or"
              + " lower sox.max_workers to "
              + Math.max(1, (openFiles.getAsLong() - openNow - HEADROOM) / FILES_PER_WORKER));
    }
    long processesNeeded = 3L * maxWorkers + HEADROOM;
    if (processes.isPresent() && processesNeeded > processes.getAsLong()) {
      return Optional.of(
          "sox.max_workers "
              + maxWorkers
              + " needs about "
              + processesNeeded
              + " processes and threads but the limit is "
              + processes.getAsLong()
              + "; raise it (ulimit -u 4096, or LimitNPROC=4096 in the systemd unit) or lower"
              + " sox.max_workers");
    }
    return Optional.empty();
  }

  private static OptionalLong soft(List<String> lines, String name) {
    for (String line : lines) {
      if (line.startsWith(name)) {
        String[] fields = line.substring(name.length()).trim().split("\\s+");
        if (fields.length > 0 && fields[0].matches("\\d+")) {
          return OptionalLong.of(Long.parseLong(fields[0]));
        }
        return OptionalLong.empty();
      }
    }
    return OptionalLong.empty();
  }
}
