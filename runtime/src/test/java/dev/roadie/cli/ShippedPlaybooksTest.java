package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The playbooks roadie ships, run from the checkout's playbooks/ against a scratch data dir. */
class ShippedPlaybooksTest {
  private static final Path SHIPPED = Path.of("..", "playbooks").toAbsolutePath().normalize();

  @TempDir Path home;
  CliFixture roadie;

  @BeforeEach
  void setUp() {
    roadie = new CliFixture(home);
    roadie.env.put("ROADIE_PLAYBOOKS_DIR", SHIPPED.toString());
  }

  JsonNode run(String... args) throws Exception {
    CliFixture.Result result = roadie.roadie(args);
    assertThat(result.err()).doesNotContain("error");
    return new ObjectMapper().readTree(result.out());
  }

  @Test
  void everyShippedPlaybookPassesCheck() {
    CliFixture.Result result = roadie.roadie("check");

    assertThat(result.exit()).as(result.out()).isZero();
  }

  @Test
  void helloGreets() throws Exception {
    JsonNode run = run("run", "hello", "-p", "name=test", "--json");

    assertThat(run.get("steps").get(0).get("output").asText()).isEqualTo("hello, test\n");
  }

  @Test
  void soxSelftestPassesWithTheRealSoxAndChangesNothingOutsideItsWorkDir() throws Exception {
    JsonNode run = run("run", "sox-selftest", "--json");

    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
    assertThat(run.get("steps")).hasSize(4);
    assertThat(run.get("steps").get(0).get("output").asText()).contains("peak -6.00 dB");
    assertThat(run.get("mutations")).isEmpty();
  }

  @Test
  void speakerCheckTurnsDownTheLoudSpeakerKeepsABackupAndASecondRunChangesNothing()
      throws Exception {
    try (dev.roadie.sim.SpeakerSimulator sim = dev.roadie.sim.SpeakerSimulator.start(3)) {
      roadie.env.put("DEVICE_HOSTS", sim.hosts());
      java.net.http.HttpResponse<String> set =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create("http://" + sim.device(1).address() + "/volume"))
                      .POST(
                          java.net.http.HttpRequest.BodyPublishers.ofString("<volume>90</volume>"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(set.statusCode()).isEqualTo(200);

      JsonNode plan = run("run", "speaker-check", "--dry-run", "--json");
      assertThat(plan.get("status").asText()).as(plan.toString()).isEqualTo("succeeded");
      assertThat(plan.get("mutations")).hasSize(1);
      assertThat(plan.get("mutations").get(0).get("outcome").asText()).isEqualTo("would-do");
      assertThat(sim.device(1).volume()).isEqualTo(90);

      JsonNode done = run("run", "speaker-check", "--json");
      assertThat(done.get("mutations").get(0).get("outcome").asText()).isEqualTo("done");
      assertThat(sim.device(1).volume()).isEqualTo(60);
      assertThat(done.get("steps").get(2).get("output").asText()).contains("backup: ");

      JsonNode again = run("run", "speaker-check", "--json");
      assertThat(again.get("status").asText()).isEqualTo("succeeded");
      assertThat(again.get("mutations")).isEmpty();
    }
  }

  @Test
  void housekeepingPlansThenPrunesOldRunArtifactsAndASecondRunChangesNothing() throws Exception {
    Path old = Files.createDirectories(home.resolve("var/runs/20250101-000000-aaaaaa"));
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
    Path recent = Files.createDirectories(home.resolve("var/runs/20261101-000000-bbbbbb"));

    JsonNode plan = run("run", "housekeeping", "--dry-run", "--json");
    assertThat(plan.get("status").asText()).isEqualTo("succeeded");
    assertThat(plan.get("mutations")).hasSize(1);
    assertThat(plan.get("mutations").get(0).get("outcome").asText()).isEqualTo("would-do");
    assertThat(plan.get("mutations").get(0).get("target").asText())
        .isEqualTo(old.getFileName().toString());
    assertThat(old).exists();

    JsonNode done = run("run", "housekeeping", "--json");
    assertThat(done.get("mutations").get(0).get("outcome").asText()).isEqualTo("done");
    assertThat(old).doesNotExist();
    assertThat(recent).exists();

    JsonNode again = run("run", "housekeeping", "--json");
    assertThat(again.get("status").asText()).isEqualTo("succeeded");
    assertThat(again.get("mutations")).isEmpty();
  }

  @Test
  void housekeepingDeletesOldTempFilesAndRotatedLogsInTheDirsItIsGiven() throws Exception {
    Path temp = Files.createDirectories(home.resolve("tmp"));
    Path logs = Files.createDirectories(home.resolve("logs"));
    Path oldTemp = Files.writeString(temp.resolve("upload.part"), "12345");
    Path oldRotated = Files.writeString(logs.resolve("audiodeck.log.3.gz"), "123");
    Path live = Files.writeString(logs.resolve("audiodeck.log"), "live");
    for (Path file : List.of(oldTemp, oldRotated, live)) {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
    }

    JsonNode done =
        run("run", "housekeeping", "-p", "tempDirs=" + temp, "-p", "logDirs=" + logs, "--json");

    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
    assertThat(done.get("steps").get(2).get("output").asText())
        .startsWith("deleted 2 files, 8 bytes freed");
    assertThat(oldTemp).doesNotExist();
    assertThat(oldRotated).doesNotExist();
    assertThat(live).exists();
  }

  @Test
  void housekeepingFailsWhenFreeSpaceIsBelowTheThreshold() throws Exception {
    JsonNode run = run("run", "housekeeping", "-p", "minFreePercent=100", "--json");

    assertThat(run.get("status").asText()).isEqualTo("failed");
    assertThat(run.get("steps").get(0).get("error").asText()).contains("below 100%");
  }

  @Test
  void theSynthSelfTestPassesOnAMachineSetUpByScriptsSetup() throws Exception {
    JsonNode run = run("run", "synth-selftest", "--json");

    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
    assertThat(run.get("steps").get(1).get("output").asText()).startsWith("audio path ok: ");
  }

  private Path workDir(JsonNode run) {
    return home.resolve("var/runs").resolve(run.get("id").asText());
  }

  @Test
  void weeklyPerformanceTimesTheSimulatedAudioDecksEndpointsIntoAReportWithAChart()
      throws Exception {
    try (dev.roadie.sim.AudioDeck deck =
        dev.roadie.sim.AudioDeck.start(
            dev.roadie.sim.AudioDeck.Options.defaults(),
            new java.io.PrintWriter(java.io.Writer.nullWriter()),
            status -> {})) {
      String base = "http://127.0.0.1:" + deck.ports().get(0);
      String urls = base + "/health," + base + "/api/status";

      JsonNode run =
          run("run", "weekly-performance", "-p", "urls=" + urls, "-p", "samples=3", "--json");

      assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
      String md = Files.readString(workDir(run).resolve("report.md"));
      assertThat(md)
          .startsWith("# Weekly performance\n")
          .contains("- **endpoints**: 2\n")
          .contains("- **failed requests**: 0 of 6 (ok)\n")
          .contains("| " + base + "/health | ")
          .contains("![Response time per request](chart-1.png)")
          .contains("## Host\n")
          .contains("No metrics log given");
      assertThat(javax.imageio.ImageIO.read(workDir(run).resolve("chart-1.png").toFile()))
          .isNotNull();
      assertThat(run.get("mutations")).isEmpty();
    }
  }

  @Test
  void weeklyPerformanceRunsOnAFreshMachineWithNothingToTime() throws Exception {
    JsonNode run = run("run", "weekly-performance", "--json");

    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
    assertThat(Files.readString(workDir(run).resolve("report.md")))
        .contains("No endpoints to time")
        .contains("- **memory used**: ");
  }

  @Test
  void weeklyPerformanceChartsTheTrendsOfAMetricsLog() throws Exception {
    Instant now = Instant.now();
    StringBuilder lines = new StringBuilder();
    for (int hour = 48; hour > 0; hour--) {
      lines.append(
          String.format(
              "%s response_ms=%d memory_mb=%d connections=%d%n",
              now.minus(Duration.ofHours(hour)), 100 + hour, 500 + hour * 2, 30 + hour % 7));
    }
    Path log = Files.writeString(home.resolve("metrics.log"), lines.toString());

    JsonNode run = run("run", "weekly-performance", "-p", "metricsLog=" + log, "--json");

    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
    String report = Files.readString(workDir(run).resolve("report.md"));
    assertThat(report)
        .contains("## Trends over the week")
        .contains("- **samples**: 48")
        .contains("| response\\_ms | 48 | 124.5 | 101 | 148 |")
        .contains("| memory\\_mb | 48 | 549.0 | 502 | 596 |");
    long charts;
    try (var files = Files.list(workDir(run))) {
      charts = files.filter(f -> f.getFileName().toString().startsWith("chart-")).count();
    }
    assertThat(charts)
        .as("a chart per metric, beside any of response times")
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void monthlyCapacityChartsTheMonthsTrendsOfAMetricsLogAndSaysWhatItSkipped() throws Exception {
    Instant now = Instant.now();
    StringBuilder lines = new StringBuilder();
    for (int day = 20; day > 0; day--) {
      lines.append(
          String.format(
              "%s response_ms=%d connections=%d%n", now.minus(Duration.ofDays(day)), 200 + day, 7));
    }
    lines.append(now.minus(Duration.ofHours(1))).append(" response_ms=slow\n");
    Path log = Files.writeString(home.resolve("metrics.log"), lines.toString());

    JsonNode run = run("run", "monthly-capacity", "-p", "metricsLog=" + log, "--json");

    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
    String report = Files.readString(workDir(run).resolve("report.md"));
    assertThat(report)
        .contains("## Trends over the month\n\n- **samples**: 20\n")
        .contains("| connections | 20 | 7.0 | 7 | 7 | 7 |")
        .contains("| response\\_ms | 20 | 210.5 | 201 | 220 |")
        .containsPattern("!\\[connections\\]\\(chart-[0-9]+\\.png\\)")
        .containsPattern("!\\[response\\\\_ms\\]\\(chart-[0-9]+\\.png\\)")
        .contains("1 value was skipped: not a number of 0 or more");
  }

  @Test
  void monthlyCapacityRunsOnAFreshMachineWithItsDefaults() throws Exception {
    JsonNode run = run("run", "monthly-capacity", "--json");

    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
    assertThat(Files.readString(workDir(run).resolve("report.md")))
        .contains("| / | ")
        .contains("No backup directory given (-p backupDir=DIR)")
        .contains("- **memory used**: ");
    assertThat(workDir(run).resolve("chart-1.png")).exists();
    assertThat(run.get("mutations")).isEmpty();
  }

  @Test
  void monthlyCapacityReviewsDisksAndBackupsAndOnlyPlansItsPublicationInADryRun() throws Exception {
    Path backups = Files.createDirectories(home.resolve("backup"));
    Files.write(backups.resolve("audiodeck-20261101T020000.000Z.tar.gz"), new byte[3 << 20]);
    Files.write(backups.resolve("audiodeck-20261102T020000.000Z.tar.gz"), new byte[4 << 20]);
    Path published = home.resolve("published");

    JsonNode run =
        run(
            "run",
            "monthly-capacity",
            "-p",
            "paths=" + home,
            "-p",
            "backupDir=" + backups,
            "-p",
            "publishTo=" + published,
            "--dry-run",
            "--json");

    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
    String md = Files.readString(workDir(run).resolve("report.md"));
    assertThat(md)
        .startsWith("# Monthly capacity review\n")
        .contains("| " + home + " | ")
        .contains("![Disk use (%)](chart-1.png)")
        .contains("- **backups**: 2\n")
        .contains("- **not verified**: 2 (warning)\n")
        .contains(
            "| audiodeck-20261102T020000.000Z.tar.gz | 2026-11-02 02:00:00 UTC | 4.0 | 0 | unverified |")
        .contains("![Backup size (MiB)](chart-2.png)");
    assertThat(javax.imageio.ImageIO.read(workDir(run).resolve("chart-2.png").toFile()))
        .isNotNull();
    assertThat(run.get("mutations")).hasSize(1);
    assertThat(run.get("mutations").get(0).get("outcome").asText()).isEqualTo("would-do");
    assertThat(published).doesNotExist();
  }
}
