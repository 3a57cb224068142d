package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** roadie starts child processes with VFORK on JDKs that support it without deprecation. */
class ProcessLaunchTest {
  @TempDir Path home;

  private String mechanism(String... jvmOptions) throws Exception {
    Files.createDirectories(home.resolve("playbooks"));
    Files.writeString(
        home.resolve("playbooks/launch.groovy"),
        "step('show') { println \"launch: ${System.getProperty('jdk.lang.Process.launchMechanism')}\" }\n");
    ProcessBuilder builder = RoadieProcess.builder(home, Map.of(), "run", "launch");
    builder.command().addAll(1, java.util.List.of(jvmOptions));
    Process roadie = builder.start();
    String out = new String(roadie.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(roadie.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  @Test
  void vforkOnThisJdkUnlessAskedOtherwise() throws Exception {
    String expected = Runtime.version().feature() < 23 ? "VFORK" : "null";

    assertThat(mechanism()).contains("launch: " + expected);
    assertThat(mechanism("-Djdk.lang.Process.launchMechanism=POSIX_SPAWN"))
        .contains("launch: POSIX_SPAWN");
  }
}
