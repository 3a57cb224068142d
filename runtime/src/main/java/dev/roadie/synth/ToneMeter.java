package dev.roadie.synth;

import java.nio.file.Path;

/**
 * Measures the level and pitch of a rendered WAV file for the audio path check.
 *
 * <p>The built-in meter does the maths on the PCM samples in-process. This interface is the seam
 * for a SoX-backed meter: one that runs {@code sox.stats(file)} (RMS and peak in dB) and a pitch
 * estimate can be given to {@link Synth#withMeter} when the SoX API is there, and the check's
 * result then names it.
 */
public interface ToneMeter {
  /** A short name for results: {@code internal}, {@code sox}. */
  String name();

  /**
   * @param wav a 16-bit PCM WAV file
   * @param fromSeconds where to start measuring (to skip a note's attack)
   * @param seconds how much to measure at most
   * @throws SynthException when the file cannot be read or measured
   */
  ToneLevels measure(Path wav, double fromSeconds, double seconds);
}
