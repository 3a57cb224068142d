package dev.roadie.sox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.roadie.run.RecordingRunContext;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every operation of the sox binding, against the real sox, checked by measuring what it wrote. */
class SoxOperationsTest {
  static SoxEngine engine;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    engine = new SoxEngine(SoxTesting.config(2));
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void aToneHasTheAskedRateLengthLevelAndPitch() throws Exception {
    Sox sox = SoxTesting.sox(engine, dir);
    Path tone =
        sox.tone(
            Map.of("freq", 440, "seconds", 1.5, "rate", 44100, "channels", 2),
            dir.resolve("a.wav"));

    AudioInfo info = sox.info(tone);
    assertThat(info.rate()).isEqualTo(44100);
    assertThat(info.channels()).isEqualTo(2);
    assertThat(info.bits()).isEqualTo(16);
    assertThat(info.samples()).isEqualTo(66150);
    assertThat(info.durationSeconds()).isCloseTo(1.5, within(1e-9));
    assertThat(info.encoding()).contains("Signed Integer PCM");

    AudioStats stats = sox.stats(tone);
    assertThat(stats.getPeakDb()).isCloseTo(-3.0, within(0.05));
    assertThat(stats.getRmsDb()).isCloseTo(-6.0, within(0.1));
    assertThat(stats.channels()).hasSize(2);
    assertThat(stats.channels().get(0).crestFactor()).isCloseTo(1.41, within(0.01));
    assertThat(stats.overall().crestFactor()).as("sox prints '-' for stereo").isNaN();
    assertThat(stats.getCrestFactor()).isCloseTo(1.41, within(0.01));
    assertThat(stats.roughFrequencyHz()).isCloseTo(440, within(5.0));
    assertThat(stats.samples()).isEqualTo(66150);
    assertThat(stats.lengthSeconds()).isCloseTo(1.5, within(0.001));
    assertThat(stats.getBitDepth()).isEqualTo("16/16");
  }

  @Test
  void digitalSilenceMeasuresAsMinusInfinity() throws Exception {
    Sox sox = SoxTesting.sox(engine, dir);
    Path quiet = sox.tone(Map.of("seconds", 1, "gain", -120), dir.resolve("quiet.wav"));
    Path zero = dir.resolve("zero.wav");
    sox.convert(Map.of("effects", List.of("vol 0"), "dither", false), quiet, zero);

    AudioStats stats = sox.stats(zero);

    assertThat(stats.getPeakDb()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(stats.getRmsDb()).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void convertChangesRateChannelsAndFormatAndAppliesEffects() throws Exception {
    Sox sox = SoxTesting.sox(engine, dir);
    Path in = sox.tone(Map.of("seconds", 1, "channels", 2, "gain", -10), dir.resolve("in.wav"));

    Path out =
        sox.convert(
            Map.of("rate", 16000, "channels", 1, "bits", 16, "effects", List.of("norm -1")),
            in,
            dir.resolve("out.wav"));
    Path flac = sox.convert(Map.of("format", "flac"), in, dir.resolve("out.flac"));

    AudioInfo info = sox.info(out);
    assertThat(info.rate()).isEqualTo(16000);
    assertThat(info.channels()).isEqualTo(1);
    assertThat(info.samples()).isEqualTo(16000);
    assertThat(sox.stats(out).getPeakDb()).isCloseTo(-1.0, within(0.05));
    assertThat(sox.info(flac).encoding()).endsWith("FLAC");
    assertThat(dir.toFile().list()).allMatch(name -> !name.contains(".roadie-"));
  }

  @Test
  void streamConvertsStdinToStdout() throws Exception {
    Sox sox = SoxTesting.sox(engine, dir);
    Path in = sox.tone(Map.of("seconds", 2, "channels", 2), dir.resolve("in.wav"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    StreamResult result;
    try (InputStream stream = Files.newInputStream(in)) {
      result =
          sox.stream(
              Map.of(
                  "from",
                  "wav",
                  "to",
                  Map.of(
                      "format",
                      "raw",
                      "rate",
                      16000,
                      "channels",
                      1,
                      "bits",
                      16,
                      "encoding",
                      "signed-integer")),
              stream,
              out);
    }

    assertThat(out.size()).isEqualTo(2 * 16000 * 2);
    assertThat(result.bytesOut()).isEqualTo(out.size());
    assertThat(result.bytesIn()).isEqualTo(Files.size(in));
  }

  @Test
  void silenceFindsTheQuietStretches() throws Exception {
    Sox sox = SoxTesting.sox(engine, dir);
    Path tone = sox.tone(Map.of("seconds", 1, "gain", -6), dir.resolve("tone.wav"));
    Path padded =
        sox.convert(Map.of("effects", List.of("pad 0.5 1")), tone, dir.resolve("padded.wav"));

    List<SilentStretch> silent = sox.silence(Map.of("threshold", -40, "minSeconds", 0.2), padded);

    assertThat(silent).hasSize(2);
    assertThat(silent.get(0).startSeconds()).isCloseTo(0.0, within(0.02));
    assertThat(silent.get(0).endSeconds()).isCloseTo(0.5, within(0.02));
    assertThat(silent.get(1).startSeconds()).isCloseTo(1.5, within(0.02));
    assertThat(silent.get(1).endSeconds()).isCloseTo(2.5, within(0.02));
    assertThat(sox.silence(tone)).isEmpty();
  }

  @Test
  void batchConvertsEveryFileAndReportsTheBadOnes() throws Exception {
    Sox sox = SoxTesting.sox(engine, dir);
    Path sources = Files.createDirectories(dir.resolve("src"));
    for (int i = 0; i < 6; i++) {
      sox.tone(Map.of("seconds", 0.2, "freq", 300 + i * 100), sources.resolve("t" + i + ".wav"));
    }
    Path broken = Files.writeString(sources.resolve("broken.wav"), "not audio");
    List<Path> files;
    try (var listing = Files.list(sources)) {
      files = listing.sorted().toList();
    }
    Path outDir = Files.createDirectories(dir.resolve("out"));

    BatchResult result =
        sox.batch(
            files,
            outDir,
            new groovy.lang.Closure<Object>(null) {
              @SuppressWarnings("unused")
              public Object doCall() {
                BatchSpec spec = (BatchSpec) getDelegate();
                spec.rate(8000);
                spec.format("flac");
                return null;
              }
            });

    assertThat(result.converted()).hasSize(6);
    assertThat(result.failed()).containsOnlyKeys(broken);
    assertThat(result.failed().get(broken)).contains("RIFF header not found");
    for (Path out : result.converted()) {
      assertThat(out.getFileName().toString()).endsWith(".flac");
      assertThat(sox.info(out).rate()).isEqualTo(8000);
    }
  }

  @Test
  void aDryRunMeasuresButWritesNothingOutsideTheWorkDir() throws Exception {
    RecordingRunContext dryRun = new RecordingRunContext(dir.resolve("work"), true);
    Sox sox = new Sox(engine, dryRun);
    Path tone = sox.tone(Map.of("seconds", 0.5));
    Path target = dir.resolve("converted.wav");

    Path converted = sox.convert(Map.of("rate", 16000), tone, target);

    assertThat(tone).exists().startsWith(dir.resolve("work"));
    assertThat(sox.stats(tone).getPeakDb()).isCloseTo(-3.0, within(0.05));
    assertThat(converted).isNull();
    assertThat(target).doesNotExist();
    assertThat(dryRun.lines())
        .containsExactly(
            target
                + ": convert "
                + tone.getFileName()
                + " -> converted.wav (16000 Hz) -> would-do");
  }
}
