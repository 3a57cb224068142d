package dev.roadie.speaker;

import java.time.Duration;

/**
 * What a fleet operation did on one device.
 *
 * @param value what the operation returned on the device (null for changes, or when it failed)
 * @param reason why it failed, one line naming the device; null when ok
 */
public record DeviceResult(
    String device, String address, boolean ok, Object value, String reason, Duration took) {
  @Override
  public String toString() {
    return ok
        ? device + ": ok" + (value == null ? "" : " " + value)
        : device + ": failed: " + reason;
  }
}
