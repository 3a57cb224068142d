package dev.roadie.ops.logs;

import java.time.Instant;

/** One point of a metric's series: the start of a bucket and the average of its samples. */
public record Point(Instant time, double value) {}
