package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plants secrets (one from config, one as a secret param), runs playbooks that log, print and fail
 * on them in a real roadie process, and searches every output and every stored file for them.
 */
class SecretCanaryTest {
  /** A quote and a backslash: JSON writers escape them, and the escaped form must not leak. */
  private static final String CONFIG_CANARY = "canary-cfg-7f3a\"9b\\2c41";

  private static final String CONFIG_CANARY_ESCAPED = "canary-cfg-7f3a\\\"9b\\\\2c41";
  private static final String PARAM_CANARY = "canary-param-d81e55a0";

  @TempDir Path home;

  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void noSecretReachesAnyOutputOrStoredFile(String logFormat) throws Exception {
    Files.createDirectories(home.resolve("playbooks"));
    Files.writeString(home.resolve("prod.yaml"), "vars:\n  token: ${env:CANARY_TOKEN}\n");
    Files.writeString(
        home.resolve("playbooks/leaky.groovy"),
        "param 'password', type: 'secret', required: true\n"
            + "step('log it') {\n"
            + "  log.info \"token is ${config.vars.token.reveal()}\"\n"
            + "  log.warn \"masked by type: ${config.vars.token} ${params.password}\"\n"
            + "  println \"echo ${config.vars.token.reveal()} ${params.password.reveal()}\"\n"
            + "  System.out.println(\"raw ${config.vars.token.reveal()}\")\n"
            + "  System.err.println(\"raw ${params.password.reveal()}\")\n"
            + "  run.mutate(config.vars.token.reveal(), \"login with ${params.password.reveal()}\") { }\n"
            + "}\n"
            + "step('fail on it') {\n"
            + "  throw new IllegalStateException(\"rejected ${config.vars.token.reveal()}\")\n"
            + "}\n"
            + "onFailure { failure -> println \"alert: ${failure.message}\" }\n");

    List<String> outputs = new ArrayList<>();
    outputs.add(
        roadie(logFormat, "run", "leaky", "-c", "prod.yaml", "-p", "password=" + PARAM_CANARY));
    outputs.add(
        roadie(
            logFormat,
            "run",
            "leaky",
            "-c",
            "prod.yaml",
            "-p",
            "password=" + PARAM_CANARY,
            "--json"));
    outputs.add(roadie(logFormat, "history", "-c", "prod.yaml", "--json"));
    outputs.add(roadie(logFormat, "check", "-c", "prod.yaml"));

    assertThat(outputs.get(0))
        .contains("echo *** ***", "raw ***", "alert:", "rejected ***", "leaky failed");
    assertThat(outputs.get(1)).contains("\"status\" : \"failed\"");
    assertThat(outputs.get(2)).contains("\"playbook\" : \"leaky\"");
    assertThat(outputs.get(3)).contains("1 playbook checked, 0 problems");
    for (String output : outputs) {
      assertThat(output)
          .doesNotContain(CONFIG_CANARY)
          .doesNotContain(CONFIG_CANARY_ESCAPED)
          .doesNotContain(PARAM_CANARY);
    }
    List<Path> stored = storedFiles();
    assertThat(stored).isNotEmpty();
    for (Path file : stored) {
      String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      assertThat(bytes)
          .as(file.toString())
          .doesNotContain(CONFIG_CANARY)
          .doesNotContain(PARAM_CANARY);
    }
  }

  private List<Path> storedFiles() throws IOException {
    try (Stream<Path> files = Files.walk(home.resolve("var"))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  /** Runs roadie as its own process, as a person would; returns stdout and stderr together. */
  private String roadie(String logFormat, String... args) throws Exception {
    Process process =
        RoadieProcess.start(
            home, Map.of("CANARY_TOKEN", CONFIG_CANARY, "LOG_FORMAT", logFormat), args);
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      return output;
    } finally {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aSecretParamIsMaskedInTheRunRecordParams(@TempDir Path other) {
    CliFixture roadie = new CliFixture(other);
    roadie.playbook("login", "param 'password', type: 'secret'\nstep('a') {}\n");

    CliFixture.Result result =
        roadie.roadie("run", "login", "-p", "password=hunter2-long", "--json");

    assertThat(result.out()).contains("\"password\" : \"***\"").doesNotContain("hunter2-long");
  }
}
