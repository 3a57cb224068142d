package dev.roadie.speaker;

/**
 * A SoundTouch found by {@code speakers.discover()}: what its {@code _soundtouch._tcp} mDNS
 * announcement says. {@code speakers.at(found.address)} talks to it.
 *
 * @param name the speaker's own name (the service instance name)
 * @param host its IPv4 address
 * @param port its Web API port (8090 on a real one)
 * @param deviceId the {@code MAC} TXT value, which is the deviceID of its documents; null if absent
 * @param manufacturer the {@code MANUFACTURER} TXT value, null if absent
 */
public record Discovered(String name, String host, int port, String deviceId, String manufacturer) {

  /** {@code host:port}, as {@code speakers.at} takes it. */
  public String getAddress() {
    return host + ":" + port;
  }

  @Override
  public String toString() {
    return name + " (" + getAddress() + (deviceId == null ? "" : ", " + deviceId) + ")";
  }
}
