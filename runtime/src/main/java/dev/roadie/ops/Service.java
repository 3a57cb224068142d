package dev.roadie.ops;

import dev.roadie.config.Durations;
import dev.roadie.run.RunContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code ops.service(name)}: one server of the estate, as {@code services.NAME} in config says it
 * is run. Reads ({@link #status}, {@link #logs}) run for real in a dry run; {@link #start}, {@link
 * #stop} and {@link #restart} go through {@link RunContext#mutate}, so a dry run records them as
 * planned. Each waits until the change has happened (up, and answering its health URL when it has
 * one; or gone), or throws an {@link OpsException} saying why not.
 */
public final class Service {
  private final String name;
  private final ServiceManager manager;
  private final RunContext run;
  private final Timeline timeline;

  Service(String name, ServiceManager manager, RunContext run, Timeline timeline) {
    this.name = name;
    this.manager = manager;
    this.run = run;
    this.timeline = timeline;
  }

  public String getName() {
    return name;
  }

  public ServiceStatus status() {
    return manager.status();
  }

  public ServiceStatus getStatus() {
    return status();
  }

  public boolean isActive() {
    return status().isActive();
  }

  /** Fails unless the service is active, saying what state it is in instead. */
  public ServiceStatus requireActive() {
    ServiceStatus status = status();
    timeline.record("service " + name + " requireActive", status.toString());
    if (!status.isActive()) {
      throw new OpsException(status + "; expected it to be active");
    }
    return status;
  }

  /** Starts it unless it is active already; returns its status afterwards. */
  public ServiceStatus start() {
    if (isActive()) {
      timeline.record("service " + name + " start", "already active");
      return status();
    }
    return change("start", manager::start);
  }

  /** Stops it unless it is stopped already. */
  public ServiceStatus stop() {
    ServiceStatus before = status();
    if (!before.isActive() && before.pid() == null && !before.state().equals("failed")) {
      timeline.record("service " + name + " stop", "already stopped");
      return before;
    }
    return change("stop", manager::stop);
  }

  public ServiceStatus restart() {
    return change("restart", manager::restart);
  }

  private ServiceStatus change(String verb, Runnable action) {
    long started = System.nanoTime();
    try {
      run.mutate(
          name,
          verb,
          () -> {
            action.run();
            return null;
          });
    } catch (OpsException e) {
      timeline.record("service " + name + " " + verb, "failed: " + e.getMessage());
      throw e;
    } catch (Exception e) {
      timeline.record("service " + name + " " + verb, "failed: " + e);
      throw new OpsException(name + ": " + verb + " failed: " + e, e);
    }
    ServiceStatus after = status();
    timeline.record(
        "service " + name + " " + verb,
        (run.dryRun()
                ? Timeline.PLANNED + "; "
                : "done in "
                    + Durations.format(Duration.ofMillis((System.nanoTime() - started) / 1_000_000))
                    + "; ")
            + after);
    return after;
  }

  /** Its log of the last hour. */
  public String logs() {
    return logs(Map.of());
  }

  /** Its log since {@code since}: a duration back from now ({@code '2h'}) or an {@link Instant}. */
  public String logs(Map<String, ?> options) {
    Args args = Args.of("logs", options, "since");
    Object since = args.raw("since");
    Instant from =
        since instanceof Instant instant
            ? instant
            : Instant.now()
                .minus(since == null ? Duration.ofHours(1) : Args.duration("logs since", since));
    return manager.logs(from);
  }

  /** The pids of its processes, main process first; empty when none runs. */
  public List<Long> getPids() {
    return manager.pids();
  }

  @Override
  public String toString() {
    return "service " + name;
  }
}
