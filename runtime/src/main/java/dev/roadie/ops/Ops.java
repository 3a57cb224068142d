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
  private final LoadedConfig config;
  private final RunContext run;
  private volatile Timeline timeline = Timeline.NONE;

  Ops(LoadedConfig config, RunContext run) {
    this.config = config;
    this.run = run;
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

  /**
   * A service by its name in config ({@code services.NAME}).
   *
   * @throws OpsException naming the configured services when there is none by that name
   */
  public Service service(String name) {
    RoadieConfig.ServiceConfig service = config.settings().services().get(name);
    if (service == null) {
      var known = new java.util.TreeSet<>(config.settings().services().keySet());
      throw new OpsException(
          "no service '"
              + name
              + "' in config"
              + dev.roadie.config.Suggestions.didYouMean(name, known)
              + (known.isEmpty()
                  ? "; there are none: add it under services in the config file"
                  : "; the services are " + String.join(", ", known)));
    }
    ServiceManager manager =
        service.manager().equalsIgnoreCase("systemd")
            ? new SystemdManager(
                name,
                service,
                config.settings().ops().systemctl(),
                config.settings().ops().journalctl())
            : new ProcessManager(name, service, config.home(), config.settings().dataDir());
    return new Service(name, manager, run, (action, result) -> timeline.record(action, result));
  }

  @Override
  public String toString() {
    return "ops";
  }
}
