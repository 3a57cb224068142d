package dev.roadie.ops;

import dev.roadie.config.LoadedConfig;
import dev.roadie.config.Redactor;
import dev.roadie.run.RunContext;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code alerts} in a playbook: {@code alerts.raise('P1', title, detail, fields)}. Raising never
 * fails the playbook. One per run; safe to use from several threads.
 */
public final class Alerts {
  private static final Logger LOG = LoggerFactory.getLogger("alerts");

  private final RunContext run;

  Alerts(LoadedConfig config, RunContext run) {
    this.run = run;
  }

  public void raise(String severity, String title) {
    raise(severity, title, "", Map.of());
  }

  public void raise(String severity, String title, String detail) {
    raise(severity, title, detail, Map.of());
  }

  public void raise(String severity, String title, String detail, Map<String, ?> fields) {
    LOG.warn("{} {}: {} {}", severity, Redactor.redact(title), Redactor.redact(detail), fields);
  }

  @Override
  public String toString() {
    return "alerts of " + run;
  }
}
