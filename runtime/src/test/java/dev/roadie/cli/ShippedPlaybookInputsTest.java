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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped playbooks refuse bad parameters before they read or change anything, keep the records
 * people need, and fail when what they measure failed.
 */
class ShippedPlaybookInputsTest {
  private static final Path SHIPPED = Path.of("..", "playbooks").toAbsolutePath().normalize();

  @TempDir Path home;
  CliFixture roadie;

  @BeforeEach
  void setUp() {
    roadie = new CliFixture(home);
    roadie.env.put("ROADIE_PLAYBOOKS_DIR", SHIPPED.toString());
  }

  private JsonNode run(String... args) throws Exception {
    String[] all =
        Stream.concat(Stream.of("run"), Stream.concat(Stream.of(args), Stream.of("--json")))
            .toArray(String[]::new);
    CliFixture.Result result = roadie.roadie(all);
    assertThat(result.out() + result.err()).doesNotContain("\tat ");
    return new ObjectMapper().readTree(result.out());
  }

  private static String firstError(JsonNode run) {
    for (JsonNode step : run.get("steps")) {
      if (step.get("status").asText().equals("failed")) {
        return step.get("error").asText();
      }
    }
    return null;
  }

  private Path oldRunDir(String id) throws Exception {
    Path dir = Files.createDirectories(home.resolve("var/runs").resolve(id));
    Files.setLastModifiedTime(dir, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
    return dir;
  }

  /** A run refused as bad input: exit 2, nothing run, the error on stderr. */
  private String refused(String... args) {
    CliFixture.Result result = roadie.roadie(args);
    assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(2);
    assertThat(result.out()).as("nothing ran").doesNotContain("[succeeded]", "[failed]");
    return result.err();
  }

  @Test
  void housekeepingRefusesKeepDaysBelowOneAndDeletesNothing() throws Exception {
    Path old = oldRunDir("20250101-000000-aaaaaa");
    Path recent = Files.createDirectories(home.resolve("var/runs/20261101-000000-bbbbbb"));

    for (String keepDays : List.of("-1", "0")) {
      assertThat(refused("run", "housekeeping", "-p", "keepDays=" + keepDays))
          .contains(
              "param 'keepDays': "
                  + keepDays
                  + " is out of range; it must be 1 or more ("
                  + SHIPPED.resolve("housekeeping.groovy"));
    }
    assertThat(old).exists();
    assertThat(recent).exists();
  }

  @Test
  void housekeepingKeepsOldRunsHoldingSpeakerBackupsOrIncidentBundlesUnlessAskedToPruneThem()
      throws Exception {
    Path plain = oldRunDir("20250101-000000-aaaaaa");
    Path backup = oldRunDir("20250102-000000-cccccc");
    Files.writeString(backup.resolve("speakers-20250102T000000Z.json"), "[]");
    Files.setLastModifiedTime(backup, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
    Path bundle = oldRunDir("20250103-000000-dddddd");
    Files.createDirectories(bundle.resolve("incident-1"));
    Files.setLastModifiedTime(bundle, FileTime.from(Instant.now().minus(Duration.ofDays(40))));

    JsonNode kept = run("housekeeping");

    assertThat(kept.get("status").asText()).as(kept.toString()).isEqualTo("succeeded");
    assertThat(kept.get("mutations")).hasSize(1);
    assertThat(plain).doesNotExist();
    assertThat(backup.resolve("speakers-20250102T000000Z.json")).exists();
    assertThat(bundle.resolve("incident-1")).exists();
    assertThat(kept.get("steps").get(1).get("output").asText())
        .contains(
            "2 of them kept for their records (20250102-000000-cccccc:"
                + " speakers-20250102T000000Z.json; 20250103-000000-dddddd: incident-1;"
                + " -p pruneRecords=true prunes them)");

    JsonNode pruned = run("housekeeping", "-p", "pruneRecords=true");

    assertThat(pruned.get("mutations")).hasSize(2);
    assertThat(backup).doesNotExist();
    assertThat(bundle).doesNotExist();
  }

  @Test
  void soxSelftestRefusesALevelOutOfRangeNamingLevelDbBeforeMakingATone() throws Exception {
    assertThat(refused("run", "sox-selftest", "-p", "levelDb=10"))
        .contains("param 'levelDb': 10 is out of range; it must be from -120 to 0 (");
    try (Stream<Path> files = Files.walk(home)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".wav"));
    }
  }

  @Test
  void weeklyPerformanceRefusesSamplesBelowOneAndAUrlThatIsNotOne() throws Exception {
    for (String samples : List.of("0", "-3")) {
      assertThat(refused("run", "weekly-performance", "-p", "samples=" + samples))
          .contains("param 'samples': " + samples + " is out of range; it must be 1 or more (");
    }

    JsonNode run = run("weekly-performance", "-p", "urls=not-a-url,http://127.0.0.1:1/x");

    assertThat(run.get("status").asText()).isEqualTo("failed");
    assertThat(firstError(run))
        .isEqualTo(
            SHIPPED.resolve("weekly-performance.groovy")
                + ":16: check failed: bad input: urls: not-a-url is"
                + " not an http(s) URL; give full URLs, comma-separated"
                + " (-p urls=http://host:8080/health)");
  }

  @Test
  void weeklyPerformanceFailsWhenEveryRequestToAnEndpointFailedAndStillWritesTheReport()
      throws Exception {
    int closed;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closed + "/health";

    JsonNode run = run("weekly-performance", "-p", "urls=" + url, "-p", "samples=2");

    assertThat(run.get("status").asText()).isEqualTo("failed");
    assertThat(firstError(run))
        .endsWith(
            "check failed: every request to "
                + url
                + " failed (2 of 2); the report shows the errors");
    Path workDir = home.resolve("var/runs").resolve(run.get("id").asText());
    assertThat(Files.readString(workDir.resolve("report.md")))
        .contains("- **failed requests**: 2 of 2 (critical)\n")
        .contains("## Host\n");
  }

  @Test
  void weeklyPerformancePublishedToAFileSaysItIsNotADirectory() throws Exception {
    Path file = Files.writeString(home.resolve("reports"), "not a dir");

    JsonNode run = run("weekly-performance", "-p", "samples=1", "-p", "publishTo=" + file);

    assertThat(run.get("status").asText()).isEqualTo("failed");
    assertThat(firstError(run))
        .endsWith(
            "report.publish: "
                + file
                + " is a file, not a directory; give a directory to publish to (one that does"
                + " not exist yet is made)");
    assertThat(run.get("mutations")).isEmpty();
    assertThat(file).hasContent("not a dir");
  }
}
