package dev.roadie.ops;

import java.util.Locale;
import java.util.Map;

/**
 * The file system a path is on.
 *
 * @param free what an unprivileged process can still write
 */
public record DiskInfo(String path, long size, long free) {
  public long getUsed() {
    return size - free;
  }

  public double getFreePercent() {
    return size == 0 ? 0 : Math.round(free * 1000.0 / size) / 10.0;
  }

  public double getFreeGb() {
    return free / (1024.0 * 1024 * 1024);
  }

  /** {@code ops.disk('/var').requireFree(percent: 10)}: fails when less is free. */
  public DiskInfo requireFree(Map<String, ?> options) {
    Args args = Args.of("requireFree", options, "percent");
    if (!args.has("percent")) {
      throw new OpsException("requireFree needs percent:, as in requireFree(percent: 10)");
    }
    double percent = args.number("percent", 0);
    if (getFreePercent() < percent) {
      throw new OpsException(
          String.format(
              Locale.ROOT,
              "%s: only %.1f%% free (%.1f GB of %.1f GB); at least %s%% must be",
              path,
              getFreePercent(),
              getFreeGb(),
              size / (1024.0 * 1024 * 1024),
              percent % 1 == 0 ? Long.toString((long) percent) : Double.toString(percent)));
    }
    return this;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "%s: %.1f%% free (%.1f GB)", path, getFreePercent(), getFreeGb());
  }
}
