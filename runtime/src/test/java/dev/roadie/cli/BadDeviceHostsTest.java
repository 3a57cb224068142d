package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadDeviceHostsTest {
  @TempDir Path home;

  @Test
  void checkAndRunRefuseABadDeviceHostsAsBadInput() {
    CliFixture fixture = new CliFixture(home);
    fixture.playbook("quiet", "step('nothing') { }\n");
    fixture.env.put("DEVICE_HOSTS", "127.0.0.1:18090,x:99999");

    CliFixture.Result check = fixture.roadie("check");
    CliFixture.Result run = fixture.roadie("run", "quiet");

    String message =
        "env DEVICE_HOSTS: speakers.hosts: 'x:99999' is not an address like 10.0.0.5 or"
            + " hall.local:8090 (port 1..65535)";
    assertThat(check.exit()).isEqualTo(2);
    assertThat(check.out() + check.err()).contains(message);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(message).doesNotContain("\tat ");
  }
}
