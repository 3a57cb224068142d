package dev.roadie.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The other process of {@link TwoProcessesTest}: says {@code ready}, waits for a line on stdin so
 * that both processes open the store at the same moment, then records runs into it.
 *
 * <p>Arguments: the data dir, a run id prefix, how many runs.
 */
public final class RecordRunsMain {

  private RecordRunsMain() {}

  public static void main(String[] args) throws IOException {
    Path dataDir = Path.of(args[0]);
    String prefix = args[1];
    int count = Integer.parseInt(args[2]);

    System.out.println("ready");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();

    try (JdbcRunHistory history = JdbcRunHistory.embedded(dataDir)) {
      recordRuns(history, prefix, count);
    }
  }

  static void recordRuns(RunHistory history, String prefix, int count) {
    Instant start = Instant.now();
    for (int i = 0; i < count; i++) {
      Runs.recordWholeRun(history, prefix + i, "deploy", start.plusMillis(i));
    }
  }
}
