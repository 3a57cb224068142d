package dev.roadie.synth;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The result of {@link Synth#checkAudioPath()}: a known note rendered and measured, and whether its
 * level and pitch were where they should be.
 *
 * @param passed true when every limit held
 * @param note the MIDI note rendered
 * @param expectedHz its equal-tempered frequency (A4 = 440 Hz)
 * @param levels what was measured; null when nothing could be rendered
 * @param file the rendered WAV, or null
 * @param failures each limit that did not hold, or why nothing was measured; empty when passed
 */
public record AudioPathCheck(
    boolean passed,
    int note,
    double expectedHz,
    ToneLevels levels,
    Path file,
    List<String> failures) {

  public AudioPathCheck {
    failures = List.copyOf(failures);
  }

  /** How far the measured pitch is from the expected one, in cents; NaN when none was found. */
  public double centsOff() {
    return levels == null || levels.unpitched()
        ? Double.NaN
        : 1200 * Math.log(levels.frequencyHz() / expectedHz) / Math.log(2);
  }

  /**
   * {@code audio path ok: note 69 expected 440.0 Hz, measured 440.2 Hz (+1 cents), RMS -24.2 dBFS,
   * peak -17.4 dBFS (internal meter, 0.80 s)}, or {@code audio path FAILED: ...}.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(passed ? "audio path ok: " : "audio path FAILED: ");
    if (!passed) {
      text.append(String.join("; ", failures)).append(" -- ");
    }
    text.append(String.format(Locale.ROOT, "note %d expected %.1f Hz", note, expectedHz));
    if (levels != null) {
      text.append(", measured ");
      if (levels.unpitched()) {
        text.append("no pitch");
      } else {
        text.append(
            String.format(Locale.ROOT, "%.1f Hz (%+.0f cents)", levels.frequencyHz(), centsOff()));
      }
      text.append(", ")
          .append(levels.toString().replaceFirst(", (no pitch found|[0-9.]+ Hz) \\(", " ("));
    }
    return text.toString();
  }
}
