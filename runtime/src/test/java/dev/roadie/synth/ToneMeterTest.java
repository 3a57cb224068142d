package dev.roadie.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToneMeterTest {
  @TempDir Path dir;
  final PcmToneMeter meter = new PcmToneMeter();

  /** A stereo 16-bit WAV of a sine at {@code hz} and {@code amplitude} (0..1 of full scale). */
  Path sine(String name, double hz, double amplitude, double seconds) throws IOException {
    int rate = 48000;
    int frames = (int) (rate * seconds);
    ByteBuffer pcm = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < frames; i++) {
      short s = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / rate));
      pcm.putShort(s).putShort(s);
    }
    Path file = dir.resolve(name);
    try (FileChannel out =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      out.write(WavFile.header(rate, 2, frames * 4L));
      out.write(pcm.flip());
    }
    return file;
  }

  @Test
  void aSineAtHalfScaleMeasuresItsLevelAndFrequency() throws IOException {
    ToneLevels levels = meter.measure(sine("a.wav", 1000, 0.5, 1), 0, 10);

    assertThat(levels.peakDb()).isCloseTo(-6.02, offset(0.05));
    assertThat(levels.rmsDb()).isCloseTo(-9.03, offset(0.05));
    assertThat(levels.frequencyHz()).isCloseTo(1000, offset(0.5));
    assertThat(levels.seconds()).isEqualTo(1.0);
  }

  @Test
  void lowAndHighNotesAreFound() throws IOException {
    assertThat(meter.measure(sine("low.wav", 27.5, 0.3, 1), 0, 1).frequencyHz())
        .isCloseTo(27.5, offset(0.1));
    assertThat(meter.measure(sine("high.wav", 4186, 0.3, 1), 0, 1).frequencyHz())
        .isCloseTo(4186, offset(5.0));
  }

  @Test
  void silenceHasNoLevelAndNoPitch() throws IOException {
    ToneLevels levels = meter.measure(sine("quiet.wav", 440, 0, 0.5), 0, 1);

    assertThat(levels.rmsDb()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(levels.unpitched()).isTrue();
    assertThat(levels.toString())
        .isEqualTo("RMS -inf dBFS, peak -inf dBFS, no pitch found (internal meter, 0.50 s)");
  }

  @Test
  void measuringStartsWhereAsked() throws IOException {
    assertThat(meter.measure(sine("b.wav", 440, 0.5, 1), 0.75, 10).seconds()).isEqualTo(0.25);
  }

  @Test
  void aFileThatIsNotAudioIsNamed() throws IOException {
    Path text = Files.writeString(dir.resolve("x.wav"), "hello");

    assertThatThrownBy(() -> meter.measure(text, 0, 1))
        .hasMessage("cannot measure " + text + ": it is not a WAV file Java can read");
    assertThatThrownBy(() -> meter.measure(dir.resolve("no.wav"), 0, 1))
        .hasMessage("cannot measure " + dir.resolve("no.wav") + ": it does not exist");
  }
}
