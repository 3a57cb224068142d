package dev.roadie.ops.logs;

import dev.roadie.run.RunContext;
import groovy.lang.Closure;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * {@code ops.logs(dir)}: the logs of one directory, rotated and gzipped ones included. Thin on
 * purpose: each thing done with a log directory lives in its own class ({@link LogRotation}, {@link
 * Housekeeping}, {@link LogErrors}) and is one method here. Reading errors changes nothing, so a
 * dry run reads for real.
 */
public final class LogDir {
  private final Path dir;
  private final RunContext run;

  public LogDir(Path dir, RunContext run) {
    this.dir = dir.toAbsolutePath().normalize();
    this.run = run;
  }

  public Path getPath() {
    return dir;
  }

  /**
   * Rotates the logs as logrotate does: {@code rotate(keep: 30, compress: true, delayCompress:
   * true, notifEmpty: true, create: ['0640', 'audiodeck'], copyTruncate: false, pattern: '*.log',
   * minSize: '1M') { postRotate }}. The block runs once, after every log was rotated and before any
   * is compressed; it is where a service is told to reopen its logs. See README, "Logs".
   *
   * @throws dev.roadie.ops.OpsException on a bad option or a missing directory, before anything is
   *     moved; when postRotate fails, after rotating and before compressing
   */
  public RotationResult rotate(Map<String, ?> options, Closure<?> postRotate) {
    return rotate(options, postRotate == null ? null : (Runnable) postRotate::call);
  }

  public RotationResult rotate(Map<String, ?> options, Runnable postRotate) {
    return LogRotation.rotate(run, dir, options, postRotate);
  }

  public RotationResult rotate(Map<String, ?> options) {
    return rotate(options, (Runnable) null);
  }

  public RotationResult rotate(Closure<?> postRotate) {
    return rotate(Map.of(), postRotate);
  }

  public RotationResult rotate() {
    return rotate(Map.of(), (Runnable) null);
  }

  /**
   * Deletes the rotated logs here older than {@code olderThan:} ({@code '30d'}); never a live one.
   */
  public CleanupResult prune(Map<String, ?> options) {
    return Housekeeping.prune(run, dir, options);
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
    return "logs in " + dir;
  }
}
