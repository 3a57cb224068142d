package dev.roadie.sox;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import dev.roadie.config.RoadieConfig;
import java.util.Locale;

/**
 * Retries and the circuit breaker around sox. Only failures a second try can cure are retried (sox
 * crashed or could not start); bad input never is. The breaker counts failures of sox itself
 * (crashes, timeouts, unexplained exits), so a playbook feeding it broken files does not shut sox
 * off for everyone.
 */
final class SoxResilience {
  private final RetryPolicy<Object> retry;
  private final CircuitBreaker<Object> breaker;
  private final RoadieConfig.BreakerConfig breakerConfig;

  SoxResilience(RoadieConfig.RetryConfig retryConfig, RoadieConfig.BreakerConfig breakerConfig) {
    this.breakerConfig = breakerConfig;
    var retryBuilder =
        RetryPolicy.builder()
            .handleIf(e -> e instanceof SoxException sox && sox.kind().retryable())
            .withMaxAttempts(retryConfig.maxAttempts());
    // Failsafe wants a backoff that can grow; a ceiling at or under the start means a fixed pause.
    if (retryConfig.maxBackoff().compareTo(retryConfig.initialBackoff()) > 0
        && retryConfig.multiplier() > 1.0) {
      retryBuilder.withBackoff(
          retryConfig.initialBackoff(), retryConfig.maxBackoff(), retryConfig.multiplier());
    } else {
      retryBuilder.withDelay(retryConfig.initialBackoff());
    }
    this.retry = retryBuilder.build();
    this.breaker =
        CircuitBreaker.builder()
            .handleIf(e -> e instanceof SoxException sox && sox.kind().countsAgainstSox())
            .withFailureThreshold(breakerConfig.failureThreshold())
            .withDelay(breakerConfig.resetTimeout())
            .withSuccessThreshold(breakerConfig.halfOpenTrials())
            .build();
  }

  <T> T call(String what, boolean retryable, CheckedSupplier<T> attempt)
      throws InterruptedException {
    try {
      return retryable
          ? Failsafe.with(retry, breaker).get(attempt)
          : Failsafe.with(breaker).get(attempt);
    } catch (CircuitBreakerOpenException e) {
      throw new SoxException(
          SoxException.Kind.CIRCUIT_OPEN,
          what
              + ": sox failed "
              + breakerConfig.failureThreshold()
              + " times in a row, so roadie starts no sox for "
              + breakerConfig.resetTimeout().toSeconds()
              + "s (sox.breaker); see the earlier errors for why",
          null,
          null,
          e);
    } catch (FailsafeException e) {
      if (e.getCause() instanceof InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw interrupted;
      }
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new SoxException(
          SoxException.Kind.FAILED, what + ": " + cause.getMessage(), null, null, cause);
    }
  }

  /**
   * The breaker as the next call would find it: Failsafe moves an open breaker to half-open only
   * when a call arrives, so an open one whose delay has passed is reported as half-open.
   */
  String breakerState() {
    if (breaker.isOpen() && breaker.getRemainingDelay().isZero()) {
      return "half-open";
    }
    return breaker.getState().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
