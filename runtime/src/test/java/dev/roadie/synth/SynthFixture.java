package dev.roadie.synth;

import dev.roadie.config.RoadieConfig.FluidsynthConfig;
import dev.roadie.config.RoadieConfig.SynthConfig;
import dev.roadie.config.RoadieConfig.SynthServiceConfig;
import dev.roadie.run.RecordingRunContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The real soundfont scripts/setup installs, settings around it, and byte surgery on copies. */
final class SynthFixture {
  static final Path REAL_SOUNDFONT = Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2");

  private SynthFixture() {}

  /** Settings with the real soundfont as default and {@code dir} as the only soundfont dir. */
  static SynthConfig config(Path home, Path dir) {
    return new SynthConfig(
        List.of(dir.toString()),
        home.resolve("var/soundfonts"),
        REAL_SOUNDFONT,
        48000,
        Duration.ofMinutes(10),
        new FluidsynthConfig("fluidsynth", "127.0.0.1", 9800, Duration.ofSeconds(5)),
        new SynthServiceConfig("http://127.0.0.1:8080", Duration.ofSeconds(5), 20, 80, 85));
  }

  static Synth synth(Path home, Path dir, RecordingRunContext run) {
    return new Synth(config(home, dir), home, run);
  }

  static byte[] realBytes() {
    try {
      return Files.readAllBytes(REAL_SOUNDFONT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path dir, String name, byte[] bytes) {
    try {
      Files.createDirectories(dir);
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The offset of a chunk's header in a RIFF file: {@code path} names the LIST types and chunk ids
   * from the top, e.g. {@code pdta, shdr}.
   */
  static int chunkOffset(byte[] file, String... path) {
    ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int start = 12;
    int end = file.length;
    int found = -1;
    for (String name : path) {
      found = -1;
      int at = start;
      while (at + 8 <= end) {
        String id = new String(file, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        int size = buffer.getInt(at + 4);
        String listType =
            id.equals("LIST")
                ? new String(file, at + 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1)
                : null;
        if (name.equals(listType)) {
          found = at;
          start = at + 12;
          end = at + 8 + size;
          break;
        }
        if (name.equals(id)) {
          found = at;
          break;
        }
        at += 8 + size + (size & 1);
      }
      if (found < 0) throw new IllegalArgumentException("no chunk " + name);
    }
    return found;
  }

  static void putInt(byte[] file, int at, int value) {
    ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
  }

  static void putAscii(byte[] file, int at, String text) {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    System.arraycopy(bytes, 0, file, at, bytes.length);
  }
}
