package dev.roadie.sox;

import java.time.Duration;

/**
 * A pool's state, as {@code sox.status()} reports it.
 *
 * @param health {@code healthy}; {@code degraded} when more than 90% of the workers are busy;
 *     {@code unhealthy} when under 95% of operations succeed, sox is missing, or the breaker is
 *     open
 * @param successRate percent of operations that succeeded; 100 before the first
 * @param oldestProcessAge how long the longest-running sox process has run; zero when none runs
 * @param breaker {@code closed}, {@code open} or {@code half-open}
 */
public record SoxStatus(
    String health,
    int activeProcesses,
    int maxWorkers,
    long totalConversions,
    long failedConversions,
    double successRate,
    Duration oldestProcessAge,
    String breaker) {

  static SoxStatus of(
      int active,
      int max,
      long total,
      long failed,
      Duration oldest,
      String breaker,
      boolean soxOk) {
    double rate = total == 0 ? 100.0 : 100.0 * (total - failed) / total;
    String health;
    if (!soxOk || rate < 95.0 || breaker.equals("open")) {
      health = "unhealthy";
    } else if (active > 0.9 * max) {
      health = "degraded";
    } else {
      health = "healthy";
    }
    return new SoxStatus(health, active, max, total, failed, rate, oldest, breaker);
  }
}
