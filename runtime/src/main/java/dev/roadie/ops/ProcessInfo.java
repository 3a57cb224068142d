package dev.roadie.ops;

import java.time.Duration;
import java.time.Instant;

/**
 * One process as {@code /proc} shows it.
 *
 * @param cpuPercent CPU use over a short sample, in percent of one core (200 is two cores busy)
 * @param rssBytes resident memory
 * @param openFiles open file descriptors; -1 when they cannot be read
 */
public record ProcessInfo(
    long pid,
    String name,
    String cmdline,
    String state,
    double cpuPercent,
    long rssBytes,
    long threads,
    int openFiles,
    Instant started) {

  public Duration getUptime() {
    return Duration.between(started, Instant.now());
  }

  public double getRssMb() {
    return rssBytes / (1024.0 * 1024.0);
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "%d %s %s cpu %.1f%% rss %.1f MB threads %d files %d",
        pid,
        name,
        state,
        cpuPercent,
        getRssMb(),
        threads,
        openFiles);
  }
}
