package dev.roadie.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Config for process services that run the simulated AudioDeck on this test's class path. */
public final class SimServices {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SimServices() {}

  /** The command that runs {@code roadie sim audiodeck --port PORT} with extra arguments. */
  public static List<String> command(int port, String... extra) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.roadie.cli.Main");
    command.addAll(List.of("sim", "audiodeck", "--port", Integer.toString(port)));
    command.addAll(List.of(extra));
    return command;
  }

  /** A {@code services:} entry, as YAML (JSON is YAML) lines indented under {@code services:}. */
  public static String entry(String name, int port, String extraYaml, String... extraArgs) {
    try {
      return "  "
          + name
          + ":\n    command: "
          + JSON.writeValueAsString(command(port, extraArgs))
          + "\n    health_url: http://127.0.0.1:"
          + port
          + "/health\n    start_timeout: 20s\n    stop_timeout: 5s\n"
          + extraYaml;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
