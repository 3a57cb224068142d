package dev.roadie.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsLogsTest {
  @TempDir Path home;

  @Test
  void opsHandsOutLogDirectoriesAndMetricsLogsThatReadInADryRun() throws Exception {
    Path logs = Files.createDirectories(home.resolve("logs"));
    String now = Instant.now().toString();
    Files.writeString(logs.resolve("app.log"), now + " ERROR [api] E1042 timeout\n");
    Files.writeString(logs.resolve("metrics.log"), now + " response_ms=12.5 connections=3\n");
    OpsFixture fixture = new OpsFixture(home, true, null);
    Ops ops = fixture.ops();

    assertThat(ops.logs(logs).errors(Map.of("since", "1h")).byType())
        .containsExactly(Map.entry("E1042", 1L));
    assertThat(ops.metricsLog(logs.resolve("metrics.log")).trends().responseTime().max())
        .isEqualTo(12.5);
    assertThat(fixture.mutations).isEmpty();
  }
}
