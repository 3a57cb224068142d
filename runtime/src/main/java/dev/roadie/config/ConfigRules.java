package dev.roadie.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The limits a bound configuration must keep, one line per setting. Each limit keeps roadie out of
 * a state it cannot work in: a 0 concurrency never talks to a device, a 10ms timeout fails every
 * request.
 */
final class ConfigRules {
  private static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error");
  private static final List<String> FORMATS = List.of("text", "json");
  private static final String COMMAND = "give a command name or a path";
  private static final String HOST = "give a host name or an address";

  private static final List<Rule<?>> RULES =
      List.of(
          atLeast("speakers.request_timeout", c -> c.speakers().requestTimeout(), "1s"),
          between("speakers.max_retries", c -> c.speakers().maxRetries(), 0, 10),
          between("speakers.concurrency", c -> c.speakers().concurrency(), 1, 1024),
          new Rule<>("speakers.devices", c -> c.speakers().devices(), SpeakerEntries::problem),
          notBlank("sox.binary", c -> c.sox().binary(), COMMAND),
          between("sox.max_workers", c -> c.sox().maxWorkers(), 1, 256),
          atLeast("sox.timeout", c -> c.sox().timeout(), "1s"),
          atLeast("sox.queue_timeout", c -> c.sox().queueTimeout(), "0s"),
          atLeast("sox.kill_grace", c -> c.sox().killGrace(), "100ms"),
          between("sox.retry.max_attempts", c -> c.sox().retry().maxAttempts(), 1, 20),
          atLeast("sox.retry.initial_backoff", c -> c.sox().retry().initialBackoff(), "1ms"),
          atLeast("sox.retry.max_backoff", c -> c.sox().retry().maxBackoff(), "1ms"),
          atLeast("sox.retry.multiplier", c -> c.sox().retry().multiplier(), 1.0),
          between(
              "sox.breaker.failure_threshold", c -> c.sox().breaker().failureThreshold(), 1, 1000),
          atLeast("sox.breaker.reset_timeout", c -> c.sox().breaker().resetTimeout(), "100ms"),
          between("sox.breaker.half_open_trials", c -> c.sox().breaker().halfOpenTrials(), 1, 100),
          between("synth.sample_rate", c -> c.synth().sampleRate(), 8000, 96000),
          atLeast("synth.max_render", c -> c.synth().maxRender(), "1s"),
          notBlank("synth.fluidsynth.binary", c -> c.synth().fluidsynth().binary(), COMMAND),
          notBlank("synth.fluidsynth.host", c -> c.synth().fluidsynth().host(), HOST),
          between("synth.fluidsynth.port", c -> c.synth().fluidsynth().port(), 1, 65535),
          atLeast("synth.fluidsynth.timeout", c -> c.synth().fluidsynth().timeout(), "100ms"),
          httpUrl("synth.service.url", c -> c.synth().service().url()),
          atLeast("synth.service.timeout", c -> c.synth().service().timeout(), "100ms"),
          between(
              "synth.service.latency_alert_ms",
              c -> c.synth().service().latencyAlertMs(),
              1,
              10_000),
          between(
              "synth.service.cpu_alert_percent",
              c -> c.synth().service().cpuAlertPercent(),
              1,
              100),
          between(
              "synth.service.memory_alert_percent",
              c -> c.synth().service().memoryAlertPercent(),
              1,
              100),
          atLeast("engine.step_timeout", c -> c.engine().stepTimeout(), "1s"),
          atLeast("engine.playbook_timeout", c -> c.engine().playbookTimeout(), "1s"),
          atLeast("engine.step_grace", c -> c.engine().stepGrace(), "100ms"),
          between("engine.output_limit", c -> c.engine().outputLimit(), 1024, 10_000_000),
          oneOf("log.level", c -> c.log().level(), LEVELS),
          oneOf("log.format", c -> c.log().format(), FORMATS));

  private ConfigRules() {}

  /** Checks every rule whose setting has no problem yet; a value already reported is skipped. */
  static void check(RoadieConfig config, Layer merged, Problems problems) {
    for (Rule<?> rule : RULES) {
      if (!problems.reported(rule.keyPath())) {
        String origin = merged.originOf(rule.keyPath());
        rule.check(config).ifPresent(message -> problems.add(origin, rule.keyPath(), message));
      }
    }
  }

  /** The settings that have a rule. */
  static List<String> keyPaths() {
    return RULES.stream().map(Rule::keyPath).toList();
  }

  private record Rule<T>(
      String keyPath, Function<RoadieConfig, T> value, Function<T, Optional<String>> test) {
    Optional<String> check(RoadieConfig config) {
      return test.apply(value.apply(config));
    }
  }

  private static Rule<Duration> atLeast(
      String keyPath, Function<RoadieConfig, Duration> value, String minimum) {
    Duration least = Durations.parse(minimum);
    return new Rule<>(
        keyPath,
        value,
        actual ->
            actual.compareTo(least) >= 0
                ? Optional.empty()
                : Optional.of(Durations.format(actual) + " is below the minimum of " + minimum));
  }

  private static Rule<Double> atLeast(
      String keyPath, Function<RoadieConfig, Double> value, double minimum) {
    return new Rule<>(
        keyPath,
        value,
        actual ->
            actual >= minimum
                ? Optional.empty()
                : Optional.of(actual + " is below the minimum of " + minimum));
  }

  private static Rule<Integer> between(
      String keyPath, Function<RoadieConfig, Integer> value, int min, int max) {
    return new Rule<>(
        keyPath,
        value,
        actual -> {
          if (actual < min) return Optional.of(actual + " is below the minimum of " + min);
          if (actual > max) return Optional.of(actual + " is above the maximum of " + max);
          return Optional.empty();
        });
  }

  private static Rule<String> notBlank(
      String keyPath, Function<RoadieConfig, String> value, String hint) {
    return new Rule<>(
        keyPath,
        value,
        actual -> actual.isBlank() ? Optional.of("is empty; " + hint) : Optional.empty());
  }

  private static Rule<String> httpUrl(String keyPath, Function<RoadieConfig, String> value) {
    return new Rule<>(
        keyPath,
        value,
        actual -> {
          try {
            java.net.URI uri = new java.net.URI(actual);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme();
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
              return Optional.empty();
            }
          } catch (java.net.URISyntaxException e) {
            // reported below, like any other url that is not one
          }
          return Optional.of(
              "'" + actual + "' is not an http(s) url; write one like http://synth.local:8080");
        });
  }

  /** Case is ignored: {@code INFO} is as good as {@code info}. */
  private static Rule<String> oneOf(
      String keyPath, Function<RoadieConfig, String> value, List<String> choices) {
    return new Rule<>(
        keyPath,
        value,
        actual ->
            choices.contains(actual.toLowerCase(Locale.ROOT))
                ? Optional.empty()
                : Optional.of(
                    "'"
                        + actual
                        + "' is not one of "
                        + String.join(", ", choices)
                        + Suggestions.didYouMean(actual, choices)));
  }
}
