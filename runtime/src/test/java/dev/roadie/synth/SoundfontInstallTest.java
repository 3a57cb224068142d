package dev.roadie.synth;

import static dev.roadie.synth.SynthFixture.REAL_SOUNDFONT;
import static dev.roadie.synth.SynthFixture.realBytes;
import static dev.roadie.synth.SynthFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.run.Mutation;
import dev.roadie.run.RecordingRunContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoundfontInstallTest {
  @TempDir Path home;

  private Path fonts() {
    return home.resolve("fonts");
  }

  private Path installed(String name) {
    return home.resolve("var/soundfonts").resolve(name);
  }

  @Test
  void soundfontsListsEveryFileInTheDirectoriesBrokenOnesWithTheirProblem() {
    write(fonts(), "good.sf2", realBytes());
    write(fonts(), "empty.sf2", new byte[0]);
    write(fonts(), "readme.txt", new byte[] {1});
    Synth synth =
        SynthFixture.synth(home, fonts(), new RecordingRunContext(home.resolve("run"), false));

    assertThat(synth.soundfonts())
        .extracting(Soundfont::toString)
        .containsExactly(
            "empty.sf2: is empty (0 bytes)",
            "good.sf2: 'TimGM6mb1.sf2', SoundFont 2.01, 136 presets, 520 samples, 6.0 MB");
  }

  @Test
  void soundfontsSkipsDirectoriesThatDoNotExist() {
    Synth synth =
        SynthFixture.synth(home, home.resolve("none"), new RecordingRunContext(home, false));

    assertThat(synth.soundfonts()).isEmpty();
    assertThat(synth.soundfontDirs()).containsExactly(installed(""), home.resolve("none"));
  }

  @Test
  void aBareNameIsFoundInTheSoundfontDirectories() {
    write(fonts(), "gm.sf2", realBytes());
    Synth synth = SynthFixture.synth(home, fonts(), new RecordingRunContext(home, false));

    assertThat(synth.soundfont("gm.sf2").path()).isEqualTo(fonts().resolve("gm.sf2"));
    assertThat(synth.soundfont("other.sf2").problems()).containsExactly("does not exist");
  }

  @Test
  void installCopiesTheFileIntoPlaceAsARecordedChange() throws Exception {
    RecordingRunContext run = new RecordingRunContext(home.resolve("run"), false);
    Synth synth = SynthFixture.synth(home, fonts(), run);

    Soundfont result = synth.install(REAL_SOUNDFONT);

    assertThat(result.path()).isEqualTo(installed("TimGM6mb.sf2"));
    assertThat(result.valid()).isTrue();
    assertThat(Files.mismatch(REAL_SOUNDFONT, installed("TimGM6mb.sf2"))).isEqualTo(-1);
    assertThat(run.mutations())
        .extracting(Mutation::target, Mutation::description, Mutation::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                installed("TimGM6mb.sf2").toString(),
                "install soundfont 'TimGM6mb1.sf2' (136 presets) from " + REAL_SOUNDFONT,
                Mutation.Outcome.DONE));
    try (Stream<Path> left = Files.list(installed(""))) {
      assertThat(left).containsExactly(installed("TimGM6mb.sf2"));
    }
    assertThat(synth.soundfonts()).extracting(Soundfont::path).contains(installed("TimGM6mb.sf2"));
  }

  @Test
  void installingTheSameFileAgainChangesNothing() {
    RecordingRunContext run = new RecordingRunContext(home.resolve("run"), false);
    Synth synth = SynthFixture.synth(home, fonts(), run);
    synth.install(REAL_SOUNDFONT);

    synth.install(REAL_SOUNDFONT.toString());

    assertThat(run.mutations()).hasSize(1);
  }

  @Test
  void installOverADifferentFileSaysItReplacesIt() {
    write(installed(""), "TimGM6mb.sf2", Arrays.copyOf(realBytes(), 100));
    RecordingRunContext run = new RecordingRunContext(home.resolve("run"), false);

    SynthFixture.synth(home, fonts(), run).install(REAL_SOUNDFONT);

    assertThat(run.mutations().get(0).description())
        .startsWith("replace soundfont with 'TimGM6mb1");
    assertThat(Sf2Reader.read(installed("TimGM6mb.sf2")).valid()).isTrue();
  }

  @Test
  void aDryRunInstallChecksTheFileButCopiesNothing() {
    RecordingRunContext run = new RecordingRunContext(home.resolve("run"), true);

    Soundfont checked = SynthFixture.synth(home, fonts(), run).install(REAL_SOUNDFONT);

    assertThat(checked.path()).isEqualTo(REAL_SOUNDFONT);
    assertThat(run.mutations())
        .extracting(Mutation::outcome)
        .containsExactly(Mutation.Outcome.WOULD_DO);
    assertThat(installed("TimGM6mb.sf2")).doesNotExist();
  }

  @Test
  void aBrokenFileIsRefusedAndTheInstalledOneIsLeftAsItWas() throws Exception {
    RecordingRunContext run = new RecordingRunContext(home.resolve("run"), false);
    Synth synth = SynthFixture.synth(home, fonts(), run);
    Path good = write(home.resolve("new"), "gm.sf2", realBytes());
    synth.install(good);
    byte[] real = realBytes();
    Path broken = write(home.resolve("newer"), "gm.sf2", Arrays.copyOf(real, real.length / 2));

    assertThatThrownBy(() -> synth.install(broken))
        .isInstanceOf(SynthException.class)
        .hasMessage(
            "cannot install "
                + broken
                + ": it is truncated: its RIFF header declares 5969788 bytes, the file has 2984894");
    assertThat(Files.mismatch(good, installed("gm.sf2"))).isEqualTo(-1);
    assertThat(run.mutations()).hasSize(1);
  }

  @Test
  void aMissingFileIsRefused() {
    Synth synth = SynthFixture.synth(home, fonts(), new RecordingRunContext(home, false));

    assertThatThrownBy(() -> synth.install(home.resolve("nope.sf2")))
        .hasMessage("cannot install " + home.resolve("nope.sf2") + ": it does not exist");
  }
}
