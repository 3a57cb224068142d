package dev.roadie.ops;

import dev.roadie.config.LoadedConfig;
import dev.roadie.run.ApiProvider;
import dev.roadie.run.RunContext;

/** Binds {@link Alerts} as {@code alerts}. */
public final class AlertsProvider implements ApiProvider {
  @Override
  public String name() {
    return "alerts";
  }

  @Override
  public String description() {
    return "alerts to the configured channels: log, webhook, email";
  }

  @Override
  public Object create(LoadedConfig config, RunContext run) {
    return new Alerts(config, run);
  }
}
