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
            new Thresholds(kpi.target(), kpi.warning(), kpi.critical()),
            (action, result) -> timeline.record(action, result));
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

  private final java.util.concurrent.atomic.AtomicInteger incidents =
      new java.util.concurrent.atomic.AtomicInteger();

  public Object incident(String severity, String title, groovy.lang.Closure<?> repair) {
    return incident(java.util.Map.of(), severity, title, repair);
  }

  /**
   * Handles an incident: opens its record in the run history, collects a diagnostics bundle into
   * the run's work dir, then runs {@code repair} with the {@link IncidentRun}, putting everything
   * ops does meanwhile on the incident's timeline. When {@code repair} returns, the incident is
   * resolved. When it throws, the incident is escalated: an alert of the incident's severity goes
   * to the channels with the failure, the bundle's path and the timeline, and the step fails.
   *
   * <p>{@code service:} or {@code services:} name the services the bundle is about; by default it
   * covers every configured one.
   *
   * @return what {@code repair} returned
   */
  public Object incident(
      java.util.Map<String, ?> options,
      String severity,
      String title,
      groovy.lang.Closure<?> repair) {
    Args args = Args.of("ops.incident", options, "service", "services");
    Severity level = Severity.parse(severity);
    java.util.List<String> names = new java.util.ArrayList<>();
    if (args.has("service")) names.add(String.valueOf(args.raw("service")));
    if (args.raw("services") instanceof java.util.Collection<?> many)
      many.forEach(n -> names.add(String.valueOf(n)));
    if (names.isEmpty())
      names.addAll(new java.util.TreeSet<>(config.settings().services().keySet()));
    java.util.List<Service> services = names.stream().map(this::service).toList();

    int number = incidents.incrementAndGet();
    String id = run.id() + "-i" + number;
    java.nio.file.Path bundle = run.workDir().resolve("incident-" + number);
    java.time.Instant opened = java.time.Instant.now();
    run.incidents()
        .opened(
            new dev.roadie.run.Incident(
                id,
                run.id(),
                level.name(),
                title,
                "open",
                opened,
                null,
                bundle.toString(),
                null,
                null));
    IncidentRun incident = new IncidentRun(id, level, title, bundle, run.incidents());
    incident.record("opened", "[" + level + "] " + title);
    Diagnostics.collect(bundle, services, this, config.settings().dataDir());
    incident.record("diagnostics collected", bundle.toString());

    Timeline outer = timeline;
    timeline = incident;
    Object result;
    try {
      result = repair.getMaximumNumberOfParameters() == 0 ? repair.call() : repair.call(incident);
    } catch (Throwable failure) {
      timeline = outer;
      throw escalate(incident, level, title, failure);
    }
    timeline = outer;
    String took =
        dev.roadie.config.Durations.format(
            java.time.Duration.ofMillis(
                java.time.Duration.between(opened, java.time.Instant.now()).toMillis()));
    incident.record("resolved", "the repair worked, " + took + " after the incident opened");
    run.incidents().closed(id, "resolved", java.time.Instant.now(), "resolved in " + took);
    IncidentTimeline.write(incident);
    return result;
  }

  private OpsException escalate(
      IncidentRun incident, Severity level, String title, Throwable failure) {
    String why =
        failure.getClass().getName().startsWith("dev.roadie.") || failure instanceof AssertionError
            ? String.valueOf(failure.getMessage()).strip()
            : failure.toString();
    incident.record("repair failed", why);
    java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("incident", incident.getId());
    fields.put("diagnostics", incident.getBundle().toString());
    fields.put("timeline", IncidentTimeline.brief(incident.events()));
    AlertResult alert;
    try {
      alert =
          new Alerts(config, run)
              .raise(
                  level.name(),
                  "escalated: " + title,
                  "the runbook's repair failed: " + why,
                  fields);
    } catch (RuntimeException e) {
      alert = null;
      incident.record("escalation failed", String.valueOf(e.getMessage()));
    }
    if (alert != null) {
      incident.record(
          "escalated",
          alert.folded()
              ? "alert folded into an earlier one (" + alert.count() + " within the fold window)"
              : alert.deliveries().stream()
                  .map(
                      d ->
                          d.channel()
                              + " "
                              + d.outcome()
                              + (d.error() == null ? "" : " (" + d.error() + ")"))
                  .collect(java.util.stream.Collectors.joining(", ")));
    }
    run.incidents()
        .closed(incident.getId(), "escalated", java.time.Instant.now(), "repair failed: " + why);
    IncidentTimeline.write(incident);
    return new OpsException("incident " + incident.getId() + " escalated: " + why, failure);
  }

  @Override
  public String toString() {
    return "ops";
  }
}
