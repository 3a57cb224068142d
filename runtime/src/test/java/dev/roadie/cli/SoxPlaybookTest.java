package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sox binding as playbooks use it, through the CLI, with the real sox. */
class SoxPlaybookTest {
  @TempDir Path home;

  @Test
  void aPlaybookMeasuresATestToneAndItsDryRunConvertsNothing() {
    CliFixture roadie = new CliFixture(home);
    Path converted = home.resolve("converted.flac");
    roadie.playbook(
        "tone-check",
        "step('measure') {\n"
            + "  def tone = sox.tone(freq: 1000, seconds: 0.5)\n"
            + "  def stats = sox.stats(tone)\n"
            + "  check stats.rmsDb > -10, \"too quiet: ${stats}\"\n"
            + "  println \"pitch ${Math.round(stats.roughFrequencyHz / 10) * 10}\"\n"
            + "  sox.convert(tone, '"
            + converted
            + "', format: 'flac', rate: 16000)\n"
            + "  println \"workers ${sox.status().maxWorkers}\"\n"
            + "}\n");

    CliFixture.Result dry = roadie.roadie("run", "tone-check", "--dry-run");

    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out())
        .contains("pitch 1000")
        .contains("workers 4")
        .contains(
            "would-do "
                + converted
                + ": convert tone-1000hz-1.wav -> converted.flac (flac, 16000 Hz)");
    assertThat(converted).doesNotExist();

    CliFixture.Result real = roadie.roadie("run", "tone-check");

    assertThat(real.exit()).as(real.err()).isZero();
    assertThat(real.out()).contains("done " + converted + ": convert");
    assertThat(converted).exists();
  }

  @Test
  void aFailedConversionFailsTheStepQuotingSox() {
    CliFixture roadie = new CliFixture(home);
    roadie.playbook("bad", "step('convert') { sox.convert('missing.wav', 'out.wav') }\n");

    CliFixture.Result result = roadie.roadie("run", "bad");

    assertThat(result.exit()).isEqualTo(ExitCodes.PLAYBOOK_FAILED);
    assertThat(result.out() + result.err())
        .contains("missing.wav")
        .contains("sox FAIL formats: can't open input file");
  }

  @Test
  void stoppingRoadieMidBatchLeavesNoSoxProcessBehind() throws Exception {
    Path fifos = Files.createDirectories(home.resolve("fifos"));
    for (int i = 0; i < 6; i++) {
      Process mkfifo = new ProcessBuilder("mkfifo", fifos.resolve(i + ".wav").toString()).start();
      assertThat(mkfifo.waitFor()).isZero();
    }
    Files.createDirectories(home.resolve("playbooks"));
    Files.writeString(
        home.resolve("playbooks/batch.groovy"),
        "step('batch') {\n"
            + "  println 'batching'\n"
            + "  sox.batch(new File('"
            + fifos
            + "').listFiles().toList(), '"
            + Files.createDirectories(home.resolve("out"))
            + "') { rate 16000 }\n"
            + "}\n");

    Process roadie = RoadieProcess.start(home, Map.of("SOX_MAX_WORKERS", "2"), "run", "batch");
    List<ProcessHandle> sox;
    try {
      awaitLine(roadie, "| batching");
      sox = awaitSoxChildren(roadie, 2);

      roadie.destroy(); // SIGTERM
      assertThat(roadie.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      roadie.destroyForcibly();
      roadie.waitFor(10, TimeUnit.SECONDS);
    }

    assertThat(sox).hasSize(2).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void aPoolTooLargeForTheOpenFileLimitIsNamedWithTheFix() throws Exception {
    Files.createDirectories(home.resolve("playbooks"));
    Files.writeString(
        home.resolve("playbooks/t.groovy"), "step('tone') { sox.tone(seconds: 0.1) }\n");
    ProcessBuilder builder =
        RoadieProcess.builder(home, Map.of("SOX_MAX_WORKERS", "200"), "run", "t");
    builder.command().addAll(0, List.of("prlimit", "--nofile=400:400"));

    Process roadie = builder.start();
    String output = new String(roadie.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(roadie.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(output)
        .contains("sox.max_workers 200 needs about")
        .contains("this process may open 400")
        .contains("ulimit -n 65536");
  }

  private static List<ProcessHandle> awaitSoxChildren(Process roadie, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      List<ProcessHandle> sox =
          roadie
              .descendants()
              .filter(p -> p.info().command().map(c -> c.endsWith("/sox")).orElse(false))
              .toList();
      if (sox.size() == count) {
        return sox;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("roadie did not start " + count + " sox processes");
  }

  private static void awaitLine(Process process, String text) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    do {
      line = out.readLine();
    } while (line != null && !line.contains(text));
    assertThat(line).as("a line with " + text).isNotNull();
  }
}
