package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Params as {@code -p} gives them: secret references, ranges, repeats, what the record keeps. */
class ParamInputTest {
  private static final String REVERSES =
      "param 'pw', type: 'secret'\nstep('a') { println params.pw.reveal().reverse() }\n";

  @TempDir Path home;
  CliFixture roadie;

  @BeforeEach
  void setUp() {
    roadie = new CliFixture(home);
  }

  @Test
  void aSecretParamReadsAFileReference() {
    roadie.playbook("s", REVERSES);
    Path file = roadie.file("pw.txt", "file-pw-1\n");

    CliFixture.Result result = roadie.roadie("run", "s", "-p", "pw=${file:" + file + "}");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("    | 1-wp-elif");
  }

  @Test
  void aSecretParamReadsAnEnvironmentReference() throws Exception {
    roadie.playbook("s", REVERSES);

    Process roadieProcess =
        RoadieProcess.start(
            home, Map.of("PARAM_PW", "env-pw-2"), "run", "s", "-p", "pw=${env:PARAM_PW}");
    try {
      String out =
          new String(roadieProcess.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(roadieProcess.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(roadieProcess.exitValue()).as(out).isZero();
      assertThat(out).contains("    | 2-wp-vne");
    } finally {
      roadieProcess.destroyForcibly();
    }
  }

  @Test
  void aSecretParamWithAnUnsetVariableIsBadInputNamingParamAndReference() {
    roadie.playbook("s", REVERSES);

    CliFixture.Result result = roadie.roadie("run", "s", "-p", "pw=${env:ROADIE_TEST_UNSET_PW}");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: param 'pw': ${env:ROADIE_TEST_UNSET_PW} refers to environment variable"
                + " ROADIE_TEST_UNSET_PW, which is not set; export it or change the reference"
                + " (playbooks/s.groovy:1 declares it secret)\n");
  }

  @Test
  void aSecretParamWithAMissingFileIsBadInputNamingParamAndReference() {
    roadie.playbook("s", REVERSES);
    Path missing = home.resolve("no-such-pw");

    CliFixture.Result result = roadie.roadie("run", "s", "-p", "pw=${file:" + missing + "}");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: param 'pw': ${file:"
                + missing
                + "} refers to file "
                + missing
                + ", which does not exist; create it or change the reference"
                + " (playbooks/s.groovy:1 declares it secret)\n");
  }

  @Test
  void aPlainSecretValueIsStillTakenAsItIs() {
    roadie.playbook("s", REVERSES);

    CliFixture.Result result = roadie.roadie("run", "s", "-p", "pw=plain-pw-3");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("    | 3-wp-nialp");
  }

  @Test
  void anIntOutOfRangeSaysSoWithTheRange() {
    roadie.playbook("n", "param 'n', type: 'int'\nstep('a') { }\n");

    CliFixture.Result result = roadie.roadie("run", "n", "-p", "n=99999999999");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: param 'n': '99999999999' is out of range for an int; use a whole number from"
                + " -2147483648 to 2147483647 (or declare the param type: 'number')"
                + " (playbooks/n.groovy:1 declares it int)\n");
  }

  @Test
  void anIntDefaultOutOfRangeIsRefusedNotTruncated() {
    roadie.playbook("n", "param 'n', type: 'int', default: 99999999999\nstep('a') { }\n");

    CliFixture.Result result = roadie.roadie("run", "n");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("'99999999999' is out of range for an int");
  }

  @Test
  void aParamGivenTwiceIsBadInput() {
    roadie.playbook("n", "param 'name'\nstep('a') { println params.name }\n");

    CliFixture.Result result = roadie.roadie("run", "n", "-p", "name=a", "-p", "name=b");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("error: param 'name' is given twice (-p name=...); give each param once\n");
    assertThat(result.out()).doesNotContain("run ");
  }

  @Test
  void aParamOptionWithoutEqualsIsBadInput() {
    roadie.playbook("n", "param 'name'\nstep('a') { }\n");

    CliFixture.Result result = roadie.roadie("run", "n", "-p", "name");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("error: -p name is not KEY=VALUE; write it as -p name=value\n");
  }

  @Test
  void anOptionalParamNotGivenIsLeftOutOfTheRecordAsThePlaybookSeesNull() throws Exception {
    roadie.playbook(
        "o", "param 'given'\nparam 'optional'\nstep('a') { println(params.optional == null) }\n");

    CliFixture.Result result = roadie.roadie("run", "o", "-p", "given=x", "--json");

    JsonNode run = new ObjectMapper().readTree(result.out());
    assertThat(run.get("params").has("optional")).isFalse();
    assertThat(run.get("params").get("given").asText()).isEqualTo("x");
    assertThat(run.get("steps").get(0).get("output").asText()).isEqualTo("true\n");
  }

  @Test
  void runAndShowJsonKeepParamsTyped() throws Exception {
    roadie.playbook(
        "typed",
        "param 'samples', type: 'int', default: 30\n"
            + "param 'ratio', type: 'number'\n"
            + "param 'loud', type: 'boolean'\n"
            + "param 'every', type: 'duration'\n"
            + "param 'pw', type: 'secret'\n"
            + "param 'zone'\n"
            + "step('a') { }\n");
    String[] given = {
      "-p",
      "ratio=0.25",
      "-p",
      "loud=yes",
      "-p",
      "every=15m",
      "-p",
      "pw=typed-pw-4",
      "-p",
      "zone=10"
    };

    JsonNode run = json(roadie.roadie(concat(new String[] {"run", "typed", "--json"}, given)));
    JsonNode shown = json(roadie.roadie("show", run.get("id").asText(), "--json"));

    for (JsonNode params : List.of(run.get("params"), shown.get("params"))) {
      assertThat(params.get("samples").isInt()).isTrue();
      assertThat(params.get("samples").asInt()).isEqualTo(30);
      assertThat(params.get("ratio").isNumber()).isTrue();
      assertThat(params.get("ratio").decimalValue()).isEqualByComparingTo("0.25");
      assertThat(params.get("loud").isBoolean()).isTrue();
      assertThat(params.get("loud").asBoolean()).isTrue();
      assertThat(params.get("every").asText()).isEqualTo("15m");
      assertThat(params.get("pw").asText()).isEqualTo("***");
      assertThat(params.get("zone").isTextual()).isTrue();
      assertThat(params.get("zone").asText()).isEqualTo("10");
    }
  }

  private static JsonNode json(CliFixture.Result result) throws Exception {
    assertThat(result.exit()).as(result.err()).isZero();
    return new ObjectMapper().readTree(result.out());
  }

  private static String[] concat(String[] first, String[] second) {
    String[] all = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
