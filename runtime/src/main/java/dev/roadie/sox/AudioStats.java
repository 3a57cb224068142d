package dev.roadie.sox;

import java.nio.file.Path;
import java.util.List;

/**
 * A measurement of a whole file: sox's {@code stats} effect (levels per channel) and its {@code
 * stat} effect over the mono mix (the frequency estimate).
 *
 * @param overall the figures over all channels; the same as the only channel of a mono file
 * @param channels one entry per channel, left first
 * @param samples samples per channel
 * @param roughFrequencyHz {@code stat}'s estimate of the dominant frequency of the mono mix
 * @param volumeAdjustment the gain that would bring the peak to full scale ({@code stat})
 */
public record AudioStats(
    Path file,
    ChannelStats overall,
    List<ChannelStats> channels,
    long samples,
    double lengthSeconds,
    double roughFrequencyHz,
    double volumeAdjustment) {

  public AudioStats {
    channels = List.copyOf(channels);
  }

  /** Peak level in dBFS over all channels; {@code -Infinity} for digital silence. */
  public double getPeakDb() {
    return overall.peakDb();
  }

  /** RMS level in dBFS over all channels; {@code -Infinity} for digital silence. */
  public double getRmsDb() {
    return overall.rmsDb();
  }

  public double getDcOffset() {
    return overall.dcOffset();
  }

  /**
   * Peak over RMS. sox gives none over all channels of a multi-channel file, so that is the highest
   * of the channels' own.
   */
  public double getCrestFactor() {
    if (!Double.isNaN(overall.crestFactor())) {
      return overall.crestFactor();
    }
    return channels.stream().mapToDouble(ChannelStats::crestFactor).max().orElse(Double.NaN);
  }

  public double getFlatFactor() {
    return overall.flatFactor();
  }

  public String getBitDepth() {
    return overall.bitDepth();
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "%s: peak %.2f dB, RMS %.2f dB, DC %.6f, crest %.2f, %.3f s, ~%.0f Hz",
        file.getFileName(),
        overall.peakDb(),
        overall.rmsDb(),
        overall.dcOffset(),
        getCrestFactor(),
        lengthSeconds,
        roughFrequencyHz);
  }
}
