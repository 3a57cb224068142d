package dev.roadie.ops.logs;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.DoubleHistogram;

/**
 * The samples of one part of a metrics log, by metric: count, sum, min, max, a histogram for the
 * percentiles and per-bucket sums for the series. Memory is bounded by the metrics and buckets, not
 * by the samples. Not thread-safe: one per part.
 */
final class MetricsTally implements EntrySink {
  /** Distinct metric keys kept; a log with more is not a metrics log of this format. */
  static final int MAX_METRICS = 100;

  private final MetricsQuery query;
  private final long from;
  private final long to;
  final Map<String, Metric> metrics = new HashMap<>();
  long samples;
  long badValues;

  /** One metric's running figures. */
  static final class Metric {
    final DoubleHistogram histogram = new DoubleHistogram(3);
    final double[] sums;
    final long[] counts;
    long count;
    double sum;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;

    Metric(int buckets) {
      sums = new double[buckets];
      counts = new long[buckets];
    }

    void add(double value, int bucket) {
      histogram.recordValue(value);
      count++;
      sum += value;
      min = Math.min(min, value);
      max = Math.max(max, value);
      sums[bucket] += value;
      counts[bucket]++;
    }

    void add(Metric other) {
      histogram.add(other.histogram);
      count += other.count;
      sum += other.sum;
      min = Math.min(min, other.min);
      max = Math.max(max, other.max);
      for (int i = 0; i < sums.length; i++) {
        sums[i] += other.sums[i];
        counts[i] += other.counts[i];
      }
    }
  }

  MetricsTally(MetricsQuery query) {
    this.query = query;
    this.from = query.fromMillis();
    this.to = query.to().toEpochMilli();
  }

  @Override
  public int line(byte[] b, int start, int end, long line, boolean stamped, int flags) {
    if (!stamped) {
      return LineSink.EVERY_LINE;
    }
    long millis = LineHead.epochMillis(b, start, end);
    if (millis == LineHead.NO_TIME || millis < from || millis >= to) {
      return LineSink.EVERY_LINE;
    }
    int bucket = (int) ((millis - from) / query.bucketMillis());
    boolean any = false;
    int i = LineHead.timeEnd(b, start, end);
    while (i < end) {
      i = LineHead.skipBlanks(b, i, end);
      int wordEnd = LineHead.wordEnd(b, i, end);
      int equals = i;
      while (equals < wordEnd && b[equals] != '=') {
        equals++;
      }
      if (equals > i && equals < wordEnd) {
        String key = new String(b, i, equals - i, StandardCharsets.UTF_8);
        double value = number(b, equals + 1, wordEnd);
        if (!(value >= 0) || Double.isInfinite(value)) {
          badValues++;
        } else {
          Metric metric = metrics.get(key);
          if (metric == null && metrics.size() < MAX_METRICS) {
            metric = new Metric(query.buckets());
            metrics.put(key, metric);
          }
          if (metric != null) {
            metric.add(value, bucket);
            any = true;
          }
        }
      }
      i = wordEnd;
    }
    if (any) {
      samples++;
    }
    return LineSink.EVERY_LINE;
  }

  /** The number, or NaN when it is not one. */
  private static double number(byte[] b, int start, int end) {
    if (start == end || end - start > 40) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
