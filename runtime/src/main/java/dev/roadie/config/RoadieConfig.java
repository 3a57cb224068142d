package dev.roadie.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * The typed configuration, bound from {@code config/roadie.yaml}, an optional {@code --config} file
 * and the environment. Relative paths are resolved against the roadie home (the checkout the
 * launcher runs from), so they mean the same thing from any working directory.
 *
 * @param dataDir where run history, the job store, caches and run artifacts live ({@code data_dir})
 * @param playbooksDir where playbooks are found by name ({@code playbooks_dir})
 * @param timeZone the zone schedules and reports use ({@code time_zone})
 * @param vars free-form values for playbooks, read as {@code config.vars.NAME}; a secret reference
 *     among them becomes a {@link Secret}; read-only, like {@link LoadedConfig#tree()}
 */
public record RoadieConfig(
    Path dataDir,
    Path playbooksDir,
    ZoneId timeZone,
    LogConfig log,
    StoreConfig store,
    EngineConfig engine,
    SpeakersConfig speakers,
    SoxConfig sox,
    SynthConfig synth,
    OpsConfig ops,
    Map<String, ServiceConfig> services,
    AlertsConfig alerts,
    Map<String, Object> vars) {

  public RoadieConfig {
    services = services == null ? Map.of() : Map.copyOf(services);
  }

  /**
   * @param level {@code trace}, {@code debug}, {@code info}, {@code warn} or {@code error} (env
   *     {@code LOG_LEVEL})
   * @param format {@code text} or {@code json} (env {@code LOG_FORMAT})
   */
  public record LogConfig(String level, String format) {}

  /**
   * @param url JDBC url of the shared store; empty for the embedded H2 file under the data dir
   * @param password null when none is set: an empty value, written or resolved, means none
   * @param cluster true to run several {@code roadie serve} nodes over one PostgreSQL store
   */
  public record StoreConfig(String url, String user, Secret password, boolean cluster) {}

  /**
   * @param stepTimeout a step's timeout when it names none ({@code engine.step_timeout})
   * @param playbookTimeout a run's timeout when its playbook names none
   * @param stepGrace how long a timed-out step may take to stop after it is interrupted, before it
   *     is abandoned and the run goes on
   * @param outputLimit the most characters of a step's output kept in its record
   * @param declareTimeout how long a playbook's body may take to declare its steps and params
   */
  public record EngineConfig(
      java.time.Duration stepTimeout,
      java.time.Duration playbookTimeout,
      java.time.Duration stepGrace,
      int outputLimit,
      java.time.Duration declareTimeout) {}

  /**
   * @param hosts device addresses to add to the inventory (env {@code DEVICE_HOSTS}, comma
   *     separated)
   * @param requestTimeout per request; at least 1s
   * @param maxRetries for idempotent calls
   * @param concurrency how many devices a fleet operation talks to at once
   * @param devices named devices: {@code name: {host: ADDRESS, room: ROOM, tags: [TAG...]}},
   *     checked by {@link SpeakerEntries}
   */
  public record SpeakersConfig(
      java.util.List<String> hosts,
      java.time.Duration requestTimeout,
      int maxRetries,
      int concurrency,
      Map<String, Object> devices) {
    public SpeakersConfig {
      hosts = hosts == null ? java.util.List.of() : java.util.List.copyOf(hosts);
      devices =
          devices == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(devices));
    }
  }

  /**
   * @param binary the sox executable, a name on PATH or a path
   * @param maxWorkers the most sox processes at once (env {@code SOX_MAX_WORKERS})
   * @param timeout how long one sox process may run before it is killed
   * @param queueTimeout how long a caller waits for a free worker before it fails
   * @param killGrace how long a sox process that is stopped gets to end before it is killed hard
   * @param retry how failed runs of sox that may pass on a second try are retried
   * @param breaker when to stop starting sox after repeated failures of sox itself
   */
  public record SoxConfig(
      String binary,
      int maxWorkers,
      java.time.Duration timeout,
      java.time.Duration queueTimeout,
      java.time.Duration killGrace,
      RetryConfig retry,
      BreakerConfig breaker) {}

  /**
   * @param maxAttempts attempts in all, the first included; 1 turns retries off
   * @param initialBackoff the pause before the second attempt
   * @param maxBackoff the longest pause between attempts
   * @param multiplier each pause is the previous one times this
   */
  public record RetryConfig(
      int maxAttempts,
      java.time.Duration initialBackoff,
      java.time.Duration maxBackoff,
      double multiplier) {}

  /**
   * @param failureThreshold failures in a row that open the breaker
   * @param resetTimeout how long an open breaker refuses before it lets trial calls through
   * @param halfOpenTrials trial calls that must pass to close the breaker again
   */
  public record BreakerConfig(
      int failureThreshold, java.time.Duration resetTimeout, int halfOpenTrials) {}

  /**
   * @param soundfontDirs directories searched for SF2 soundfonts, in order; relative ones are read
   *     from the roadie home
   * @param installDir where {@code synth.install(file)} puts a soundfont; always listed
   * @param defaultSoundfont the soundfont renders and the audio path check load
   * @param sampleRate of renders, in Hz
   * @param maxRender the longest audio one render may produce
   * @param fluidsynth the FluidSynth server roadie talks to, and how it starts one
   * @param service the synth service's HTTP endpoints and alert thresholds
   */
  public record SynthConfig(
      java.util.List<String> soundfontDirs,
      Path installDir,
      Path defaultSoundfont,
      int sampleRate,
      java.time.Duration maxRender,
      FluidsynthConfig fluidsynth,
      SynthServiceConfig service) {
    public SynthConfig {
      soundfontDirs =
          soundfontDirs == null ? java.util.List.of() : java.util.List.copyOf(soundfontDirs);
    }
  }

  /**
   * @param httpTimeout an HTTP check's connect, read and whole-call timeout, unless it names its
   *     own
   * @param httpConcurrency how many checks {@code ops.http.getAll} runs at once
   * @param responseTime the thresholds HTTP checks rate their response time by
   * @param systemctl the systemctl executable, for services managed by systemd
   * @param journalctl the journalctl executable, for their logs
   */
  public record OpsConfig(
      java.time.Duration httpTimeout,
      int httpConcurrency,
      ResponseTimeConfig responseTime,
      String systemctl,
      String journalctl) {}

  /**
   * The response-time KPI of an HTTP check: at or under {@code target} meets it, over {@code
   * warning} is a warning, over {@code critical} is critical.
   */
  public record ResponseTimeConfig(
      java.time.Duration target, java.time.Duration warning, java.time.Duration critical) {}

  /**
   * A server of the estate, as {@code ops.service(name)} manages it ({@code services.NAME}). Keys
   * left out take the defaults below.
   *
   * @param manager {@code process} (roadie starts the command itself; the default) or {@code
   *     systemd}
   * @param command {@code process}: the program and its arguments; a relative program path with a
   *     {@code /} is read from the roadie home
   * @param directory {@code process}: the working directory; default the service's state dir
   * @param env {@code process}: variables added to the command's environment; values may be secret
   *     references
   * @param unit {@code systemd}: the unit; default {@code NAME.service}
   * @param healthUrl answers 2xx when the service is up; start and restart wait for it; may be
   *     empty
   * @param startTimeout how long start waits for the service to come up (default 30s)
   * @param stopTimeout {@code process}: how long stop waits after SIGTERM before SIGKILL (default
   *     10s)
   * @param startAttempts {@code process}: how often start tries a command that exits at once
   *     (default 3)
   */
  public record ServiceConfig(
      String manager,
      java.util.List<String> command,
      Path directory,
      Map<String, Object> env,
      String unit,
      String healthUrl,
      java.time.Duration startTimeout,
      java.time.Duration stopTimeout,
      Integer startAttempts) {
    public ServiceConfig {
      manager = manager == null || manager.isBlank() ? "process" : manager.trim();
      command = command == null ? java.util.List.of() : java.util.List.copyOf(command);
      env =
          env == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
      unit = unit == null ? "" : unit.trim();
      healthUrl = healthUrl == null ? "" : healthUrl.trim();
      startTimeout = startTimeout == null ? java.time.Duration.ofSeconds(30) : startTimeout;
      stopTimeout = stopTimeout == null ? java.time.Duration.ofSeconds(10) : stopTimeout;
      startAttempts = startAttempts == null ? 3 : startAttempts;
    }
  }

  /**
   * @param binary the fluidsynth executable, a name on PATH or a path
   * @param host the address of the FluidSynth shell server {@code synth.fluid.connect()} talks to
   * @param port its shell port ({@code shell.port})
   * @param timeout per command, and for a started server to open its port
   */
  public record FluidsynthConfig(
      String binary, String host, int port, java.time.Duration timeout) {}

  /**
   * @param url the synth service's base url; {@code /health}, {@code /health/detailed} and {@code
   *     /metrics} are read below it
   * @param timeout per request
   * @param latencyAlertMs audio latency above this many milliseconds fails the latency rule
   * @param cpuAlertPercent CPU use above this fails the CPU rule
   * @param memoryAlertPercent memory use above this fails the memory rule
   */
  public record SynthServiceConfig(
      String url,
      java.time.Duration timeout,
      int latencyAlertMs,
      int cpuAlertPercent,
      int memoryAlertPercent) {}

  /**
   * @param foldWindow duplicates (same severity and title) raised within this long of the last one
   *     sent are folded into it, and counted
   * @param retries tries of a failed delivery after the first
   * @param retryDelay the wait before the first retry, doubling for each next one, up to 30s
   * @param timeout one delivery attempt's limit
   * @param channels where alerts go, by name
   */
  public record AlertsConfig(
      java.time.Duration foldWindow,
      int retries,
      java.time.Duration retryDelay,
      java.time.Duration timeout,
      Map<String, ChannelConfig> channels) {
    public AlertsConfig {
      channels = channels == null ? Map.of() : Map.copyOf(channels);
    }
  }

  /**
   * One alert channel ({@code alerts.channels.NAME}).
   *
   * @param type {@code log}, {@code webhook} or {@code email}
   * @param minSeverity the least severe alert it takes: {@code P4} (all, the default) to {@code P1}
   * @param url {@code webhook}: where to POST; a secret, since a webhook URL is its own password
   * @param format {@code webhook}: {@code slack} (the default) or {@code json}
   * @param smtpHost {@code email}: the SMTP server
   * @param smtpPort {@code email}: its port (default 25)
   * @param from {@code email}: the sender address
   * @param to {@code email}: the recipients
   * @param smtpTls {@code email}: {@code auto} (STARTTLS when the server offers it, the default),
   *     {@code starttls} (required), {@code tls} (TLS from the first byte, port 465) or {@code
   *     none}
   * @param smtpUser {@code email}: the login, when the server wants one
   * @param smtpPassword {@code email}: its password, a secret
   */
  public record ChannelConfig(
      String type,
      String minSeverity,
      Secret url,
      String format,
      String smtpHost,
      Integer smtpPort,
      String from,
      java.util.List<String> to,
      String smtpTls,
      String smtpUser,
      Secret smtpPassword) {
    public ChannelConfig {
      type = type == null ? "" : type.trim().toLowerCase(java.util.Locale.ROOT);
      minSeverity =
          minSeverity == null || minSeverity.isBlank()
              ? "P4"
              : minSeverity.trim().toUpperCase(java.util.Locale.ROOT);
      format =
          format == null || format.isBlank()
              ? "slack"
              : format.trim().toLowerCase(java.util.Locale.ROOT);
      smtpHost = smtpHost == null ? "" : smtpHost.trim();
      smtpPort = smtpPort == null ? 25 : smtpPort;
      from = from == null ? "" : from.trim();
      to = to == null ? java.util.List.of() : java.util.List.copyOf(to);
      smtpTls =
          smtpTls == null || smtpTls.isBlank()
              ? "auto"
              : smtpTls.trim().toLowerCase(java.util.Locale.ROOT);
      smtpUser = smtpUser == null ? "" : smtpUser.trim();
    }
  }
}
