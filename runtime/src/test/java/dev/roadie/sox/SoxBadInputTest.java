package dev.roadie.sox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a playbook gets for bad input: the file named, sox's own words quoted, nothing half written,
 * and no retry (the breaker does not count the caller's mistakes against sox).
 */
class SoxBadInputTest {
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

  private Sox sox() {
    return SoxTesting.sox(engine, dir);
  }

  private Path tone() throws InterruptedException {
    return sox().tone(Map.of("seconds", 0.2), dir.resolve("tone.wav"));
  }

  @Test
  void aMissingInputQuotesSoxAndTheFile() {
    Path missing = dir.resolve("missing.wav");
    long starts = engine.monitor.processStarts();

    assertThatThrownBy(() -> sox().convert(missing, dir.resolve("out.wav")))
        .isInstanceOfSatisfying(
            SoxException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(SoxException.Kind.BAD_INPUT);
              assertThat(e.getMessage())
                  .contains(missing.toString())
                  .contains("sox FAIL formats: can't open input file")
                  .contains("No such file or directory");
              assertThat(e.exitCode()).contains(2);
            });
    assertThat(engine.monitor.processStarts()).as("not retried").isEqualTo(starts + 1);
    assertThat(dir.resolve("out.wav")).doesNotExist();
  }

  @Test
  void anInputThatIsNotAudioQuotesWhatSoxFoundWrong() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.wav"), "these are not samples");

    assertThatThrownBy(() -> sox().stats(text))
        .isInstanceOf(SoxException.class)
        .hasMessageContaining(text.toString())
        .hasMessageContaining("RIFF header not found");
    assertThatThrownBy(() -> sox().info(text)).hasMessageContaining("RIFF header not found");
  }

  @Test
  void anUnwritableOutputIsNamedAndLeavesNoTemporaryFile() throws Exception {
    Path in = tone();

    assertThatThrownBy(() -> sox().convert(in, dir.resolve("no-such-dir/out.wav")))
        .hasMessageContaining("no-such-dir does not exist; create it first");
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> sox().convert(in, notADirectory.resolve("out.wav")))
        .hasMessageContaining("does not exist");
    // /proc/self is a directory even root cannot create files in.
    assertThatThrownBy(() -> sox().convert(in, Path.of("/proc/self/out.wav")))
        .isInstanceOfSatisfying(
            SoxException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(SoxException.Kind.BAD_INPUT);
              assertThat(e.getMessage()).contains("/proc/self is not writable");
            });
    assertThat(dir.toFile().list()).allMatch(name -> !name.contains(".roadie-"));
  }

  @Test
  void anUnknownFormatOrExtensionQuotesSox() throws Exception {
    Path in = tone();

    assertThatThrownBy(() -> sox().convert(Map.of("format", "xyz"), in, dir.resolve("out.wav")))
        .hasMessageContaining("no handler for given file type `xyz'");
    assertThatThrownBy(() -> sox().convert(in, dir.resolve("out.xyz")))
        .hasMessageContaining("no handler for file extension `xyz'");
    assertThat(dir.toFile().list()).containsExactlyInAnyOrder("tone.wav", "work");
  }

  @Test
  void anUnknownEffectIsRefusedBeforeSoxRunsWithASuggestion() throws Exception {
    Path in = tone();
    long starts = engine.monitor.processStarts();

    assertThatThrownBy(
            () ->
                sox().convert(Map.of("effects", List.of("hihgpass 100")), in, dir.resolve("o.wav")))
        .hasMessageContaining("unknown effect 'hihgpass'")
        .hasMessageContaining("did you mean 'highpass'");
    assertThat(engine.monitor.processStarts()).isEqualTo(starts);
  }

  @Test
  void aBadEffectOptionQuotesSoxsUsageLine() throws Exception {
    Path in = tone();

    assertThatThrownBy(
            () ->
                sox().convert(Map.of("effects", List.of("rate -x 8000")), in, dir.resolve("o.wav")))
        .isInstanceOfSatisfying(
            SoxException.class,
            e -> {
              assertThat(e.exitCode()).contains(1);
              assertThat(e.getMessage()).contains("sox FAIL rate: unknown option `-x'");
            });
  }

  @Test
  void optionsOutOfRangeNameTheOptionTheValueAndTheRange() throws Exception {
    Path in = tone();

    assertThatThrownBy(() -> sox().convert(Map.of("rate", 5), in, dir.resolve("o.wav")))
        .hasMessageContaining("rate 5 is invalid; it must be from 1000 to 768000");
    assertThatThrownBy(() -> sox().convert(Map.of("chanels", 1), in, dir.resolve("o.wav")))
        .hasMessageContaining("unknown option 'chanels'")
        .hasMessageContaining("did you mean 'channels'");
    assertThatThrownBy(() -> sox().tone(Map.of("wave", "noise"), dir.resolve("t.wav")))
        .hasMessageContaining("wave 'noise' is invalid; it must be one of sine");
    assertThatThrownBy(() -> sox().tone(Map.of("freq", 30000), dir.resolve("t.wav")))
        .hasMessageContaining("below half the rate (24000 Hz)");
  }

  @Test
  void soxsSpecialFileNamesAreNeverInterpreted() throws Exception {
    Path canary = dir.resolve("pwned");
    // sox runs a shell for an input named "|cmd" and globs "t*.wav"; roadie hands it absolute
    // paths and --no-glob, so both are just names of files that do not exist.
    assertThatThrownBy(() -> sox().stats("|touch " + canary))
        .hasMessageContaining("can't open input file");
    assertThat(canary).doesNotExist();

    tone();
    Files.copy(dir.resolve("tone.wav"), dir.resolve("t2.wav"));
    assertThatThrownBy(() -> sox().stats(dir.resolve("t*.wav")))
        .hasMessageContaining("can't open input file")
        .hasMessageContaining("t*.wav");
    assertThatThrownBy(() -> sox().stats("http://example.invalid/a.wav"))
        .hasMessageContaining("a local file");
  }
}
