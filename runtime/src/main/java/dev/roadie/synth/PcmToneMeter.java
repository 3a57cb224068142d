package dev.roadie.synth;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * The built-in {@link ToneMeter}: RMS and peak over every sample of every channel (as {@code sox
 * stats} reports them), and the fundamental frequency of the channels' mix by the YIN method (de
 * Cheveigné and Kawahara, 2002), which does not mistake a strong harmonic for the pitch.
 */
final class PcmToneMeter implements ToneMeter {
  private static final double FULL_SCALE = 32768.0;
  private static final double LOWEST_HZ = 25; // below A0 (27.5 Hz)
  private static final double YIN_THRESHOLD = 0.15;
  private static final double PITCH_WINDOW_SECONDS = 0.1;

  @Override
  public String name() {
    return "internal";
  }

  @Override
  public ToneLevels measure(Path wav, double fromSeconds, double seconds) {
    if (!Files.isRegularFile(wav)) {
      throw new SynthException("cannot measure " + wav + ": it does not exist");
    }
    try (InputStream file = new BufferedInputStream(Files.newInputStream(wav));
        AudioInputStream in = pcm16(AudioSystem.getAudioInputStream(file))) {
      AudioFormat format = in.getFormat();
      int channels = format.getChannels();
      float rate = format.getSampleRate();
      long skipBytes = (long) (fromSeconds * rate) * channels * 2;
      for (long skipped = 0, n; skipped < skipBytes; skipped += n) {
        if ((n = in.skip(skipBytes - skipped)) <= 0) break;
      }
      int frames = (int) Math.min(Integer.MAX_VALUE / 8, (long) (seconds * rate));
      byte[] bytes = in.readNBytes(frames * channels * 2);
      int got = bytes.length / (channels * 2);
      double[] mono = new double[got];
      double sumSquares = 0;
      double peak = 0;
      for (int i = 0; i < got; i++) {
        for (int c = 0; c < channels; c++) {
          int at = (i * channels + c) * 2;
          double s = (short) ((bytes[at] & 0xff) | (bytes[at + 1] << 8)) / FULL_SCALE;
          sumSquares += s * s;
          peak = Math.max(peak, Math.abs(s));
          mono[i] += s / channels;
        }
      }
      double rms = got == 0 ? 0 : Math.sqrt(sumSquares / ((double) got * channels));
      return new ToneLevels(got / (double) rate, db(rms), db(peak), pitch(mono, rate), name());
    } catch (UnsupportedAudioFileException e) {
      throw new SynthException("cannot measure " + wav + ": it is not a WAV file Java can read");
    } catch (IOException e) {
      throw new SynthException("cannot measure " + wav + ": " + e.getMessage(), e);
    }
  }

  private static AudioInputStream pcm16(AudioInputStream in) {
    AudioFormat f = in.getFormat();
    if (f.getEncoding() == AudioFormat.Encoding.PCM_SIGNED
        && f.getSampleSizeInBits() == 16
        && !f.isBigEndian()) {
      return in;
    }
    AudioFormat target = new AudioFormat(f.getSampleRate(), 16, f.getChannels(), true, false);
    return AudioSystem.getAudioInputStream(target, in);
  }

  private static double db(double level) {
    return level == 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(level);
  }

  /** YIN over the middle of the samples; NaN when no periodicity is clear. */
  static double pitch(double[] x, float rate) {
    int maxLag = (int) (rate / LOWEST_HZ);
    int minLag = 2;
    int window = (int) Math.min(rate * PITCH_WINDOW_SECONDS, x.length - maxLag - 1);
    if (window < maxLag) {
      return Double.NaN;
    }
    int start = (x.length - window - maxLag) / 2;
    double[] d = new double[maxLag + 1];
    for (int lag = 1; lag <= maxLag; lag++) {
      double sum = 0;
      for (int j = start; j < start + window; j++) {
        double diff = x[j] - x[j + lag];
        sum += diff * diff;
      }
      d[lag] = sum;
    }
    double[] normalized = new double[maxLag + 1];
    normalized[0] = 1;
    double running = 0;
    for (int lag = 1; lag <= maxLag; lag++) {
      running += d[lag];
      normalized[lag] = running == 0 ? 1 : d[lag] * lag / running;
    }
    int best = -1;
    for (int lag = minLag; lag < maxLag; lag++) {
      if (normalized[lag] < YIN_THRESHOLD) {
        while (lag + 1 < maxLag && normalized[lag + 1] < normalized[lag]) lag++;
        best = lag;
        break;
      }
    }
    if (best < 0) {
      return Double.NaN;
    }
    // Interpolated on the raw difference, whose minimum is symmetric: finer than on the normalized.
    double a = d[best - 1];
    double b = d[best];
    double c = d[best + 1];
    double denominator = a - 2 * b + c;
    double shift = denominator == 0 ? 0 : 0.5 * (a - c) / denominator;
    return rate / (best + shift);
  }
}
