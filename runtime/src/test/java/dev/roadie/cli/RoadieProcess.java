package dev.roadie.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** roadie as its own OS process, on the test class path, as a person runs it. */
final class RoadieProcess {
  private RoadieProcess() {}

  static ProcessBuilder builder(Path home, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
    builder.environment().put("ROADIE_HOME", home.toString());
    builder.environment().putAll(env);
    return builder;
  }

  static Process start(Path home, Map<String, String> env, String... args) throws IOException {
    return builder(home, env, args).start();
  }
}
