package dev.roadie.ops;

import dev.roadie.config.LoadedConfig;
import dev.roadie.config.RoadieConfig;
import dev.roadie.config.Suggestions;
import dev.roadie.ops.logs.CleanupResult;
import dev.roadie.ops.logs.Housekeeping;
import dev.roadie.ops.logs.LogDir;
import dev.roadie.ops.logs.MetricsLog;
import dev.roadie.run.RunContext;
import groovy.lang.Closure;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code ops} in a playbook: watching and repairing the servers of the estate. One per run, made
 * the first time a step uses it; safe to use from several threads.
 *
 * <ul>
 *   <li>{@code ops.http}: HTTP checks ({@link HttpChecks})
 *   <li>{@code ops.service(name)}: the services in config ({@link Service})
 *   <li>{@code ops.process(pidOrName)}, {@code ops.host}, {@code ops.disk(path)}, {@code
 *       ops.tls(target)}: processes, this machine, file systems and certificates
 *   <li>{@code ops.incident(severity, title) { }}: incident response ({@link IncidentRun})
 *   <li>{@code ops.backup(name, sources:, to:)}, {@code ops.backups(dir)}, {@code ops.restore(file,
 *       to:)}: verified tar.gz backups and restores that refuse to make things worse
 *   <li>{@code ops.audit(...)}: a read-only security audit of this machine ({@link AuditReport})
 *   <li>{@code ops.pgDump(url, to:)}, {@code ops.pgRestore(file, url:)}: PostgreSQL dumps with the
 *       real tools, verified before they are kept or restored
 *   <li>{@code ops.logs(dir).rotate(...) { postRotate }}, {@code ops.housekeeping(...)}: log
 *       rotation as logrotate does it, and deleting old temp files and rotated logs
 *   <li>{@code ops.logs(dir).errors(since: '24h')}, {@code ops.metricsLog(file).trends(window:
 *       '7d')}: errors and metric trends of logs, rotated and gzipped ones included
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
  private final IncidentResponse responses;

  Ops(LoadedConfig config, RunContext run) {
    this.config = config;
    this.run = run;
    this.responses = new IncidentResponse(config, run, this);
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
  public List<ProcessInfo> processes(Object pidOrName) {
    return Processes.find(pidOrName);
  }

  /** The file system {@code path} is on: size, free, free %; {@code requireFree(percent: 10)}. */
  public DiskInfo disk(Object path) {
    Path where = Path.of(String.valueOf(path));
    try {
      FileStore store = Files.getFileStore(where);
      return new DiskInfo(String.valueOf(path), store.getTotalSpace(), store.getUsableSpace());
    } catch (NoSuchFileException e) {
      throw new OpsException(path + ": no such file or directory");
    } catch (IOException e) {
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
      var known = new TreeSet<>(config.settings().services().keySet());
      throw new OpsException(
          "no service '"
              + name
              + "' in config"
              + Suggestions.didYouMean(name, known)
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

  public Object incident(String severity, String title, Closure<?> repair) {
    return incident(Map.of(), severity, title, repair);
  }

  /**
   * Handles an incident: opens its record in the run history, collects a diagnostics bundle into
   * the run's work dir, then runs {@code repair} with the {@link IncidentRun}, putting everything
   * ops does meanwhile on the incident's timeline. When {@code repair} returns, the incident is
   * resolved. When it throws, the incident is escalated: an alert of the incident's severity goes
   * to the channels with the failure, the bundle's path and the timeline, and the step fails.
   *
   * <p>In a dry run the incident is recorded with the status {@code dry-run}, and its changes are
   * planned. When {@code repair} throws after a change was planned (the health check after a
   * restart that was not made), that is the plan, not a failure: the timeline says the check was
   * not judged, and this returns null. A throw before any planned change still fails the step.
   *
   * <p>{@code service:} or {@code services:} name the services the bundle is about; by default it
   * covers every configured one.
   *
   * @return what {@code repair} returned
   */
  public Object incident(Map<String, ?> options, String severity, String title, Closure<?> repair) {
    Args args = Args.of("ops.incident", options, "service", "services");
    Severity level = Severity.parse(severity);
    List<String> names = new ArrayList<>();
    if (args.has("service")) {
      names.add(String.valueOf(args.raw("service")));
    }
    if (args.raw("services") instanceof Collection<?> many) {
      many.forEach(name -> names.add(String.valueOf(name)));
    }
    if (names.isEmpty()) {
      names.addAll(new TreeSet<>(config.settings().services().keySet()));
    }
    List<Service> services = names.stream().map(this::service).toList();
    IncidentRun incident = responses.open(level, title, services);
    Timeline outer = timeline;
    timeline = incident;
    try {
      Object result =
          repair.getMaximumNumberOfParameters() == 0 ? repair.call() : repair.call(incident);
      timeline = outer;
      responses.resolve(incident);
      return result;
    } catch (Throwable failure) {
      timeline = outer;
      if (responses.failedOnlyForThePlan(incident)) {
        responses.endPlan(incident, failure);
        return null;
      }
      throw responses.escalate(incident, failure);
    }
  }

  /**
   * Backs up {@code sources:} (files and directories, absolute; relative ones from the working
   * directory) into {@code to:} as {@code NAME-yyyyMMddTHHmmss.SSSZ.tar.gz}, a tar.gz GNU tar
   * reads, with a manifest (path, size, mode, owner, sha256 of every file) as its last entry. The
   * archive is written under a hidden partial name, read back and checked against the manifest, and
   * only then renamed into place: a backup that fails leaves no archive under a final name.
   *
   * <p>{@code exclude:} globs, matched against a path in the archive ({@code var/lib/x/cache/**})
   * and against a file name ({@code *.tmp}). {@code keep:} and {@code maxAge:} delete older backups
   * of the same name afterwards, never the newest verified one. {@code threads:} compresses on that
   * many threads (default: the cores, up to 4). In a dry run the sources are read and the result
   * lists what would be archived; nothing is written or deleted.
   *
   * @throws OpsException naming the source, the directory or the failure
   */
  public BackupResult backup(Map<String, ?> options, String name) {
    return BackupJob.run(run, name, options);
  }

  /** The backups in {@code dir}, newest first, with size, date and verification state. */
  public List<BackupInfo> backups(Object dir) {
    return BackupCatalog.list(Path.of(String.valueOf(dir)).toAbsolutePath().normalize(), null);
  }

  /**
   * Restores a backup made by {@link #backup} under {@code to:} (default {@code /}), the whole
   * archive or the paths in {@code only:} (as named in the archive or absolute). First the whole
   * archive is read and checked against its manifest, and every entry against the target: a damaged
   * archive, an entry that would land outside the target (absolute path, {@code ..}, a link
   * pointing out, a path through a link) is refused before anything is touched. What it will
   * replace is first backed up to {@code preRestoreTo:} (default: the archive's directory) as
   * {@code pre-restore-NAME-...tar.gz}: restoring that undoes the restore. Each path is written
   * beside its final name and renamed over it; when writing fails part way, what was created is
   * removed and what was replaced is put back. In a dry run the result lists what would change.
   *
   * @throws OpsException saying what was wrong, at which entry, and that nothing was changed
   */
  public RestoreResult restore(Map<String, ?> options, Object file) {
    return RestoreJob.run(run, file, options);
  }

  public RestoreResult restore(Object file) {
    return restore(Map.of(), file);
  }

  /**
   * Audits this machine and returns what it found, most urgent first, each finding with a level
   * ({@code high}, {@code medium}, {@code low}, {@code info}), what, where and what to do. Each
   * check runs when its argument is given: {@code paths:} world-writable files and directories
   * (sticky directories excepted; links not followed); {@code ports:} TCP listeners and bound UDP
   * sockets on other ports, with the process holding each; {@code authLogs:} and {@code journal:}
   * failed logins (sshd, PAM, sudo, su) since {@code since:} (default 24h), counted by user and
   * source, from the systemd journal too when none of the logs exists; {@code serviceUser:} that
   * account's shell, uid, groups, home, password and sudo rights. Pending package updates ({@code
   * apt list --upgradable}, within {@code aptTimeout:}, default 60s) are checked unless {@code
   * updates: false}; security ones are high. It changes nothing.
   */
  public AuditReport audit(Map<String, ?> options) {
    return Audit.run(options);
  }

  /**
   * Dumps a PostgreSQL database ({@code postgresql://USER@HOST:5432/DB} or a JDBC URL) with the
   * real {@code pg_dump -Fc} into {@code to:} as {@code NAME-yyyyMMddTHHmmss.SSSZ.dump} ({@code
   * name:} defaults to the database's). The dump is written under a hidden partial name, read back
   * whole by {@code pg_restore}, and only then renamed into place. {@code password:} is a {@link
   * dev.roadie.config.Secret}, handed to pg_dump in {@code PGPASSWORD}, never on its command line.
   * {@code keep:} and {@code maxAge:} delete older dumps of that name as {@link #backup} does.
   * {@code timeout:} (default 1h) ends pg_dump. A dry run dumps nothing.
   *
   * @throws OpsException with pg_dump's stderr (secrets masked); no dump is left under a final name
   */
  public PgDumpResult pgDump(Map<String, ?> options, Object url) {
    return PgDumpJob.run(run, url, options);
  }

  /**
   * Restores a dump made by {@link #pgDump} (any {@code pg_dump -Fc} archive) into {@code url:}.
   * The dump is first read whole; a truncated or damaged one is refused before the database is
   * touched. Then {@code pg_restore --single-transaction --exit-on-error}: a restore that fails
   * changes nothing. {@code clean: true} drops the archive's objects first ({@code --clean
   * --if-exists}); {@code noOwner: true} leaves ownership to the restoring user. In a dry run the
   * result lists the objects that would be restored.
   *
   * @throws OpsException with pg_restore's stderr (secrets masked), saying the database is as it
   *     was
   */
  public PgRestoreResult pgRestore(Map<String, ?> options, Object file) {
    return PgRestoreJob.run(run, file, options);
  }

  /**
   * The logs in {@code dir}: {@code ops.logs('/var/log/audiodeck').rotate(keep: 30) { }}, {@code
   * .errors(since: '24h')}, {@code .prune(olderThan: '30d')}.
   */
  public LogDir logs(Object dir) {
    return new LogDir(Path.of(String.valueOf(dir)), run);
  }

  /**
   * Deletes temp files older than {@code tempOlderThan:} under {@code tempDirs:} and rotated logs
   * older than {@code rotatedOlderThan:} in {@code logDirs:}, never following a link.
   */
  public CleanupResult housekeeping(Map<String, ?> options) {
    return Housekeeping.run(run, options);
  }

  /**
   * A metrics log, its rotated files with it, or a directory of them: {@code
   * ops.metricsLog('/var/log/audiodeck/metrics.log').trends(window: '7d')}.
   */
  public MetricsLog metricsLog(Object fileOrDir) {
    return new MetricsLog(Path.of(String.valueOf(fileOrDir)));
  }

  @Override
  public String toString() {
    return "ops";
  }
}
