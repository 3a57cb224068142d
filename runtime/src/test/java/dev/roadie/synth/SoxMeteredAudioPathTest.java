package dev.roadie.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.config.ConfigLoader;
import dev.roadie.config.LoadedConfig;
import dev.roadie.run.RecordingRunContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synth binding measures the audio path with sox when sox is there, and without it when not.
 */
class SoxMeteredAudioPathTest {
  @TempDir Path home;

  private Synth synth(Map<String, String> env) {
    LoadedConfig config = ConfigLoader.load(home, null, env);
    return (Synth)
        new SynthProvider().create(config, new RecordingRunContext(home.resolve("work"), false));
  }

  @Test
  void theAudioPathIsMeasuredWithSoxStats() {
    AudioPathCheck check = synth(Map.of()).checkAudioPath();

    assertThat(check.passed()).as(check.toString()).isTrue();
    assertThat(check.levels().meter()).isEqualTo("sox");
    assertThat(check.levels().rmsDb()).isBetween(-35.0, 0.0);
  }

  @Test
  void withoutSoxTheBuiltInMeterMeasuresAndSaysSo() {
    AudioPathCheck check =
        synth(Map.of("ROADIE_SOX_BINARY", home.resolve("no-sox").toString())).checkAudioPath();

    assertThat(check.passed()).as(check.toString()).isTrue();
    assertThat(check.levels().meter()).isEqualTo("internal (sox unavailable)");
  }
}
