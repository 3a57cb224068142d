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
          atLeast("ops.http_timeout", c -> c.ops().httpTimeout(), "100ms"),
          between("ops.http_concurrency", c -> c.ops().httpConcurrency(), 1, 1024),
          notBlank("ops.systemctl", c -> c.ops().systemctl(), COMMAND),
          notBlank("ops.journalctl", c -> c.ops().journalctl(), COMMAND),
          atLeast("ops.response_time.target", c -> c.ops().responseTime().target(), "1ms"),
          notBelow(
              "ops.response_time.warning",
              c -> c.ops().responseTime().warning(),
              "ops.response_time.target",
              c -> c.ops().responseTime().target()),
          notBelow(
              "ops.response_time.critical",
              c -> c.ops().responseTime().critical(),
              "ops.response_time.warning",
              c -> c.ops().responseTime().warning()),
          atLeast("alerts.fold_window", c -> c.alerts().foldWindow(), "0s"),
          between("alerts.retries", c -> c.alerts().retries(), 0, 10),
          atLeast("alerts.retry_delay", c -> c.alerts().retryDelay(), "10ms"),
          atLeast("alerts.timeout", c -> c.alerts().timeout(), "100ms"),
          atLeast("engine.step_timeout", c -> c.engine().stepTimeout(), "1s"),
          atLeast("engine.playbook_timeout", c -> c.engine().playbookTimeout(), "1s"),
          atLeast("engine.step_grace", c -> c.engine().stepGrace(), "100ms"),
          between("engine.output_limit", c -> c.engine().outputLimit(), 1024, 10_000_000),
          atLeast("engine.declare_timeout", c -> c.engine().declareTimeout(), "100ms"),
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
    checkHosts(config, merged, problems);
    checkServices(config, merged, problems);
    checkChannels(config, merged, problems);
    checkDevices(config, merged, problems);
  }

  /** Every device's problems, each located at its own entry. */
  private static void checkDevices(RoadieConfig config, Layer merged, Problems problems) {
    if (problems.reported("speakers.devices")) {
      return;
    }
    for (SpeakerEntries.Problem problem : SpeakerEntries.problems(config.speakers().devices())) {
      problems.add(
          merged.originOf("speakers.devices." + problem.device()),
          "speakers.devices",
          problem.message());
    }
  }

  /** Every bad address of {@code speakers.hosts}, each at its own place (file line or env var). */
  private static void checkHosts(RoadieConfig config, Layer merged, Problems problems) {
    if (problems.reported("speakers.hosts")) {
      return;
    }
    List<String> hosts = config.speakers().hosts();
    for (int i = 0; i < hosts.size(); i++) {
      String origin = merged.originOf("speakers.hosts[" + i + "]");
      SpeakerEntries.hostProblem(i, hosts.get(i))
          .ifPresent(message -> problems.add(origin, "speakers.hosts", message));
    }
  }

  private static final List<String> MANAGERS = List.of("process", "systemd");

  /** The rules of each named service: what its manager needs, and sane limits. */
  private static void checkServices(RoadieConfig config, Layer merged, Problems problems) {
    config
        .services()
        .forEach(
            (name, service) -> {
              String path = "services." + name;
              Problem problem =
                  (key, message) -> {
                    String keyPath = path + "." + key;
                    if (!problems.reported(keyPath)) {
                      problems.add(merged.originOf(keyPath), keyPath, message);
                    }
                  };
              String manager = service.manager().toLowerCase(Locale.ROOT);
              if (!MANAGERS.contains(manager)) {
                problem.add(
                    "manager",
                    "'"
                        + service.manager()
                        + "' is not one of process, systemd"
                        + Suggestions.didYouMean(service.manager(), MANAGERS));
              } else if (manager.equals("process") && service.command().isEmpty()) {
                problem.add(
                    "command",
                    "is not set; a process service needs the command that starts it, like"
                        + " [/usr/bin/audiodeck, --port, '8080']");
              }
              if (!service.healthUrl().isEmpty()
                  && okhttp3.HttpUrl.parse(service.healthUrl()) == null) {
                problem.add(
                    "health_url", "'" + service.healthUrl() + "' is not an http or https URL");
              }
              if (service.startTimeout().compareTo(Duration.ofMillis(100)) < 0) {
                problem.add(
                    "start_timeout",
                    Durations.format(service.startTimeout()) + " is below the minimum of 100ms");
              }
              if (service.stopTimeout().compareTo(Duration.ofMillis(100)) < 0) {
                problem.add(
                    "stop_timeout",
                    Durations.format(service.stopTimeout()) + " is below the minimum of 100ms");
              }
              if (service.startAttempts() < 1 || service.startAttempts() > 10) {
                problem.add("start_attempts", service.startAttempts() + " is not from 1 to 10");
              }
            });
  }

  private static final List<String> CHANNEL_TYPES = List.of("log", "webhook", "email");
  private static final List<String> SMTP_TLS = List.of("auto", "starttls", "tls", "none");
  private static final List<String> SEVERITIES = List.of("P1", "P2", "P3", "P4");
  private static final List<String> FORMATS_OF_WEBHOOKS = List.of("slack", "json");

  /** What each alert channel's type needs. */
  private static void checkChannels(RoadieConfig config, Layer merged, Problems problems) {
    config
        .alerts()
        .channels()
        .forEach(
            (name, channel) -> {
              String path = "alerts.channels." + name;
              Problem problem =
                  (key, message) -> {
                    String keyPath = path + "." + key;
                    if (!problems.reported(keyPath)) {
                      problems.add(merged.originOf(keyPath), keyPath, message);
                    }
                  };
              if (!CHANNEL_TYPES.contains(channel.type())) {
                problem.add(
                    "type",
                    (channel.type().isEmpty() ? "is not set" : "'" + channel.type() + "' is not")
                        + " one of log, webhook, email"
                        + Suggestions.didYouMean(channel.type(), CHANNEL_TYPES));
              }
              if (!SEVERITIES.contains(channel.minSeverity())) {
                problem.add(
                    "min_severity", "'" + channel.minSeverity() + "' is not one of P1, P2, P3, P4");
              }
              if (channel.type().equals("webhook")) {
                if (channel.url() == null) {
                  problem.add(
                      "url",
                      "is not set; a webhook channel needs the URL to POST to, as ${env:NAME}");
                } else if (okhttp3.HttpUrl.parse(channel.url().reveal()) == null) {
                  problem.add("url", "is not an http or https URL");
                }
                if (!FORMATS_OF_WEBHOOKS.contains(channel.format())) {
                  problem.add("format", "'" + channel.format() + "' is not one of slack, json");
                }
              }
              if (channel.type().equals("email")) {
                if (channel.smtpHost().isEmpty()) {
                  problem.add("smtp_host", "is not set; an email channel needs its SMTP server");
                }
                if (channel.from().isEmpty()) {
                  problem.add("from", "is not set; an email channel needs a sender address");
                }
                if (channel.to().isEmpty()) {
                  problem.add("to", "is not set; an email channel needs at least one recipient");
                }
                if (channel.smtpPort() < 1 || channel.smtpPort() > 65535) {
                  problem.add("smtp_port", channel.smtpPort() + " is not a port from 1 to 65535");
                }
                if (!SMTP_TLS.contains(channel.smtpTls())) {
                  problem.add(
                      "smtp_tls",
                      "'" + channel.smtpTls() + "' is not one of auto, starttls, tls, none");
                }
                if (channel.smtpUser().isEmpty() != (channel.smtpPassword() == null)) {
                  problem.add(
                      channel.smtpUser().isEmpty() ? "smtp_user" : "smtp_password",
                      "is not set; a login needs both smtp_user and smtp_password");
                }
              }
            });
  }

  private interface Problem {
    void add(String key, String message);
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

  /** A threshold that must not be below the one before it, like warning after target. */
  private static Rule<List<Duration>> notBelow(
      String keyPath,
      Function<RoadieConfig, Duration> value,
      String lowerPath,
      Function<RoadieConfig, Duration> lower) {
    return new Rule<>(
        keyPath,
        config -> List.of(value.apply(config), lower.apply(config)),
        pair ->
            pair.get(0).compareTo(pair.get(1)) >= 0
                ? Optional.empty()
                : Optional.of(
                    Durations.format(pair.get(0))
                        + " is below "
                        + lowerPath
                        + " ("
                        + Durations.format(pair.get(1))
                        + "); keep them in order"));
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
