package dev.roadie.synth;

import dev.roadie.run.RunContext;
import dev.roadie.sox.AudioStats;
import dev.roadie.sox.Sox;
import dev.roadie.sox.SoxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Levels from sox's {@code stats} effect, the same figures an operator gets from {@code sox FILE -n
 * stats}; the pitch from the built-in estimator, which is finer than {@code stat}'s rough
 * frequency. Where sox is not installed it measures with the built-in meter alone, and says so in
 * the result's meter name.
 */
final class SoxToneMeter implements ToneMeter {
  private final Sox sox;
  private final RunContext run;
  private final ToneMeter internal = new PcmToneMeter();

  SoxToneMeter(Sox sox, RunContext run) {
    this.sox = sox;
    this.run = run;
  }

  @Override
  public String name() {
    return "sox";
  }

  @Override
  public ToneLevels measure(Path wav, double fromSeconds, double seconds) {
    ToneLevels pitch = internal.measure(wav, fromSeconds, seconds);
    Path part = null;
    try {
      // The run's work dir, made only when something is measured: sox writes files, not streams.
      Path scratch = Files.createDirectories(run.workDir().resolve("measure"));
      part = Files.createTempFile(scratch, "measured-", ".wav");
      String trim =
          String.format(
              Locale.ROOT,
              "trim %.6f %.6f",
              fromSeconds,
              Math.min(seconds, Math.max(pitch.seconds(), 0.001)));
      sox.convert(Map.of("effects", List.of(trim)), wav, part);
      AudioStats stats = sox.stats(part);
      return new ToneLevels(
          stats.lengthSeconds(), stats.getRmsDb(), stats.getPeakDb(), pitch.frequencyHz(), "sox");
    } catch (SoxException e) {
      if (e.kind() == SoxException.Kind.UNAVAILABLE) {
        return new ToneLevels(
            pitch.seconds(),
            pitch.rmsDb(),
            pitch.peakDb(),
            pitch.frequencyHz(),
            "internal (sox unavailable)");
      }
      throw new SynthException("cannot measure " + wav + " with sox: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SynthException("measuring " + wav + " was interrupted", e);
    } catch (java.io.IOException e) {
      throw new SynthException("cannot measure " + wav + ": " + e.getMessage(), e);
    } finally {
      if (part != null) {
        try {
          Files.deleteIfExists(part);
        } catch (java.io.IOException e) {
          // a leftover in the run's work dir is harmless
        }
      }
    }
  }
}
