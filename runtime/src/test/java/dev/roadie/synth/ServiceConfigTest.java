package dev.roadie.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceConfigTest {
  @TempDir Path dir;

  private ServiceConfigReport validate(String yaml) throws Exception {
    return ServiceConfigValidator.validate(Files.writeString(dir.resolve("config.yaml"), yaml));
  }

  @Test
  void theGuidesConfigurationIsValid() throws Exception {
    ServiceConfigReport report =
        validate(
            """
            audio:
              driver: pipewire
              sample_rate: 48000
              buffer_size: 256
              soundfont: /usr/share/sounds/sf2/TimGM6mb.sf2
            performance:
              enable_profiling: false
            midi:
              input_enabled: true
              auto_connect: true
              port_filter: "Framework|Piano|Keyboard"
            touchpad:
              enabled: true
              smoothing: 0.85
              pressure_threshold: 0.1
            """);

    assertThat(report.problems()).isEmpty();
    assertThat(report.valid()).isTrue();
  }

  @Test
  void everyBrokenRuleNamesFileLineKeyAndRule() throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.write(dir.resolve("half.sf2"), java.util.Arrays.copyOf(SynthFixture.realBytes(), 100));

    ServiceConfigReport report =
        validate(
            """
            audio:
              driver: pipewires
              sample_rate: 1000000
              buffer_size: 300
              soundfont: half.sf2
              volume: 3
            midi:
              input_enabled: yes please
              port_filter: "Framework|(Piano"
              channel: 17
            touchpad:
              smoothing: 1.5
              pressure_threshold: low
            """);

    assertThat(report.problems())
        .containsExactly(
            file + ":6:3: audio.volume: unknown key 'volume'",
            file
                + ":2:11: audio.driver: 'pipewires' is not one of pipewire, pulseaudio, jack, alsa;"
                + " did you mean 'pipewire'?",
            file + ":3:16: audio.sample_rate: 1000000 is above the maximum of 192000",
            file + ":4:16: audio.buffer_size: 300 is not a power of two (64, 128, 256 ...)",
            file
                + ":5:14: audio.soundfont: half.sf2 is truncated: its RIFF header declares 5969788"
                + " bytes, the file has 100",
            file + ":8:18: midi.input_enabled: 'yes please' is not true or false",
            file + ":10:12: midi.channel: 17 is above the maximum of 16",
            file
                + ":9:16: midi.port_filter: 'Framework|(Piano' is not a valid pattern: Unclosed group",
            file + ":12:14: touchpad.smoothing: 1.5 is outside 0.0..1.0",
            file + ":13:23: touchpad.pressure_threshold: 'low' is not a number");
  }

  @Test
  void aMissingSoundfontAndDriverAreNamed() throws Exception {
    Path file = dir.resolve("config.yaml");

    assertThat(validate("audio:\n  sample_rate: 48000\n").problems())
        .containsExactly(
            file + ":2:3: audio.driver: is missing", file + ":2:3: audio.soundfont: is missing");
    assertThat(validate("audio:\n  driver: alsa\n  soundfont: /nonexistent.sf2\n").problems())
        .containsExactly(file + ":3:14: audio.soundfont: /nonexistent.sf2 does not exist");
  }

  @Test
  void invalidYamlAndAMissingFileAreReported() throws Exception {
    Path file = dir.resolve("config.yaml");

    assertThat(validate("audio:\n  driver: [alsa\n").problems())
        .singleElement()
        .asString()
        .startsWith(file + ":3:1: not valid YAML: ");
    assertThat(ServiceConfigValidator.validate(dir.resolve("none.yaml")).problems())
        .containsExactly(dir.resolve("none.yaml") + ": does not exist");
  }
}
