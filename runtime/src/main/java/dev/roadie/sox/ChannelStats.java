package dev.roadie.sox;

/**
 * The {@code stats} effect's figures for one channel (or for all, in the overall column).
 *
 * @param peakDb {@code Pk lev dB}; negative infinity for digital silence
 * @param rmsDb {@code RMS lev dB}; negative infinity for digital silence
 * @param crestFactor peak over RMS; NaN where sox prints none (the overall column of a stereo file)
 */
public record ChannelStats(
    double dcOffset,
    double minLevel,
    double maxLevel,
    double peakDb,
    double rmsDb,
    double rmsPeakDb,
    double rmsTroughDb,
    double crestFactor,
    double flatFactor,
    double peakCount,
    String bitDepth) {}
