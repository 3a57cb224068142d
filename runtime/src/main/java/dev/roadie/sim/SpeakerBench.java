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
    int sequentialHealthDevices = Integer.parseInt(env("BENCH_SEQUENTIAL_HEALTH_DEVICES", "1000"));
    int sequentialBackupDevices = Integer.parseInt(env("BENCH_SEQUENTIAL_BACKUP_DEVICES", "100"));
    int warmups = Integer.parseInt(env("BENCH_WARMUP_ROUNDS", "3"));
    int rounds = Integer.parseInt(env("BENCH_ROUNDS", "5"));
    // Hosts of a simulator in another process (the script starts one): client and simulator
    // then do not share a JVM, its threads and its garbage collector.
    String external = env("BENCH_HOSTS", "");
    System.out.printf(
        Locale.ROOT,
        "devices %d, latency %d ms, concurrency %d, cores %d, simulator %s%n",
        count,
        latency,
        concurrency,
        Runtime.getRuntime().availableProcessors(),
        external.isEmpty() ? "in this JVM" : "in its own process");
    SpeakerSimulator sim =
        external.isEmpty() ? SpeakerSimulator.start(count, "127.0.0.1", 0, false) : null;
    try {
      List<String> hosts = new ArrayList<>();
      if (sim == null) {
        for (String host : external.split(",")) {
          hosts.add(host.strip());
        }
        check(hosts.size() == count, "BENCH_HOSTS has " + hosts.size() + " hosts, not " + count);
      } else {
        sim.latency(Duration.ofMillis(latency));
        sim.devices().forEach(d -> hosts.add(d.address()));
      }
      SpeakersConfig config =
          new SpeakersConfig(hosts, Duration.ofSeconds(10), 0, concurrency, Map.of());
      Speakers speakers =
          new Speakers(new SpeakerClient(config), Inventory.from(config), new ReadOnlyRun());
      Path dir = Files.createTempDirectory("roadie-bench-backup");
      memory("after start");

      // The first round after start is timed on its own: it pays for the JIT compiling the
      // client and for opening every connection, which a one-shot `roadie run` pays too. A
      // scheduled health check in a long-lived process runs warm: that is the steady figure,
      // the median of the rounds after the warm-up ones.
      double ideal = Math.ceil(count / (double) concurrency) * latency / 1000.0;
      double[] cpu = cpu();
      long start = System.nanoTime();
      check(speakers.health().isOk(), "first health round");
      double firstHealth = seconds(start);
      cpu("health, first round", cpu, firstHealth);
      cpu = cpu();
      start = System.nanoTime();
      speakers.backup(dir);
      double firstBackup = seconds(start);
      cpu("backup, first round", cpu, firstBackup);
      memory("after the first rounds");
      for (int i = 0; i < warmups; i++) {
        speakers.health();
        speakers.backup(dir);
      }
      memory("after " + warmups + " warm-up rounds");

      double[] healthRounds = new double[rounds];
      cpu = cpu();
      double wall = 0;
      for (int i = 0; i < rounds; i++) {
        start = System.nanoTime();
        Health health = speakers.health();
        healthRounds[i] = seconds(start);
        wall += healthRounds[i];
        check(health.isOk(), "health: " + health);
      }
      cpu("health, " + rounds + " rounds", cpu, wall);
      double healthSeconds = median(healthRounds);
      memory("after health rounds");

      double[] backupRounds = new double[rounds];
      cpu = cpu();
      wall = 0;
      Path backup = null;
      for (int i = 0; i < rounds; i++) {
        start = System.nanoTime();
        backup = speakers.backup(dir);
        backupRounds[i] = seconds(start);
        wall += backupRounds[i];
      }
      cpu("backup, " + rounds + " rounds", cpu, wall);
      double backupSeconds = median(backupRounds);
      memory("after backup rounds (" + Files.size(backup) / 1024 + " KB file)");
      int requestsPerBackup = 6;
      double idealBackup = ideal * requestsPerBackup;

      List<Speaker> pinged =
          speakers.all().getSpeakers().subList(0, Math.min(sequentialHealthDevices, count));
      start = System.nanoTime();
      for (Speaker speaker : pinged) {
        speaker.ping();
      }
      double sequentialHealth = seconds(start) * count / pinged.size();
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
      row("health, first round", firstHealth, ideal, sequentialHealth);
      row("health (1 GET /info each)", healthSeconds, ideal, sequentialHealth);
      row("backup, first round", firstBackup, idealBackup, sequentialBackup);
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
          Locale.ROOT,
          "first round: the first after start (JIT cold, connections opening); the others: the"
              + " median of %d rounds after %d warm-up rounds%n"
              + "health rounds: %s%nbackup rounds: %s%n",
          rounds,
          warmups,
          list(healthRounds),
          list(backupRounds));
      System.out.printf(
          Locale.ROOT,
          "sequential health: %d devices pinged one after the other, scaled to %d;%n",
          Math.min(sequentialHealthDevices, count),
          count);
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
    } finally {
      if (sim != null) {
        sim.close();
      }
    }
  }

  /** CPU seconds used so far by this process and by the simulator's (BENCH_SIM_PID), if known. */
  private static double[] cpu() {
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    double sim = -1;
    String pid = env("BENCH_SIM_PID", "");
    if (!pid.isEmpty()) {
      try {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime, in clock ticks (100 per second on Linux).
        sim = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
      } catch (Exception e) {
        sim = -1;
      }
    }
    return new double[] {os.getProcessCpuTime() / 1e9, sim};
  }

  /**
   * How much CPU a phase took, against what two cores could give in its wall time: when client and
   * simulator together need most of the machine, the figure is the machine's, not the client's.
   */
  private static void cpu(String phase, double[] before, double wall) {
    double[] after = cpu();
    double client = after[0] - before[0];
    String sim =
        after[1] < 0 ? "" : String.format(Locale.ROOT, ", simulator %.2fs", after[1] - before[1]);
    System.out.printf(
        Locale.ROOT,
        "cpu  %-40s client %.2fs%s, of %.2fs the cores had in that time%n",
        phase,
        client,
        sim,
        wall * Runtime.getRuntime().availableProcessors());
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

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static String list(double[] values) {
    StringBuilder out = new StringBuilder();
    for (double value : values) {
      out.append(out.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2fs", value));
    }
    return out.toString();
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
