package dev.roadie.sim;

import dev.roadie.config.RoadieConfig.SpeakersConfig;
import dev.roadie.run.RunContext;
import dev.roadie.speaker.FleetResult;
import dev.roadie.speaker.Health;
import dev.roadie.speaker.Inventory;
import dev.roadie.speaker.Speaker;
import dev.roadie.speaker.SpeakerClient;
import dev.roadie.speaker.Speakers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The speaker API's figures (scripts/bench/speakers): {@code speakers.health()} and a fleet backup
 * over N simulated devices with added latency, against the ideal ceil(N/concurrency) x latency x
 * requests-per-device, and against a sequential loop, with heap use after each phase.
 */
public final class SpeakerBench {
  private SpeakerBench() {}

  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(env("BENCH_DEVICES", "1000"));
    int concurrency = Integer.parseInt(env("BENCH_CONCURRENCY", "64"));
    long latency = Long.parseLong(env("BENCH_LATENCY_MS", "50"));
    int sequentialBackupDevices = Integer.parseInt(env("BENCH_SEQUENTIAL_BACKUP_DEVICES", "100"));
    System.out.printf(
        Locale.ROOT,
        "devices %d, latency %d ms, concurrency %d, cores %d%n",
        count,
        latency,
        concurrency,
        Runtime.getRuntime().availableProcessors());
    try (SpeakerSimulator sim = SpeakerSimulator.start(count, "127.0.0.1", 0, false)) {
      sim.latency(Duration.ofMillis(latency));
      List<String> hosts = new ArrayList<>();
      sim.devices().forEach(d -> hosts.add(d.address()));
      SpeakersConfig config =
          new SpeakersConfig(hosts, Duration.ofSeconds(10), 0, concurrency, Map.of());
      Speakers speakers =
          new Speakers(new SpeakerClient(config), Inventory.from(config), new ReadOnlyRun());
      Path dir = Files.createTempDirectory("roadie-bench-backup");
      memory("after start");

      // Warm-up: JIT, connections, name cache; not measured.
      speakers.health();
      speakers.backup(dir);
      memory("after warm-up");

      double ideal = Math.ceil(count / (double) concurrency) * latency / 1000.0;
      long start = System.nanoTime();
      Health health = speakers.health();
      double healthSeconds = seconds(start);
      check(health.isOk(), "health: " + health);
      memory("after health");

      start = System.nanoTime();
      Path backup = speakers.backup(dir);
      double backupSeconds = seconds(start);
      memory("after backup (" + Files.size(backup) / 1024 + " KB file)");
      int requestsPerBackup = 6;
      double idealBackup = ideal * requestsPerBackup;

      start = System.nanoTime();
      for (Speaker speaker : speakers.all()) {
        speaker.ping();
      }
      double sequentialHealth = seconds(start);
      // A sequential backup of every device would take minutes: time a sample and scale it up.
      List<Speaker> sample =
          speakers.all().getSpeakers().subList(0, Math.min(sequentialBackupDevices, count));
      start = System.nanoTime();
      for (Speaker speaker : sample) {
        FleetResult one = new SingleFleet(speaker).backupRead();
        check(one.isAllOk(), one.toString());
      }
      double sequentialBackup = seconds(start) * count / sample.size();
      memory("after sequential loops");

      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "%-34s %9s %9s %9s %8s %8s%n",
          "operation",
          "measured",
          "ideal",
          "sequent.",
          "/ideal",
          "seq/meas");
      row("health (1 GET /info each)", healthSeconds, ideal, sequentialHealth);
      row(
          "backup (" + requestsPerBackup + " GETs each)",
          backupSeconds,
          idealBackup,
          sequentialBackup);
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "ideal = ceil(%d/%d) x %d ms x requests per device; target: measured/ideal <= 1.2%n",
          count,
          concurrency,
          latency);
      System.out.printf(
          Locale.ROOT, "sequential health: all %d devices pinged one after the other;%n", count);
      System.out.printf(
          Locale.ROOT,
          "sequential backup: %d devices one after the other, scaled to %d%n",
          sample.size(),
          count);
      System.out.println(
          "health "
              + verdict(healthSeconds / ideal)
              + ", backup "
              + verdict(backupSeconds / idealBackup));
    }
  }

  private static String verdict(double ratio) {
    return ratio <= 1.2 ? "MET" : "MISS";
  }

  private static void row(String name, double measured, double ideal, double sequential) {
    System.out.printf(
        Locale.ROOT,
        "%-34s %8.2fs %8.2fs %8.2fs %7.2fx %7.1fx%n",
        name,
        measured,
        ideal,
        sequential,
        measured / ideal,
        sequential / measured);
  }

  private static void memory(String when) {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "heap %-40s %5d MB used, %4d threads%n",
        when,
        (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024),
        Thread.activeCount());
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("bench: unexpected failure: " + what);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** The six reads a backup makes of one device, one after the other. */
  private record SingleFleet(Speaker speaker) {
    FleetResult backupRead() {
      long start = System.nanoTime();
      speaker.ping();
      speaker.nowPlaying(); // stands in for /volume, which the 5s cache may answer
      speaker.bass();
      speaker.presets();
      speaker.zone();
      speaker.sources();
      return new FleetResult(
          "backup read",
          List.of(
              new dev.roadie.speaker.DeviceResult(
                  speaker.toString(),
                  speaker.getAddress(),
                  true,
                  null,
                  null,
                  Duration.ofNanos(System.nanoTime() - start))),
          Duration.ZERO);
    }
  }

  /** The bench only reads. */
  private static final class ReadOnlyRun implements RunContext {
    public String id() {
      return "bench";
    }

    public String playbook() {
      return "bench";
    }

    public String trigger() {
      return "cli";
    }

    public boolean dryRun() {
      return true;
    }

    public Path workDir() {
      return Path.of(System.getProperty("java.io.tmpdir"));
    }

    public Map<String, Object> params() {
      return Map.of();
    }

    public <T> T mutate(String target, String description, Callable<T> action) {
      return null;
    }
  }
}
