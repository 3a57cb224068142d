package dev.roadie.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roadie.run.RecordingRunContext;
import dev.roadie.sim.SpeakerSimulator;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code speakers.discover} against the simulator's mDNS announcements, on loopback only: a test
 * must not multicast onto a real network. Where this machine's loopback has no multicast (Linux's
 * default), the scenario runs in a JVM of its own inside a private network namespace ({@code
 * unshare -n}, as root) whose loopback has it; only where neither is possible is it skipped, and
 * says so.
 */
class DiscoveryTest {

  /** Whether this process's loopback carries multicast. */
  static boolean loopbackHasMulticast() throws Exception {
    NetworkInterface lo = NetworkInterface.getByInetAddress(InetAddress.getByName("127.0.0.1"));
    return lo != null && lo.isUp() && lo.supportsMulticast();
  }

  /** Finds three simulated speakers by mDNS on loopback; throws AssertionError when it does not. */
  static void discoverThreeSpeakers() throws Exception {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
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

  /** The scenario in a namespace's JVM: exit 0 when it passed, 1 with the failure when not. */
  public static void main(String[] args) throws Exception {
    try {
      discoverThreeSpeakers();
      System.out.println("discovered");
      System.exit(0);
    } catch (AssertionError e) {
      System.out.println(e.getMessage());
      System.exit(1);
    }
  }

  @Test
  void findsEverySimulatedSpeakerWithItsAddressAndDeviceId() throws Exception {
    if (loopbackHasMulticast()) {
      discoverThreeSpeakers();
      return;
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String setUp =
        "ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo"
            + " && exec \"$@\"";
    Process child =
        new ProcessBuilder(
                "unshare",
                "-n",
                "sh",
                "-c",
                setUp,
                "sh",
                java,
                "-cp",
                System.getProperty("java.class.path"),
                DiscoveryTest.class.getName())
            .redirectErrorStream(true)
            .start();
    String output;
    try {
      output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the namespace's JVM ended").isTrue();
    } finally {
      child.destroyForcibly();
    }
    boolean noNamespace =
        output.contains("unshare failed") || output.contains("Operation not permitted");
    String why =
        "SKIPPED: mDNS discovery is not tested on this machine: the loopback interface has no"
            + " MULTICAST flag, a test must not multicast onto a real network, and a private"
            + " network namespace could not be made (unshare -n needs root): "
            + output.strip();
    if (noNamespace) {
      System.err.println("DiscoveryTest " + why);
    }
    assumeTrue(!noNamespace, why);
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output).contains("discovered");
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
