package dev.roadie.sox;

import java.nio.file.Path;

/**
 * What {@code sox --i} says of a file's header.
 *
 * @param bits the sample precision, e.g. 16
 * @param samples samples per channel; 0 when the header does not say (a stream written to a pipe)
 * @param durationSeconds {@code samples / rate}; 0 when unknown
 * @param encoding as sox names it: {@code Signed Integer PCM}, {@code FLAC}, ...
 */
public record AudioInfo(
    Path file,
    int rate,
    int channels,
    int bits,
    long samples,
    double durationSeconds,
    String encoding,
    String fileSize,
    String bitRate) {}
