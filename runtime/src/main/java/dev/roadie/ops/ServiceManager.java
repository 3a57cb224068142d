package dev.roadie.ops;

import java.time.Instant;

/** How a service is run: by roadie itself ({@code process}) or by systemd. */
interface ServiceManager {
  ServiceStatus status();

  /** Starts it and waits until it is up; throws {@link OpsException} saying why not. */
  void start();

  /** Stops it and waits until it has; a stopped service stays stopped. */
  void stop();

  default void restart() {
    stop();
    start();
  }

  /** Its log lines since {@code since}, oldest first. */
  String logs(Instant since);

  /** The pids of its processes, main process first; empty when none runs. */
  java.util.List<Long> pids();
}
