package dev.roadie.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.run.RecordingRunContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenderTest {
  @TempDir Path home;
  Synth synth;

  @BeforeEach
  void setUp() {
    synth =
        SynthFixture.synth(
            home, home.resolve("fonts"), new RecordingRunContext(home.resolve("run"), false));
  }

  @Test
  void aNoteRendersToAWavFileAtTheConfiguredRateInTheRunsWorkDir() throws Exception {
    Path wav = synth.render(Map.of("note", 69, "seconds", 0.5, "program", 80));

    assertThat(wav).isEqualTo(home.resolve("run/synth/note-69-v100-b0-p80-0.5s.wav"));
    AudioFileFormat format = AudioSystem.getAudioFileFormat(wav.toFile());
    assertThat(format.getType()).isEqualTo(AudioFileFormat.Type.WAVE);
    assertThat(format.getFormat().getSampleRate()).isEqualTo(48000f);
    assertThat(format.getFormat().getChannels()).isEqualTo(2);
    assertThat(format.getFormat().getSampleSizeInBits()).isEqualTo(16);
    assertThat(format.getFrameLength()).isEqualTo(24000);
    assertThat(synth.measure(wav).rmsDb()).isGreaterThan(-40);
  }

  @Test
  void theSampleRateIsTheConfiguredOne() throws Exception {
    var config = SynthFixture.config(home, home);
    var at44k =
        new dev.roadie.config.RoadieConfig.SynthConfig(
            config.soundfontDirs(),
            config.installDir(),
            config.defaultSoundfont(),
            44100,
            config.maxRender(),
            config.fluidsynth(),
            config.service());
    Synth synth44 = new Synth(at44k, home, new RecordingRunContext(home.resolve("run"), false));

    Path wav = synth44.render(Map.of("note", 60, "seconds", 0.25));

    assertThat(AudioSystem.getAudioFileFormat(wav.toFile()).getFormat().getSampleRate())
        .isEqualTo(44100f);
  }

  @Test
  void aSecondRenderOfTheSameNoteGetsItsOwnFile() {
    Path first = synth.render(Map.of("note", 60, "seconds", 0.1));
    Path second = synth.render(Map.of("note", 60, "seconds", 0.1));

    assertThat(second.getFileName().toString()).isEqualTo("note-60-v100-b0-p0-0.1s-2.wav");
    assertThat(first).exists();
  }

  @Test
  void drumsPlayFromBank128() {
    Path wav = synth.render(Map.of("note", 38, "bank", 128, "seconds", 0.3));

    assertThat(synth.measure(wav).peakDb()).isGreaterThan(-40);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          note: 128     | synth.render: note 128 is outside 0..127
          note: -1      | synth.render: note -1 is outside 0..127
          velocity: 0   | synth.render: velocity 0 is outside 1..127
          velocity: 128 | synth.render: velocity 128 is outside 1..127
          program: 128  | synth.render: program 128 is outside 0..127
          seconds: 0    | synth.render: seconds 0 is outside 0.01..600.0
          seconds: 601  | synth.render: seconds 601 is outside 0.01..600.0
          """)
  void anArgumentOutOfRangeIsRefusedWithItsRange(String arg, String message) {
    String[] kv = arg.split(": ");
    Map<String, Object> args = new java.util.HashMap<>(Map.of("note", 60));
    args.put(kv[0], Integer.valueOf(kv[1]));

    assertThatThrownBy(() -> synth.render(args))
        .isInstanceOf(SynthException.class)
        .hasMessage(message);
  }

  @Test
  void aNoteIsRequiredAndAMistypedArgumentIsNamed() {
    assertThatThrownBy(() -> synth.render(Map.of("seconds", 1)))
        .hasMessage("synth.render needs a note: synth.render(note: 69) plays A4 (440 Hz)");
    assertThatThrownBy(() -> synth.render(Map.of("note", 60, "velocty", 90)))
        .hasMessage(
            "synth.render takes no argument 'velocty'; did you mean 'velocity'?; it takes bank,"
                + " note, program, seconds, soundfont, velocity");
    assertThatThrownBy(() -> synth.render(Map.of("note", "C4")))
        .hasMessage("synth.render: note must be a whole number, not C4");
  }

  @Test
  void aPresetTheSoundfontLacksIsNamedWithTheBanksItHas() {
    assertThatThrownBy(() -> synth.render(Map.of("note", 60, "bank", 5)))
        .hasMessage("TimGM6mb.sf2 has no preset at bank 5 program 0; its banks are 0, 128");
  }

  @Test
  void aSilentRenderOfAValidNoteIsAnError() {
    assertThatThrownBy(() -> synth.render(Map.of("note", 60, "velocity", 1)))
        .hasMessage(
            "the render of note 60 (velocity 1, bank 0 program 0 'Piano 1') with TimGM6mb.sf2 is"
                + " silent (peak below -84.3 dBFS); a velocity this low is quieter than 16-bit"
                + " audio can hold");
    assertThat(home.resolve("run/synth")).isEmptyDirectory();
  }

  @Test
  void aBrokenSoundfontIsRefusedBeforeRendering() {
    byte[] real = SynthFixture.realBytes();
    Path half = SynthFixture.write(home.resolve("fonts"), "half.sf2", Arrays.copyOf(real, 1000));

    assertThatThrownBy(() -> synth.render(Map.of("note", 60, "soundfont", half)))
        .hasMessage(
            "cannot render with soundfont "
                + half
                + ": it is truncated: its RIFF header declares 5969788 bytes, the file has 1000");
  }

  @Test
  void aMidiFileRendersForItsLengthPlusTheRingOfItsLastNotes() throws Exception {
    Path mid =
        new Midi()
            .tempo(0, 500_000)
            .program(0, 0, 0)
            .note(0, 60, 100, 0, 480)
            .note(0, 64, 100, 480, 960)
            .note(9, 36, 110, 0, 120)
            .write(home.resolve("two-beats.mid"));

    Path wav = synth.render(mid);

    assertThat(wav.getFileName().toString()).isEqualTo("two-beats.wav");
    double seconds = synth.measure(wav).seconds();
    assertThat(seconds).isGreaterThan(1.0).isLessThan(6.1);
    assertThat(synth.measure(wav).peakDb()).isGreaterThan(-40);
  }

  @Test
  void aTempoChangeIsFollowed() {
    // Two quarter notes at 120 bpm, then a tempo of 2 s per quarter note for the last one.
    MidiTimeline timeline =
        MidiTimeline.of(
            new Midi()
                .note(0, 60, 100, 0, 960)
                .tempo(960, 2_000_000)
                .note(0, 62, 100, 960, 1440)
                .sequence());

    assertThat(timeline.lengthMicros()).isEqualTo(3_000_000);
    assertThat(timeline.notes()).isEqualTo(2);
  }

  @Test
  void aMissingNonMidiOrEmptyMidiFileIsRefused() throws Exception {
    Path text = Files.writeString(home.resolve("notes.mid"), "not midi");
    Path empty = new Midi().program(0, 1, 0).write(home.resolve("empty.mid"));

    assertThatThrownBy(() -> synth.render(home.resolve("gone.mid")))
        .hasMessage("cannot render " + home.resolve("gone.mid") + ": it does not exist");
    assertThatThrownBy(() -> synth.render(text))
        .hasMessageStartingWith("cannot render " + text + ": it is not a MIDI file (");
    assertThatThrownBy(() -> synth.render(empty))
        .hasMessage("cannot render " + empty + ": it has no notes");
  }

  @Test
  void rendersFromSeveralThreadsAtOnceShareTheSoundfontSafely() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var renders = new java.util.ArrayList<java.util.concurrent.Future<Path>>();
      for (int i = 0; i < 8; i++) {
        int note = 60 + i;
        renders.add(
            pool.submit(() -> synth.render(Map.of("note", note, "seconds", 0.3, "program", 80))));
      }
      for (int i = 0; i < renders.size(); i++) {
        ToneLevels levels =
            synth.measure(renders.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS));
        assertThat(levels.frequencyHz())
            .isCloseTo(
                440 * Math.pow(2, (60 + i - 69) / 12.0),
                org.assertj.core.data.Percentage.withPercentage(1));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anInterruptedRenderStopsAndLeavesNoFile() throws Exception {
    // Ten minutes of a held organ chord: far longer than the test waits.
    Path mid =
        new Midi()
            .program(0, 19, 0)
            .note(0, 60, 100, 0, 480L * 2 * 600)
            .write(home.resolve("long.mid"));
    var failure = new java.util.concurrent.CompletableFuture<Throwable>();
    Thread render =
        new Thread(
            () -> {
              try {
                synth.render(mid);
                failure.complete(null);
              } catch (Throwable e) {
                failure.complete(e);
              }
            });
    render.start();
    Poll.until(() -> Files.isDirectory(home.resolve("run/synth")), "the render to start");
    render.interrupt();

    assertThat(failure.get(10, java.util.concurrent.TimeUnit.SECONDS))
        .isInstanceOf(SynthException.class)
        .hasMessage("the render to " + home.resolve("run/synth/long.wav") + " was interrupted");
    try (var left = Files.list(home.resolve("run/synth"))) {
      assertThat(left).isEmpty();
    }
  }
}
