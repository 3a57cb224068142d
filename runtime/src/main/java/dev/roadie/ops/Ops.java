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
  private final Host host = new Host();
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
   * This machine: {@code ops.host.load}, {@code .memory}, {@code .listening}, {@code .connections}.
   */
  public Host getHost() {
    return host;
  }

  /**
   * A process by pid, or by name (the oldest of that name): CPU %, RSS, threads, open files,
   * uptime.
   *
   * @throws OpsException when there is no such process (any more)
   */
  public ProcessInfo process(Object pidOrName) {
    return Processes.one(pidOrName);
  }

  /** Every process of that name (or the one with that pid). */
  public java.util.List<ProcessInfo> processes(Object pidOrName) {
    return Processes.find(pidOrName);
  }

  /** The file system {@code path} is on: size, free, free %; {@code requireFree(percent: 10)}. */
  public DiskInfo disk(Object path) {
    java.nio.file.Path where = java.nio.file.Path.of(String.valueOf(path));
    try {
      java.nio.file.FileStore store = java.nio.file.Files.getFileStore(where);
      return new DiskInfo(String.valueOf(path), store.getTotalSpace(), store.getUsableSpace());
    } catch (java.nio.file.NoSuchFileException e) {
      throw new OpsException(path + ": no such file or directory");
    } catch (java.io.IOException e) {
      throw new OpsException(path + ": cannot read its file system: " + e.getMessage());
    }
  }

  /** The certificate of a TLS server ({@code 'host:443'}) or a PEM file, with days left. */
  public TlsInfo tls(String hostPortOrFile) {
    return Certificates.of(hostPortOrFile, config.settings().ops().httpTimeout());
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
