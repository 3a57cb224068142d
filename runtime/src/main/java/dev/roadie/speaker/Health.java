package dev.roadie.speaker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code speakers.health()}: every device pinged once. The fleet is {@code ok} when all answered,
 * else {@code degraded}.
 */
public record Health(String state, List<DeviceHealth> devices, Duration took) {
  public Health {
    devices = List.copyOf(devices);
  }

  public List<DeviceHealth> getUnhealthy() {
    return devices.stream().filter(d -> !d.healthy()).toList();
  }

  public boolean isOk() {
    return "ok".equals(state);
  }

  /**
   * @param lastSeen when roadie last had an answer from it in this process, or null if never
   * @param reason why it is unhealthy; null when healthy
   */
  public record DeviceHealth(
      String device, String address, boolean healthy, Instant lastSeen, String reason) {
    @Override
    public String toString() {
      return device + ": " + (healthy ? "healthy" : "unhealthy (" + reason + ")");
    }
  }

  @Override
  public String toString() {
    return state
        + ": "
        + (devices.size() - getUnhealthy().size())
        + " of "
        + devices.size()
        + " healthy";
  }
}
