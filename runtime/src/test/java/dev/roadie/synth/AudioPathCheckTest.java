package dev.roadie.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.run.RecordingRunContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioPathCheckTest {
  @TempDir Path home;
  Synth synth;

  @BeforeEach
  void setUp() {
    synth =
        SynthFixture.synth(
            home, home.resolve("fonts"), new RecordingRunContext(home.resolve("run"), false));
  }

  @Test
  void theDefaultCheckRendersA4AndFindsItsLevelAndPitch() {
    AudioPathCheck check = synth.checkAudioPath();

    assertThat(check.passed()).as(check.toString()).isTrue();
    assertThat(check.failures()).isEmpty();
    assertThat(check.levels().frequencyHz())
        .isCloseTo(440, org.assertj.core.data.Offset.offset(3.0));
    assertThat(Math.abs(check.centsOff())).isLessThan(10);
    assertThat(check.levels().rmsDb()).isBetween(-35.0, -10.0);
    assertThat(check.levels().meter()).isEqualTo("internal");
    assertThat(check.file()).exists();
    assertThat(check.toString())
        .startsWith("audio path ok: note 69 expected 440.0 Hz, measured 44")
        .contains(" cents), RMS -")
        .endsWith("(internal meter, 0.80 s)");
  }

  @Test
  void aToneQuieterThanTheLimitFails() {
    AudioPathCheck check = synth.checkAudioPath(Map.of("minRmsDb", -10));

    assertThat(check.passed()).isFalse();
    assertThat(check.failures())
        .singleElement()
        .asString()
        .matches("RMS -\\d+\\.\\d dBFS is below -10.0 dBFS");
    assertThat(check.toString()).startsWith("audio path FAILED: RMS -");
  }

  @Test
  void aToneAtTheWrongPitchFails() {
    // The church organ sounds a stop an octave below the key, so its pitch is 220 Hz, not 440.
    AudioPathCheck check = synth.checkAudioPath(Map.of("program", 19));

    assertThat(check.passed()).isFalse();
    assertThat(check.failures())
        .singleElement()
        .asString()
        .matches("pitch 2\\d\\d\\.\\d Hz is -1\\d{3} cents from 440.0 Hz, more than 25");
  }

  @Test
  void aRenderThatCannotBeMadeIsAFailedCheckNotAnException() {
    AudioPathCheck check = synth.checkAudioPath(Map.of("soundfont", home.resolve("none.sf2")));

    assertThat(check.passed()).isFalse();
    assertThat(check.levels()).isNull();
    assertThat(check.toString())
        .isEqualTo(
            "audio path FAILED: cannot render with soundfont "
                + home.resolve("none.sf2")
                + ": it does not exist -- note 69 expected 440.0 Hz");
  }

  @Test
  void anotherMeterCanBePluggedIn() {
    ToneMeter fixed =
        new ToneMeter() {
          @Override
          public String name() {
            return "sox";
          }

          @Override
          public ToneLevels measure(Path wav, double fromSeconds, double seconds) {
            return new ToneLevels(seconds, -20, -10, 440, name());
          }
        };

    AudioPathCheck check = synth.withMeter(fixed).checkAudioPath();

    assertThat(check.toString())
        .isEqualTo(
            "audio path ok: note 69 expected 440.0 Hz, measured 440.0 Hz (+0 cents), RMS -20.0"
                + " dBFS, peak -10.0 dBFS (sox meter, 0.80 s)");
  }
}
