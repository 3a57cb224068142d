package dev.roadie.sox;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds silent stretches in mono 32-bit float little-endian PCM as sox writes it, window by window,
 * as the bytes arrive: a file of any length takes the same memory. sox itself can trim or split at
 * silence but does not say where the silence is.
 */
final class SilenceDetector extends OutputStream {
  static final int RATE = 16_000;
  private static final int WINDOW = RATE / 100; // 10 ms

  private final double thresholdPower;
  private final double minSeconds;
  private final List<SilentStretch> found = new ArrayList<>();
  private final byte[] pending = new byte[4];
  private int pendingBytes;
  private long samples;
  private double windowPower;
  private int windowSamples;
  private long silentSince = -1;

  SilenceDetector(double thresholdDb, double minSeconds) {
    this.thresholdPower = Math.pow(10, thresholdDb / 10);
    this.minSeconds = minSeconds;
  }

  @Override
  public void write(int b) {
    pending[pendingBytes++] = (byte) b;
    if (pendingBytes == 4) {
      int bits =
          (pending[0] & 0xff)
              | (pending[1] & 0xff) << 8
              | (pending[2] & 0xff) << 16
              | (pending[3] & 0xff) << 24;
      sample(Float.intBitsToFloat(bits));
      pendingBytes = 0;
    }
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      write(bytes[i]);
    }
  }

  private void sample(float value) {
    windowPower += (double) value * value;
    windowSamples++;
    samples++;
    if (windowSamples == WINDOW) {
      endWindow();
    }
  }

  private void endWindow() {
    boolean silent = windowPower / windowSamples < thresholdPower;
    long windowStart = samples - windowSamples;
    if (silent && silentSince < 0) {
      silentSince = windowStart;
    } else if (!silent && silentSince >= 0) {
      close(windowStart);
    }
    windowPower = 0;
    windowSamples = 0;
  }

  private void close(long end) {
    double start = (double) silentSince / RATE;
    double stop = (double) end / RATE;
    if (stop - start >= minSeconds) {
      found.add(new SilentStretch(start, stop));
    }
    silentSince = -1;
  }

  /** The stretches found, including one that runs to the end of the file. */
  List<SilentStretch> stretches() {
    if (windowSamples > 0) {
      endWindow();
    }
    if (silentSince >= 0) {
      close(samples);
    }
    return List.copyOf(found);
  }
}
