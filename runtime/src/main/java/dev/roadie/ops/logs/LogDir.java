package dev.roadie.ops.logs;

import dev.roadie.run.RunContext;
import groovy.lang.Closure;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code ops.logs(dir)}: the logs of one directory. Thin on purpose: each thing done with a log
 * directory lives in its own class ({@link LogRotation}, {@link Housekeeping}) and is one method
 * here.
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

  @Override
  public String toString() {
    return "logs in " + dir;
  }
}
