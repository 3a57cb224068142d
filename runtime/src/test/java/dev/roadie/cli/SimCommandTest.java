package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimCommandTest {
  @TempDir Path home;

  @Test
  void startsSpeakersAndPrintsTheirHosts() {
    CliFixture fixture = new CliFixture(home);
    CliFixture.Result result =
        fixture.roadie("sim", "speakers", "--count", "2", "--base-port", "0", "--for", "200ms");
    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out()).containsPattern("Kitchen +127\\.0\\.0\\.1:\\d+ +0CB2B7000001");
    assertThat(result.out())
        .containsPattern("DEVICE_HOSTS=127\\.0\\.0\\.1:\\d+,127\\.0\\.0\\.1:\\d+");
    assertThat(result.out())
        .containsPattern("    kitchen: \\{host: '127\\.0\\.0\\.1:\\d+', websocket: \\d+}");
  }

  @Test
  void withoutNotificationsPrintsNoWebSocketPorts() {
    CliFixture fixture = new CliFixture(home);
    CliFixture.Result result =
        fixture.roadie(
            "sim",
            "speakers",
            "--count",
            "1",
            "--base-port",
            "0",
            "--no-notifications",
            "--for",
            "100ms");
    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out()).doesNotContain("websocket");
  }

  @Test
  void announcesTheDevicesOverMdnsWhenAsked() {
    CliFixture fixture = new CliFixture(home);
    CliFixture.Result result =
        fixture.roadie(
            "sim",
            "speakers",
            "--count",
            "1",
            "--base-port",
            "0",
            "--no-notifications",
            "--announce",
            "--for",
            "100ms");
    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("announced over mDNS as _soundtouch._tcp on 127.0.0.1");
  }

  @Test
  void refusesBadCountsAndNonLoopbackHosts() {
    CliFixture fixture = new CliFixture(home);
    assertThat(fixture.roadie("sim", "speakers", "--count", "0").exit()).isEqualTo(2);
    CliFixture.Result remote = fixture.roadie("sim", "speakers", "--host", "10.0.0.5");
    assertThat(remote.exit()).isEqualTo(2);
    assertThat(remote.err()).contains("loopback");
  }

  @Test
  void aTakenPortIsABadInputNamingThePortNotAStackTrace() throws Exception {
    CliFixture fixture = new CliFixture(home);
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      CliFixture.Result result =
          fixture.roadie(
              "sim",
              "speakers",
              "--count",
              "1",
              "--base-port",
              String.valueOf(port),
              "--no-notifications",
              "--for",
              "100ms");
      assertThat(result.exit()).isEqualTo(2);
      assertThat(result.err())
          .isEqualTo(
              "error: cannot listen on 127.0.0.1:"
                  + port
                  + " (Address already in use); the devices take ports "
                  + port
                  + ".."
                  + port
                  + ": try another --base-port, or --base-port 0 for free ones\n");
    }
  }

  @Test
  void aTakenNotificationPortIsNamedAsSuch() throws Exception {
    CliFixture fixture = new CliFixture(home);
    // The device's HTTP port is base, its notification port base + 1: take base + 1 only.
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int base = taken.getLocalPort() - 1;
      CliFixture.Result result =
          fixture.roadie(
              "sim",
              "speakers",
              "--count",
              "1",
              "--base-port",
              String.valueOf(base),
              "--for",
              "100ms");
      assertThat(result.exit()).isEqualTo(2);
      assertThat(result.err())
          .contains(
              "cannot listen on 127.0.0.1:"
                  + (base + 1)
                  + " for notification WebSockets (Address already in use)")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void aTakenPortStopsTheAudioDeckWithATryPortZero() throws Exception {
    CliFixture fixture = new CliFixture(home);
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      CliFixture.Result result = fixture.roadie("sim", "audiodeck", "--port", String.valueOf(port));
      assertThat(result.exit()).isEqualTo(2);
      assertThat(result.err())
          .isEqualTo(
              "error: cannot listen on 127.0.0.1:"
                  + port
                  + " (Address already in use); try --port 0\n");
      assertThat(result.out()).doesNotContain("stopped");
    }
  }
}
