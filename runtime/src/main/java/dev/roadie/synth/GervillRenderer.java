package dev.roadie.synth;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sound.midi.Instrument;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Receiver;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;

/**
 * Renders a {@link MidiTimeline} to a 16-bit stereo WAV file with Gervill, in the calling thread,
 * as fast as the CPU allows. Only the presets the timeline plays are loaded. Soundbanks are parsed
 * once per process and file version and shared: a render reads them, never changes them.
 */
final class GervillRenderer {
  /** A level below this (about -84 dBFS, 2 of 32768) counts as silence. */
  static final int SILENT_BELOW = 2;

  private static final int CHANNELS = 2;
  private static final int CHUNK_FRAMES = 2048;
  private static final int MOST_CACHED_SOUNDBANKS = 4;
  private static final Map<SoundbankKey, Soundbank> SOUNDBANKS = new ConcurrentHashMap<>();

  private final int sampleRate;

  GervillRenderer(int sampleRate) {
    this.sampleRate = sampleRate;
  }

  /**
   * What a render wrote.
   *
   * @param peak the largest sample magnitude, 0 to 32768
   */
  record Rendered(Path file, long frames, int sampleRate, int peak) {
    double seconds() {
      return frames / (double) sampleRate;
    }

    boolean silent() {
      return peak < SILENT_BELOW;
    }
  }

  /**
   * Renders the timeline's length, then, up to {@code maxTailMicros} more, for as long as the sound
   * of released notes goes on. Writes a temporary file beside {@code out} and renames it, so a
   * failed render leaves nothing under the final name.
   */
  Rendered render(Path soundfont, MidiTimeline timeline, long maxTailMicros, Path out) {
    Soundbank soundbank = soundbank(soundfont);
    AudioFormat format = new AudioFormat(sampleRate, 16, CHANNELS, true, false);
    Map<String, Object> properties =
        Map.of("interpolation", "linear", "max polyphony", 256, "load default soundbank", false);
    Path temp = out.resolveSibling("." + out.getFileName() + ".part");
    try (GervillAccess.Opened synth = GervillAccess.open(format, properties)) {
      load(synth.synthesizer(), soundbank, timeline);
      Receiver receiver = synth.synthesizer().getReceiver();
      for (MidiTimeline.Timed event : timeline.events()) {
        receiver.send(event.message(), event.micros());
      }
      long frames;
      int peak;
      try (FileChannel file =
          FileChannel.open(
              temp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        file.write(WavFile.header(sampleRate, CHANNELS, 0), 0);
        file.position(WavFile.HEADER_BYTES);
        Pump pump = new Pump(synth.stream(), file);
        pump.frames(Math.round(timeline.lengthMicros() * sampleRate / 1e6));
        long tailChunks = Math.round(maxTailMicros * sampleRate / 1e6) / CHUNK_FRAMES;
        for (long i = 0; i < tailChunks && pump.lastChunkPeak >= SILENT_BELOW; i++) {
          pump.frames(CHUNK_FRAMES);
        }
        frames = pump.frames;
        peak = pump.peak;
        file.write(WavFile.header(sampleRate, CHANNELS, frames * CHANNELS * 2), 0);
      }
      Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new Rendered(out, frames, sampleRate, peak);
    } catch (java.io.InterruptedIOException | java.nio.channels.ClosedByInterruptException e) {
      throw new SynthException("the render to " + out + " was interrupted", e);
    } catch (IOException e) {
      throw new SynthException("cannot write the render to " + out + ": " + e.getMessage(), e);
    } catch (javax.sound.midi.MidiUnavailableException e) {
      throw new SynthException("the JDK's synthesizer has no receiver: " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // a stray temporary file is named as one; nothing to report over the render's own error
      }
    }
  }

  /** Copies PCM from the synthesizer's stream to the file, keeping the peak. */
  private static final class Pump {
    private final InputStream in;
    private final FileChannel out;
    private final byte[] buffer = new byte[CHUNK_FRAMES * CHANNELS * 2];
    long frames;
    int peak;
    int lastChunkPeak = Integer.MAX_VALUE;

    Pump(InputStream in, FileChannel out) {
      this.in = in;
      this.out = out;
    }

    void frames(long count) throws IOException {
      long left = count;
      while (left > 0) {
        // A step's timeout interrupts its thread; a long render must end then, not run on.
        if (Thread.currentThread().isInterrupted()) {
          throw new java.io.InterruptedIOException("interrupted");
        }
        int want = (int) Math.min(left, CHUNK_FRAMES) * CHANNELS * 2;
        int got = in.readNBytes(buffer, 0, want);
        if (got <= 0) {
          throw new IOException("the synthesizer's stream ended early");
        }
        int chunkPeak = 0;
        for (int i = 0; i + 1 < got; i += 2) {
          chunkPeak =
              Math.max(chunkPeak, Math.abs((short) ((buffer[i] & 0xff) | (buffer[i + 1] << 8))));
        }
        lastChunkPeak = chunkPeak;
        peak = Math.max(peak, chunkPeak);
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, got);
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        frames += got / (CHANNELS * 2);
        left -= got / (CHANNELS * 2);
      }
    }
  }

  private static void load(Synthesizer synthesizer, Soundbank soundbank, MidiTimeline timeline) {
    for (Instrument instrument : soundbank.getInstruments()) {
      javax.sound.midi.Patch patch = instrument.getPatch();
      int bank = percussion(patch) ? MidiTimeline.DRUM_BANK : patch.getBank() >> 7;
      if (timeline.presets().contains(new MidiTimeline.PresetKey(bank, patch.getProgram()))) {
        synthesizer.loadInstrument(instrument);
      }
    }
  }

  /** Gervill marks a drum kit on its own patch class, not in the bank number. */
  private static boolean percussion(javax.sound.midi.Patch patch) {
    try {
      Method isPercussion = patch.getClass().getMethod("isPercussion");
      return (Boolean) isPercussion.invoke(patch);
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  private static Soundbank soundbank(Path soundfont) {
    SoundbankKey key;
    try {
      key =
          new SoundbankKey(
              soundfont.toRealPath(), Files.size(soundfont), Files.getLastModifiedTime(soundfont));
    } catch (IOException e) {
      throw new SynthException("cannot read soundfont " + soundfont + ": " + e.getMessage(), e);
    }
    Soundbank cached = SOUNDBANKS.get(key);
    if (cached != null) {
      return cached;
    }
    try {
      Soundbank loaded = MidiSystem.getSoundbank(key.path().toFile());
      if (SOUNDBANKS.size() >= MOST_CACHED_SOUNDBANKS) {
        SOUNDBANKS.clear();
      }
      SOUNDBANKS.put(key, loaded);
      return loaded;
    } catch (InvalidMidiDataException | IOException e) {
      throw new SynthException(
          "the JDK's synthesizer cannot load soundfont " + soundfont + ": " + e.getMessage(), e);
    }
  }

  private record SoundbankKey(Path path, long size, FileTime modified) {}
}
