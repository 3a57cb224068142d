package dev.roadie.synth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The canonical 44-byte header of a 16-bit PCM WAV file: written before the samples are known and
 * sized afterwards, and repaired for a file whose writer was killed before it could size it (a
 * FluidSynth server stopped by a signal leaves its sizes at 0).
 */
final class WavFile {
  static final int HEADER_BYTES = 44;

  private WavFile() {}

  static ByteBuffer header(int sampleRate, int channels, long dataBytes) {
    int blockAlign = channels * 2;
    ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes));
    h.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    h.putShort((short) 1).putShort((short) channels).putInt(sampleRate);
    h.putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) 16);
    h.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
    return h.flip();
  }

  /**
   * Sets the RIFF and data sizes of a canonical WAV file to what the file holds. Does nothing to a
   * file without the canonical layout.
   *
   * @return true when the header was changed
   */
  static boolean repairSizes(Path file) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      if (channel.size() < HEADER_BYTES) return false;
      ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(h, 0);
      String riff = new String(h.array(), 0, 4, StandardCharsets.US_ASCII);
      String wave = new String(h.array(), 8, 4, StandardCharsets.US_ASCII);
      String data = new String(h.array(), 36, 4, StandardCharsets.US_ASCII);
      if (!riff.equals("RIFF") || !wave.equals("WAVE") || !data.equals("data")) return false;
      int blockAlign = Math.max(1, h.getShort(32));
      long dataBytes = (channel.size() - HEADER_BYTES) / blockAlign * blockAlign;
      if (h.getInt(4) == (int) (36 + dataBytes) && h.getInt(40) == (int) dataBytes) return false;
      ByteBuffer sizes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      channel.write(sizes.putInt(0, (int) (36 + dataBytes)), 4);
      channel.write(sizes.clear().putInt(0, (int) dataBytes), 40);
      return true;
    }
  }
}
