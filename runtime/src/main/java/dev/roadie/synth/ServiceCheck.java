package dev.roadie.synth;

import java.util.List;
import java.util.Locale;

/**
 * The synth service's health against the alert thresholds: {@code /health} answers, and audio
 * latency, CPU and memory are at or below their limits ({@code synth.service.*_alert_*}).
 *
 * @param passed true when the service answered and every rule held
 * @param status what {@code /health} said ({@code healthy}, {@code warning}, {@code critical}), or
 *     {@code down}
 * @param metrics the readings; null when they could not be read
 * @param rules each threshold rule and its outcome
 * @param failures why it did not pass: broken rules, or the fault that stopped the check
 */
public record ServiceCheck(
    boolean passed, String status, SynthMetrics metrics, List<Rule> rules, List<String> failures) {

  public ServiceCheck {
    rules = List.copyOf(rules);
    failures = List.copyOf(failures);
  }

  /**
   * One threshold rule: it holds while the value is at or below the limit.
   *
   * @param name {@code audio latency}, {@code CPU}, {@code memory}
   */
  public record Rule(String name, double value, double limit, String unit) {
    public boolean passed() {
      return value <= limit;
    }

    /** {@code audio latency 12.0 ms > 20 ms}, or with {@code <=} when it holds. */
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%s %.1f %s %s %.0f %s",
          name,
          value,
          unit,
          passed() ? "<=" : ">",
          limit,
          unit);
    }
  }

  @Override
  public String toString() {
    String head =
        passed ? "synth service ok (" + status + ")" : "synth service FAILED (" + status + ")";
    if (!passed) {
      head += ": " + String.join("; ", failures);
    }
    return rules.isEmpty()
        ? head
        : head + " -- " + String.join(", ", rules.stream().map(Rule::toString).toList());
  }
}
