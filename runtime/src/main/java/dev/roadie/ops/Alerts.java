package dev.roadie.ops;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.roadie.config.LoadedConfig;
import dev.roadie.config.Redactor;
import dev.roadie.config.RoadieConfig;
import dev.roadie.run.Hosts;
import dev.roadie.run.RunContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code alerts} in a playbook: {@code alerts.raise('P1', title, detail, fields)} sends an alert to
 * every channel in {@code alerts.channels} that takes its severity.
 *
 * <p>Raising never fails the playbook: a channel that fails after its retries (with backoff, {@code
 * alerts.retries}) is logged and recorded as a failed change of the run ({@code alert:CHANNEL}),
 * and the result says so. A duplicate (same severity and title) raised within {@code
 * alerts.fold_window} of the last one sent is folded into it: not sent, but counted, and the next
 * one sent says how many were folded. In a dry run nothing is sent. One per run; thread-safe.
 */
public final class Alerts {
  private static final Logger LOG = LoggerFactory.getLogger("alerts");
  private static final Duration MAX_DELAY = Duration.ofSeconds(30);

  private final RunContext run;
  private final RoadieConfig.AlertsConfig config;
  private final List<AlertChannel> channels;
  private final FoldBook folds;

  Alerts(LoadedConfig loaded, RunContext run) {
    this.run = run;
    this.config = loaded.settings().alerts();
    this.channels = channels(config);
    this.folds = new FoldBook(loaded.settings().dataDir(), config.foldWindow());
  }

  public AlertResult raise(String severity, String title) {
    return raise(severity, title, "", Map.of());
  }

  public AlertResult raise(String severity, String title, String detail) {
    return raise(severity, title, detail, Map.of());
  }

  /**
   * @throws OpsException only for a severity that is not P1..P4: a mistake in the playbook
   */
  public AlertResult raise(String severity, String title, String detail, Map<String, ?> fields) {
    Severity level = Severity.parse(severity);
    String heading = String.valueOf(title);
    Instant now = Instant.now();
    FoldBook.Decision decision = fold(level, heading, now);
    if (!decision.send()) {
      LOG.info(
          "{}",
          Redactor.redact(
              "["
                  + level
                  + "] "
                  + heading
                  + ": folded ("
                  + decision.count()
                  + " within the fold window)"));
      return new AlertResult(level.name(), heading, true, decision.count(), List.of());
    }
    Map<String, Object> shown = new LinkedHashMap<>();
    (fields == null ? Map.<String, Object>of() : fields)
        .forEach((key, value) -> shown.put(String.valueOf(key), value));
    Alert alert =
        new Alert(
            level,
            heading,
            detail == null ? "" : String.valueOf(detail),
            shown,
            decision.folded(),
            run.id(),
            run.playbook(),
            Hosts.name(),
            now);
    List<AlertResult.Delivery> deliveries = new ArrayList<>();
    for (AlertChannel channel : channels) {
      deliveries.add(deliver(channel, alert));
    }
    return new AlertResult(level.name(), heading, false, 1, deliveries);
  }

  private FoldBook.Decision fold(Severity level, String title, Instant now) {
    try {
      return folds.decide(level + "\n" + title, now, !run.dryRun());
    } catch (RuntimeException e) {
      // Better a duplicate than a lost alert.
      LOG.warn(
          "alerts: cannot fold duplicates: {}", Redactor.redact(String.valueOf(e.getMessage())));
      return new FoldBook.Decision(true, 0, 1);
    }
  }

  private AlertResult.Delivery deliver(AlertChannel channel, Alert alert) {
    if (!alert.severity().atLeast(channel.minSeverity())) {
      return new AlertResult.Delivery(channel.name(), "skipped", 0, null);
    }
    AtomicInteger attempts = new AtomicInteger();
    RetryPolicy<Object> retries =
        RetryPolicy.builder()
            .handle(Exception.class)
            .withMaxRetries(config.retries())
            .withBackoff(config.retryDelay(), max(config.retryDelay(), MAX_DELAY))
            .build();
    try {
      run.mutate(
          "alert:" + channel.name(),
          "send " + alert.headline(),
          () ->
              Failsafe.with(retries)
                  .get(
                      () -> {
                        attempts.incrementAndGet();
                        channel.send(alert);
                        return null;
                      }));
      return new AlertResult.Delivery(
          channel.name(), run.dryRun() ? "would-send" : "sent", attempts.get(), null);
    } catch (Exception e) {
      Throwable cause =
          e instanceof dev.failsafe.FailsafeException && e.getCause() != null ? e.getCause() : e;
      String why =
          Redactor.redact(cause instanceof OpsException ? cause.getMessage() : cause.toString());
      LOG.warn("alerts: channel {} failed after {} tries: {}", channel.name(), attempts.get(), why);
      return new AlertResult.Delivery(channel.name(), "failed", attempts.get(), why);
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) > 0 ? a : b;
  }

  private static List<AlertChannel> channels(RoadieConfig.AlertsConfig config) {
    List<AlertChannel> channels = new ArrayList<>();
    new java.util.TreeMap<>(config.channels())
        .forEach(
            (name, channel) -> {
              Severity least = Severity.parse(channel.minSeverity());
              switch (channel.type()) {
                case "webhook" ->
                    channels.add(
                        new WebhookChannel(
                            name, least, channel.url(), channel.format(), config.timeout()));
                case "email" ->
                    channels.add(
                        new EmailChannel(
                            name,
                            least,
                            channel.smtpHost(),
                            channel.smtpPort(),
                            channel.smtpTls(),
                            channel.smtpUser(),
                            channel.smtpPassword(),
                            channel.from(),
                            channel.to(),
                            config.timeout()));
                default -> channels.add(new LogChannel(name, least));
              }
            });
    return channels;
  }

  @Override
  public String toString() {
    return "alerts to " + channels.stream().map(AlertChannel::name).toList();
  }
}
