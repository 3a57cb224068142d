package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
}
