package dev.roadie.synth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The audio path check: a known note, rendered and measured. A square lead is the default preset:
 * it sustains at a steady level (a piano note decays below a -30 dBFS limit within a second) and
 * its fundamental is strong, so level and pitch are both clear.
 */
final class AudioPath {
  static final int NOTE = 69;
  static final int PROGRAM = 80;
  static final double SECONDS = 1.0;

  /** The attack is skipped: the level and pitch are those of the held note. */
  static final double MEASURE_FROM = 0.2;

  static final double MIN_RMS_DB = -35.0;
  static final double MAX_PEAK_DB = -0.1;
  static final double TOLERANCE_CENTS = 25.0;

  private static final Set<String> ARGS =
      Set.of(
          "note",
          "program",
          "bank",
          "velocity",
          "minRmsDb",
          "maxPeakDb",
          "toleranceCents",
          "soundfont");

  private final Renders renders;
  private final ToneMeter meter;

  AudioPath(Renders renders, ToneMeter meter) {
    this.renders = renders;
    this.meter = meter;
  }

  AudioPathCheck check(Map<String, ?> args) {
    String call = "synth.checkAudioPath";
    Args.only(args, call, ARGS);
    int note = Args.whole(args, "note", NOTE, 0, 127, call);
    double expected = 440 * Math.pow(2, (note - 69) / 12.0);
    double minRms = Args.number(args, "minRmsDb", MIN_RMS_DB, -120, 0, call);
    double maxPeak = Args.number(args, "maxPeakDb", MAX_PEAK_DB, -120, 0, call);
    double tolerance = Args.number(args, "toleranceCents", TOLERANCE_CENTS, 1, 1200, call);
    Map<String, Object> render = new HashMap<>();
    render.put("note", note);
    render.put("program", args.containsKey("program") ? args.get("program") : PROGRAM);
    render.put("seconds", SECONDS);
    for (String passOn : List.of("bank", "velocity", "soundfont")) {
      if (args.containsKey(passOn)) render.put(passOn, args.get(passOn));
    }
    Path file;
    ToneLevels levels;
    try {
      file = renders.note(render);
      levels = meter.measure(file, MEASURE_FROM, SECONDS - MEASURE_FROM);
    } catch (SynthException e) {
      return new AudioPathCheck(false, note, expected, null, null, List.of(e.getMessage()));
    }
    List<String> failures = new ArrayList<>();
    if (!(levels.rmsDb() >= minRms)) {
      failures.add("RMS " + ToneLevels.db(levels.rmsDb()) + " is below " + db(minRms));
    }
    if (levels.peakDb() > maxPeak) {
      failures.add(
          "peak " + ToneLevels.db(levels.peakDb()) + " is above " + db(maxPeak) + " (clipping)");
    }
    if (levels.unpitched()) {
      failures.add("no pitch found");
    } else {
      double cents = 1200 * Math.log(levels.frequencyHz() / expected) / Math.log(2);
      if (Math.abs(cents) > tolerance) {
        failures.add(
            String.format(
                Locale.ROOT,
                "pitch %.1f Hz is %+.0f cents from %.1f Hz, more than %.0f",
                levels.frequencyHz(),
                cents,
                expected,
                tolerance));
      }
    }
    return new AudioPathCheck(failures.isEmpty(), note, expected, levels, file, failures);
  }

  private static String db(double value) {
    return String.format(Locale.ROOT, "%.1f dBFS", value);
  }
}
