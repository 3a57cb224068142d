package dev.roadie.playbook;

import groovy.lang.Closure;
import java.time.Duration;
import java.util.Objects;

/**
 * A step as declared: {@code step('name', timeout: '30s', retry: 2, retryDelay: '1s',
 * continueOnFailure: true) { ... }}.
 *
 * @param timeout per attempt; null for the configured default
 * @param retries how many times a failed attempt is tried again (0: once only)
 * @param retryDelay the wait before the first retry; it doubles for each further one
 * @param kind {@code step}, or the hook's keyword for hooks
 * @param line where it is declared
 */
public record StepSpec(
    String name,
    Duration timeout,
    int retries,
    Duration retryDelay,
    boolean continueOnFailure,
    String kind,
    Closure<?> body,
    int line) {

  public StepSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(retryDelay, "retryDelay");
  }
}
