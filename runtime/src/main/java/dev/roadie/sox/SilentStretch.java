package dev.roadie.sox;

/** A stretch of a file quieter than the threshold, in seconds from the start. */
public record SilentStretch(double startSeconds, double endSeconds) {
  public double getSeconds() {
    return endSeconds - startSeconds;
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%.2f-%.2f s", startSeconds, endSeconds);
  }
}
