package dev.roadie.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roadie.run.RecordingRunContext;
import dev.roadie.sim.SpeakerSimulator;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code speakers.discover} against the simulator's mDNS announcements, on loopback only: a test
 * must not multicast onto a real network. Where loopback has no multicast (Linux's default), the
 * test is skipped, and says so.
 */
class DiscoveryTest {

  static InetAddress loopbackWithMulticast() throws Exception {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    NetworkInterface lo = NetworkInterface.getByInetAddress(loopback);
    String why =
        "SKIPPED: mDNS discovery is not tested on this machine: the loopback interface"
            + (lo == null ? " was not found" : " has no MULTICAST flag")
            + ", and a test must not multicast onto a real network"
            + " (as root, 'ip link set lo multicast on' enables it)";
    if (lo == null || !lo.isUp() || !lo.supportsMulticast()) {
      System.err.println("DiscoveryTest " + why);
    }
    assumeTrue(lo != null && lo.isUp() && lo.supportsMulticast(), why);
    return loopback;
  }

  @Test
  void findsEverySimulatedSpeakerWithItsAddressAndDeviceId() throws Exception {
    InetAddress loopback = loopbackWithMulticast();
    try (SpeakerSimulator sim = SpeakerSimulator.start(3).announce(loopback)) {
      Speakers speakers =
          SimSpeakers.speakers(
              new dev.roadie.config.RoadieConfig.SpeakersConfig(
                  List.of(), Duration.ofSeconds(2), 0, 4, java.util.Map.of()),
              new RecordingRunContext(false));
      List<Discovered> found = speakers.discover(Duration.ofSeconds(3), List.of(loopback));
      assertThat(found).extracting(Discovered::name).containsExactly("Kitchen", "Lobby", "Office");
      Discovered kitchen = found.get(0);
      assertThat(kitchen.getAddress()).isEqualTo(sim.device(0).address());
      assertThat(kitchen.deviceId()).isEqualTo(sim.device(0).deviceId());
      assertThat(kitchen.manufacturer()).isEqualTo("Bose Corporation");
      // And the address found is one roadie can talk to.
      assertThat(speakers.at(kitchen.getAddress()).info().deviceId())
          .isEqualTo(sim.device(0).deviceId());
    }
  }

  @Test
  void aTimeoutMustBeAPositiveDuration() {
    Speakers speakers =
        SimSpeakers.speakers(
            new dev.roadie.config.RoadieConfig.SpeakersConfig(
                List.of(), Duration.ofSeconds(2), 0, 4, java.util.Map.of()),
            new RecordingRunContext(false));
    assertThatThrownBy(() -> speakers.discover("soon"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("timeout")
        .hasMessageContaining("'3s'");
    assertThatThrownBy(() -> speakers.discover(Duration.ZERO, List.of()))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> speakers.discover(Duration.ofSeconds(1), List.of()))
        .isInstanceOf(SpeakerException.class)
        .hasMessageContaining("no network interface here supports multicast");
  }
}
