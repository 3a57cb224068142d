package dev.roadie.ops.logs;

import dev.roadie.ops.Args;
import dev.roadie.ops.OpsException;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code rotate}, named and defaulted as logrotate's directives are.
 *
 * @param keep how many rotations to keep ({@code rotate N}); 0 keeps none
 * @param create the new empty log after a rename, or null for none ({@code nocreate})
 * @param minSize skip logs smaller than this many bytes, or null
 */
record RotateOptions(
    int keep,
    boolean compress,
    boolean delayCompress,
    boolean notifEmpty,
    NewLogFile create,
    boolean copyTruncate,
    String pattern,
    Long minSize) {
  static final String[] NAMES = {
    "keep",
    "compress",
    "delayCompress",
    "notifEmpty",
    "create",
    "copyTruncate",
    "pattern",
    "minSize"
  };

  static RotateOptions parse(String call, Map<String, ?> given) {
    Args options = Args.of(call, given, NAMES);
    Object keep = options.raw("keep");
    if (keep instanceof Number number && number.longValue() < 0) {
      throw new OpsException(
          call + " keep: " + keep + " is negative; keep how many rotated logs, 0 or more");
    }
    return new RotateOptions(
        options.whole("keep", 7, 0, 100_000),
        options.bool("compress", false),
        options.bool("delayCompress", false),
        options.bool("notifEmpty", true),
        create(call, options.raw("create")),
        options.bool("copyTruncate", false),
        options.text("pattern", "*.log"),
        options.bytes("minSize"));
  }

  private static NewLogFile create(String call, Object value) {
    if (value == null || Boolean.TRUE.equals(value)) {
      return NewLogFile.LIKE_THE_OLD_ONE;
    }
    if (Boolean.FALSE.equals(value)) {
      return null;
    }
    if (value instanceof List<?> spec) {
      return NewLogFile.parse(call, spec.stream().map(String::valueOf).toList());
    }
    return NewLogFile.parse(call, List.of(String.valueOf(value)));
  }

  /** The rotation a rotated file gets compressed at: 2 with {@code delayCompress}, else 1. */
  int firstCompressed() {
    return delayCompress ? 2 : 1;
  }
}
