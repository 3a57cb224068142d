package dev.roadie.ops.logs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * {@code ops.logs(dir)}: a directory a service writes its logs to, rotated and gzipped ones
 * included. Reading only: nothing here changes a file, so a dry run reads for real.
 */
public final class LogDir {
  private final Path dir;

  public LogDir(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  public Path getDir() {
    return dir;
  }

  /** The errors of the last 24 hours: {@link #errors(Map)} with no options. */
  public ErrorReport errors() {
    return errors(Map.of());
  }

  /**
   * Counts the ERROR, CRITICAL and FATAL entries of every log file in the directory ({@code
   * NAME.log}, {@code NAME.log.1}, {@code NAME.log.2.gz}, {@code NAME.log-20261123.gz}) since
   * {@code since:} (default 24h): by type, with the last CRITICAL and FATAL lines and the errors
   * that mention an audio term. Files last written before {@code since} are not read; entries
   * stamped before it are not counted. Reads on {@code threads:} threads (default: the cores),
   * streaming, a MiB buffer each.
   *
   * <p>Options: {@code since:} ({@code '24h'}, a {@link java.time.Duration}, TimeCategory's {@code
   * 24.hours}, or an {@link Instant}); {@code audioTerms:} the words that make an error an audio
   * error (default: alsa, xrun, underrun, overrun, buffer, dropout, sample rate, codec, jack,
   * pulseaudio, pipewire, device busy, audio device, pcm); {@code recent:} how many lines to keep
   * (20).
   *
   * @throws dev.roadie.ops.OpsException when the directory does not exist or an option is wrong
   */
  public ErrorReport errors(Map<String, ?> options) {
    return LogErrors.read(dir, ErrorQuery.of(options, Instant.now()));
  }

  @Override
  public String toString() {
    return "logs " + dir;
  }
}
