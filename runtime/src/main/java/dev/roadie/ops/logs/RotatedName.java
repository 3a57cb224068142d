package dev.roadie.ops.logs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rotated log's name as logrotate gives it: {@code app.log.3}, or {@code app.log.3.gz} once
 * compressed. Only these, and logrotate's date names ({@code app.log-20260101[.gz]}) and a bare
 * {@code app.log.gz}, count as rotated logs; the live {@code app.log} never does.
 *
 * @param log the live log's file name ({@code app.log})
 * @param index 1 for the newest rotation
 */
record RotatedName(String log, int index, boolean compressed) {
  static final String GZ = ".gz";
  private static final Pattern ANY_ROTATED =
      Pattern.compile(".+\\.log(?:\\.\\d+|-\\d{8,10})?\\.gz|.+\\.log(?:\\.\\d+|-\\d{8,10})");

  RotatedName {
    if (index < 1) {
      throw new IllegalArgumentException("a rotation index starts at 1, not " + index);
    }
  }

  /** {@code name} as a rotation of {@code log}, or null when it is not one. */
  static RotatedName parse(String log, String name) {
    if (!name.startsWith(log + ".")) {
      return null;
    }
    Matcher rest = Pattern.compile("(\\d{1,6})(\\.gz)?").matcher(name.substring(log.length() + 1));
    if (!rest.matches() || rest.group(1).startsWith("0")) {
      return null;
    }
    return new RotatedName(log, Integer.parseInt(rest.group(1)), rest.group(2) != null);
  }

  /** Whether a file of this name is a rotated log of any live log; never a live {@code *.log}. */
  static boolean isRotated(String name) {
    return ANY_ROTATED.matcher(name).matches();
  }

  RotatedName shifted() {
    return new RotatedName(log, index + 1, compressed);
  }

  RotatedName compressedForm() {
    return new RotatedName(log, index, true);
  }

  String fileName() {
    return log + "." + index + (compressed ? GZ : "");
  }

  @Override
  public String toString() {
    return fileName();
  }
}
