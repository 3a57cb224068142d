package dev.roadie.ops;

import dev.roadie.config.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts to roadie's own log (logger {@code alerts}): P1 and P2 as errors, P3 warnings, P4 info.
 */
final class LogChannel implements AlertChannel {
  private static final Logger LOG = LoggerFactory.getLogger("alerts");

  private final String name;
  private final Severity minSeverity;

  LogChannel(String name, Severity minSeverity) {
    this.name = name;
    this.minSeverity = minSeverity;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Severity minSeverity() {
    return minSeverity;
  }

  @Override
  public void send(Alert alert) {
    String line =
        Redactor.redact(
            alert.headline()
                + (alert.detail().isEmpty() ? "" : ": " + alert.detail())
                + (alert.fields().isEmpty() ? "" : " " + alert.fields())
                + (alert.folded() > 0 ? " (raised " + alert.folded() + " more times)" : ""));
    switch (alert.severity()) {
      case P1, P2 -> LOG.error("{}", line);
      case P3 -> LOG.warn("{}", line);
      default -> LOG.info("{}", line);
    }
  }
}
