package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check on an unusable data dir, as a real process: its log goes to the same output. */
class DataDirCheckTest {
  @TempDir Path home;

  @Test
  void checkReportsAnUnusableDataDirOnceWithoutCacheWarnings() throws Exception {
    CliFixture roadie = new CliFixture(home);
    for (String name : new String[] {"one", "two", "three"}) {
      roadie.playbook(name, "description '" + name + "'\nstep('a') {}\n");
    }
    Path plainFile = Files.writeString(home.resolve("plain-file"), "not a directory\n");
    Path dataDir = plainFile.resolve("var");

    Process process =
        RoadieProcess.start(home, Map.of("ROADIE_DATA_DIR", dataDir.toString()), "check");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output)
        .containsOnlyOnce("error  data dir " + dataDir + " cannot be created")
        .doesNotContain("WARN")
        .doesNotContain("compile cache")
        .endsWith("3 playbooks checked, 1 problem\n");
  }
}
