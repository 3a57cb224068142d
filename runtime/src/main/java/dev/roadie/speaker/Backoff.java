package dev.roadie.speaker;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before reconnecting a notification socket: doubling from {@code initial} up to
 * {@code max}, with a fifth of jitter so that a fleet that lost its Wi-Fi together does not come
 * back in one burst.
 */
record Backoff(Duration initial, Duration max) {
  static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

  /** The pause before try {@code attempt} (1 = the first retry). */
  long millis(int attempt) {
    double base = initial.toMillis() * Math.pow(2, Math.min(attempt - 1, 20));
    double capped = Math.min(base, max.toMillis());
    double jitter = 1 + ThreadLocalRandom.current().nextDouble(-0.2, 0.2);
    return Math.max(1, Math.round(capped * jitter));
  }
}
