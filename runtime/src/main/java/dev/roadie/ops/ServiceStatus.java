package dev.roadie.ops;

import java.time.Duration;
import java.time.Instant;

/**
 * A service's state as its manager reports it.
 *
 * @param name the service's name in config
 * @param manager {@code process} or {@code systemd}
 * @param state {@code active}, {@code inactive} (stopped, or never started) or {@code failed}
 *     (ended without being stopped, or failed to start)
 * @param pid the main process, or null when none runs
 * @param since when it entered the state, or null when not known
 * @param detail the manager's own words: systemd's sub-state and result, or how the process ended
 */
public record ServiceStatus(
    String name, String manager, String state, Long pid, Instant since, String detail) {

  public boolean isActive() {
    return state.equals("active");
  }

  /** How long it has been active; zero when it is not. */
  public Duration getUptime() {
    return isActive() && since != null ? Duration.between(since, Instant.now()) : Duration.ZERO;
  }

  @Override
  public String toString() {
    return name
        + " is "
        + state
        + (pid == null ? "" : " (pid " + pid + ")")
        + (detail == null || detail.isEmpty() ? "" : ": " + detail);
  }
}
