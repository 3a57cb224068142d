package dev.roadie.synth;

import static dev.roadie.synth.SynthFixture.REAL_SOUNDFONT;
import static dev.roadie.synth.SynthFixture.chunkOffset;
import static dev.roadie.synth.SynthFixture.putAscii;
import static dev.roadie.synth.SynthFixture.putInt;
import static dev.roadie.synth.SynthFixture.realBytes;
import static dev.roadie.synth.SynthFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoundfontCheckTest {
  @TempDir Path dir;

  @Test
  void theRealSoundfontIsReadWithPresetsInstrumentsAndSamples() {
    Soundfont sf = Sf2Reader.read(REAL_SOUNDFONT);

    assertThat(sf.problems()).isEmpty();
    assertThat(sf.valid()).isTrue();
    assertThat(sf.name()).isEqualTo("TimGM6mb1.sf2");
    assertThat(sf.version()).isEqualTo("2.01");
    assertThat(sf.size()).isEqualTo(5_969_788);
    assertThat(sf.presets()).hasSize(136);
    assertThat(sf.presets().get(0)).isEqualTo(new Preset(0, 0, "Piano 1"));
    assertThat(sf.preset(0, 19)).map(Preset::toString).contains("000-019 Church Organ");
    assertThat(sf.preset(128, 0)).isPresent();
    assertThat(sf.instruments()).isEqualTo(210);
    assertThat(sf.samples()).isEqualTo(520);
    assertThat(sf.toString())
        .isEqualTo(
            "TimGM6mb.sf2: 'TimGM6mb1.sf2', SoundFont 2.01, 136 presets, 520 samples, 6.0 MB");
  }

  @Test
  void aMissingFileSaysItDoesNotExist() {
    assertThat(Sf2Reader.read(dir.resolve("gone.sf2")).problems())
        .containsExactly("does not exist");
  }

  @Test
  void anEmptyFileSaysItIsEmpty() {
    Soundfont sf = Sf2Reader.read(write(dir, "empty.sf2", new byte[0]));

    assertThat(sf.valid()).isFalse();
    assertThat(sf.toString()).isEqualTo("empty.sf2: is empty (0 bytes)");
  }

  @Test
  void aFileCutInHalfIsTruncatedWithBothSizes() {
    byte[] real = realBytes();
    Path half = write(dir, "half.sf2", Arrays.copyOf(real, real.length / 2));

    assertThat(Sf2Reader.read(half).problems())
        .containsExactly(
            "is truncated: its RIFF header declares 5969788 bytes, the file has 2984894");
  }

  @Test
  void aFileCutInsideItsHeaderIsTruncated() {
    Path stub = write(dir, "stub.sf2", Arrays.copyOf(realBytes(), 10));

    assertThat(Sf2Reader.read(stub).problems())
        .containsExactly("is truncated: 10 bytes, shorter than a RIFF header (12 bytes)");
  }

  @Test
  void aTextFileIsNotASoundfont() {
    Path text = write(dir, "notes.sf2", "hello world\n".getBytes(StandardCharsets.US_ASCII));

    assertThat(Sf2Reader.read(text).problems())
        .containsExactly("is not a SoundFont: it starts with 'hello wo', not 'RIFF'");
  }

  @Test
  void aMidiFileIsNamedAsOne() {
    byte[] midi = {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 0, 0, 1, 0, 96};

    assertThat(Sf2Reader.read(write(dir, "song.sf2", midi)).problems())
        .containsExactly("is not a SoundFont: it is a MIDI file (starts with 'MThd')");
  }

  @Test
  void aWavFileIsARiffFileOfAnotherType() {
    byte[] wav = Arrays.copyOf(realBytes(), 64);
    putAscii(wav, 8, "WAVE");

    assertThat(Sf2Reader.read(write(dir, "tone.sf2", wav)).problems())
        .containsExactly(
            "is a RIFF file of type 'WAVE' (a WAV audio file), not a SoundFont ('sfbk')");
  }

  @Test
  void binaryJunkIsShownAsBytes() {
    byte[] junk = {0, 1, 2, (byte) 0xff, 4, 5, 6, 7, 8};

    assertThat(Sf2Reader.read(write(dir, "junk.sf2", junk)).problems())
        .containsExactly(
            "is not a SoundFont: it starts with bytes 00 01 02 ff 04 05 06 07, not 'RIFF'");
  }

  @Test
  void aSoundfontWithoutPresetDataSaysWhichListIsMissing() {
    byte[] real = realBytes();
    putAscii(real, chunkOffset(real, "pdta") + 8, "pdtX");

    assertThat(Sf2Reader.read(write(dir, "nopdta.sf2", real)).problems())
        .containsExactly("has no preset data (no 'pdta' list)");
  }

  @Test
  void aMissingPresetChunkIsNamed() {
    byte[] real = realBytes();
    putAscii(real, chunkOffset(real, "pdta", "shdr"), "shdX");

    assertThat(Sf2Reader.read(write(dir, "noshdr.sf2", real)).problems())
        .containsExactly("has no 'shdr' chunk in its preset data");
  }

  @Test
  void aChunkLongerThanItsListIsReportedWithItsOffset() {
    byte[] real = realBytes();
    int phdr = chunkOffset(real, "pdta", "phdr");
    putInt(real, phdr + 4, 1 << 24);

    assertThat(Sf2Reader.read(write(dir, "long.sf2", real)).problem())
        .startsWith(
            "its 'phdr' chunk at offset "
                + phdr
                + " declares 16777216 bytes, past the end of pdta");
  }

  @Test
  void presetHeadersOfTheWrongSizeAreReported() {
    byte[] real = realBytes();
    int phdr = chunkOffset(real, "pdta", "phdr");
    // One byte less: the odd size is padded, so the chunks after it stay where they are.
    int size =
        java.nio.ByteBuffer.wrap(real).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(phdr + 4);
    putInt(real, phdr + 4, size - 1);

    assertThat(Sf2Reader.read(write(dir, "odd.sf2", real)).problems())
        .containsExactly(
            "its 'phdr' chunk is " + (size - 1) + " bytes, not a whole number of 38-byte records");
  }

  @Test
  void aSampleEndingPastTheSampleDataIsNamed() {
    byte[] real = realBytes();
    int shdr = chunkOffset(real, "pdta", "shdr") + 8;
    String name = new String(real, shdr, 20, StandardCharsets.ISO_8859_1).replace("\0", "").strip();
    putInt(real, shdr + 24, 99_999_999);

    Soundfont sf = Sf2Reader.read(write(dir, "badsample.sf2", real));

    assertThat(sf.valid()).isFalse();
    assertThat(sf.problems())
        .containsExactly(
            "sample '" + name + "' ends at point 99999999, past the 2882168 points of sample data");
    assertThat(sf.presets()).hasSize(136);
  }

  @Test
  void aDirectoryIsNotAFile() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("fonts.sf2"));

    assertThat(Sf2Reader.read(sub).problems()).containsExactly("is a directory, not a file");
  }
}
