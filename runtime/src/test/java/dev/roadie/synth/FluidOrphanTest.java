package dev.roadie.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** A fluidsynth roadie started does not outlive roadie, even when roadie is killed with SIGKILL. */
class FluidOrphanTest {
  @TempDir Path home;

  @org.junit.jupiter.params.ParameterizedTest(name = "exposed: {0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void fluidsynthEndsWhenTheJvmThatStartedItIsKilled(boolean exposed) throws Exception {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            StartFluidMain.class.getName(),
            home.toString(),
            String.valueOf(exposed));
    Process jvm =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    long fluidsynth;
    long watchdog;
    try {
      String line =
          new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      assertThat(line).as("the child JVM's pids").matches("\\d+ \\d+");
      fluidsynth = Long.parseLong(line.split(" ")[0]);
      watchdog = Long.parseLong(line.split(" ")[1]);
      assertThat(ProcessHandle.of(fluidsynth)).isPresent();
    } finally {
      jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs
      jvm.waitFor();
    }

    Poll.until(
        () -> gone(fluidsynth) && gone(watchdog),
        "fluidsynth and its watchdog to end",
        Duration.ofSeconds(15));
  }

  private static boolean gone(long pid) {
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    return process.isEmpty() || FluidServer.ended(process.get());
  }
}
