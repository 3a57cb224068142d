package dev.roadie.ops.logs;

import dev.roadie.ops.Args;
import dev.roadie.ops.OpsException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** What {@code trends(...)} was asked: the window, aligned to whole buckets, and the bucket. */
record MetricsQuery(Instant from, Instant to, Duration bucket, int threads) {
  static final String CALL = "metricsLog(file).trends";
  static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
  static final Duration DEFAULT_BUCKET = Duration.ofHours(1);

  /** Points a series may have: a week of minutes is 10,080. */
  static final int MAX_BUCKETS = 20_000;

  long fromMillis() {
    return from.toEpochMilli();
  }

  long bucketMillis() {
    return bucket.toMillis();
  }

  int buckets() {
    return (int) ((to.toEpochMilli() - fromMillis() + bucketMillis() - 1) / bucketMillis());
  }

  static MetricsQuery of(Map<String, ?> options, Instant now) {
    Map<String, ?> given = options == null ? Map.of() : options;
    Args args = Args.of(CALL, given, "window", "bucket", "threads");
    Duration window =
        given.get("window") == null
            ? DEFAULT_WINDOW
            : TimeArgs.duration(CALL + " window", given.get("window"));
    Duration bucket =
        given.get("bucket") == null
            ? DEFAULT_BUCKET
            : TimeArgs.duration(CALL + " bucket", given.get("bucket"));
    long bucketMillis = bucket.toMillis();
    if (bucketMillis < 1000) {
      throw new OpsException(
          CALL + " bucket: " + bucket + " is shorter than a second; write 1m, 1h");
    }
    // Buckets start at whole multiples of their length (hours at :00), so charts line up.
    long start = Math.floorDiv(now.minus(window).toEpochMilli(), bucketMillis) * bucketMillis;
    long buckets = (now.toEpochMilli() - start) / bucketMillis + 1;
    if (buckets > MAX_BUCKETS) {
      throw new OpsException(
          CALL
              + ": a window of "
              + window
              + " in buckets of "
              + bucket
              + " is "
              + buckets
              + " points, more than "
              + MAX_BUCKETS
              + "; give a longer bucket:");
    }
    int cores = Runtime.getRuntime().availableProcessors();
    int threads = args.whole("threads", cores, 1, 64);
    return new MetricsQuery(Instant.ofEpochMilli(start), now.plusMillis(1), bucket, threads);
  }
}
