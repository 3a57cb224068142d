package dev.roadie.synth;

import java.util.Locale;

/**
 * What a {@link ToneMeter} measured in a rendered file.
 *
 * @param seconds how much audio was measured
 * @param rmsDb RMS level in dB relative to full scale; {@code -Infinity} for digital silence
 * @param peakDb peak level in dBFS; {@code -Infinity} for digital silence
 * @param frequencyHz the fundamental's frequency, or {@code NaN} when no pitch was found
 * @param meter which meter measured it, e.g. {@code internal}
 */
public record ToneLevels(
    double seconds, double rmsDb, double peakDb, double frequencyHz, String meter) {

  /** True when no pitch could be found (noise, silence, a chord). */
  public boolean unpitched() {
    return Double.isNaN(frequencyHz);
  }

  /** {@code RMS -24.2 dBFS, peak -17.4 dBFS, 440.1 Hz (internal meter, 1.00 s)} */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "RMS %s, peak %s, %s (%s meter, %.2f s)",
        db(rmsDb),
        db(peakDb),
        unpitched() ? "no pitch found" : String.format(Locale.ROOT, "%.1f Hz", frequencyHz),
        meter,
        seconds);
  }

  static String db(double value) {
    return Double.isInfinite(value) ? "-inf dBFS" : String.format(Locale.ROOT, "%.1f dBFS", value);
  }
}
