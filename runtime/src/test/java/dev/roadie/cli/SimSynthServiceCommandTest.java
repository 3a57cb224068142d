package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code roadie sim synth-service} as its own process, checked by a playbook like the real one. */
class SimSynthServiceCommandTest {
  @TempDir Path home;

  private String checkAgainst(String... simArgs) throws Exception {
    String[] args = new String[simArgs.length + 4];
    args[0] = "sim";
    args[1] = "synth-service";
    args[2] = "--port";
    args[3] = "0";
    System.arraycopy(simArgs, 0, args, 4, simArgs.length);
    Process sim = RoadieProcess.start(home, Map.of(), args);
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).startsWith("synth service running at http://127.0.0.1:");
      String url = line.replaceAll(".* at (http://[^;]+);.*", "$1");

      CliFixture roadie = new CliFixture(home);
      roadie.env.put("ROADIE_SYNTH_SERVICE_URL", url);
      roadie.playbook("synth-service", "step('check') { println synth.service.check() }\n");
      CliFixture.Result result = roadie.roadie("run", "synth-service");
      return result.out();
    } finally {
      sim.destroy();
      assertThat(sim.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aHealthyServicePassesItsCheck() throws Exception {
    assertThat(checkAgainst()).contains("8.5").doesNotContain("FAILED");
  }

  @Test
  void readingsAndFaultsSetAtStartFailTheCheckSayingWhy() throws Exception {
    assertThat(checkAgainst("--latency-ms", "35")).contains("35");
    assertThat(checkAgainst("--fail-status", "503")).contains("503");
  }
}
