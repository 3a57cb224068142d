package dev.roadie.ops;

import dev.roadie.config.LoadedConfig;
import dev.roadie.config.RoadieConfig;
import dev.roadie.run.RunContext;

/**
 * {@code ops} in a playbook: watching and repairing the servers of the estate. One per run, made
 * the first time a step uses it; safe to use from several threads.
 *
 * <ul>
 *   <li>{@code ops.http}: HTTP checks ({@link HttpChecks})
 * </ul>
 *
 * Reads run for real in a dry run; every change (start, stop, restart) goes through {@link
 * RunContext#mutate}, so a dry run records it as planned and does not do it.
 */
public final class Ops {
  private final HttpChecks http;

  Ops(LoadedConfig config, RunContext run) {
    RoadieConfig.OpsConfig ops = config.settings().ops();
    RoadieConfig.ResponseTimeConfig kpi = ops.responseTime();
    this.http =
        new HttpChecks(
            ops.httpTimeout(),
            ops.httpConcurrency(),
            new Thresholds(kpi.target(), kpi.warning(), kpi.critical()));
  }

  /** HTTP checks: {@code ops.http.get(url).requireStatus(200)}. */
  public HttpChecks getHttp() {
    return http;
  }

  @Override
  public String toString() {
    return "ops";
  }
}
