package dev.roadie.config;

import static dev.roadie.config.ConfigFixture.problems;
import static dev.roadie.config.ConfigFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeakerHostsRuleTest {
  @TempDir Path home;

  @Test
  void badDeviceHostsAreNamedWithTheVariableTheEntryAndTheRule() {
    assertThat(problems(home, null, Map.of("DEVICE_HOSTS", "::bad::,x:99999")))
        .containsExactly(
            "env DEVICE_HOSTS: speakers.hosts: '::bad::' is not an address like 10.0.0.5 or"
                + " hall.local:8090 (port 1..65535)",
            "env DEVICE_HOSTS: speakers.hosts: 'x:99999' is not an address like 10.0.0.5 or"
                + " hall.local:8090 (port 1..65535)");
  }

  @Test
  void aBadHostInAFileIsReportedAtItsOwnLine() {
    Path file =
        write(home, "speakers:\n  hosts:\n    - 10.0.0.5\n    - 'x:0'\n    - http://hall/\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file
                + ":4:7: speakers.hosts: 'x:0' is not an address like 10.0.0.5 or hall.local:8090"
                + " (port 1..65535)",
            file
                + ":5:7: speakers.hosts: 'http://hall/' is not an address like 10.0.0.5 or"
                + " hall.local:8090 (port 1..65535)");
  }

  @Test
  void goodHostsPass() {
    Map<String, String> env = Map.of("DEVICE_HOSTS", "10.0.0.5, hall.local:8090,127.0.0.1:18090");

    assertThatCode(() -> ConfigLoader.load(home, null, env)).doesNotThrowAnyException();
  }
}
