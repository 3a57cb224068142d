package dev.roadie.config;

import static dev.roadie.config.ConfigFixture.failure;
import static dev.roadie.config.ConfigFixture.problems;
import static dev.roadie.config.ConfigFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretReferencesTest {
  @TempDir Path home;

  @Test
  void anEnvReferenceResolvesToASecretNamingItsSource() {
    Path file = write(home, "store:\n  password: ${env:PG_PASS}\n");

    Secret password =
        ConfigLoader.load(home, file, Map.of("PG_PASS", "env-pass-7731"))
            .settings()
            .store()
            .password();

    assertThat(password.reveal()).isEqualTo("env-pass-7731");
    assertThat(password.reference()).isEqualTo("env:PG_PASS");
    assertThat(password).hasToString("***");
  }

  @Test
  void aFileReferenceIsReadRelativeToHomeWithoutItsTrailingNewline() throws Exception {
    Files.createDirectory(home.resolve("secrets"));
    Files.writeString(home.resolve("secrets/pg"), "file-pass-4410\n");
    Path file = write(home, "store:\n  password: ${file:secrets/pg}\n");

    Secret password = ConfigLoader.load(home, file, Map.of()).settings().store().password();

    assertThat(password.reveal()).isEqualTo("file-pass-4410");
    assertThat(password.reference()).isEqualTo("file:" + home.resolve("secrets/pg"));
  }

  @Test
  void referencesUnderVarsResolveAtAnyDepth() {
    Path file =
        write(
            home,
            """
            vars:
              slack:
                token: ${env:SLACK_TOKEN}
                channels: [ops, '${env:SLACK_TOKEN}']
            """);

    LoadedConfig loaded = ConfigLoader.load(home, file, Map.of("SLACK_TOKEN", "xoxb-1234-abcd"));

    @SuppressWarnings("unchecked")
    Map<String, Object> slack = (Map<String, Object>) loaded.settings().vars().get("slack");
    assertThat(slack.get("token")).isInstanceOf(Secret.class);
    assertThat(((Secret) slack.get("token")).reveal()).isEqualTo("xoxb-1234-abcd");
    assertThat((List<?>) slack.get("channels")).element(1).isInstanceOf(Secret.class);
    assertThat(loaded.tree().get("vars")).isEqualTo(loaded.settings().vars());
  }

  @Test
  void aPlainPasswordIsALiteralSecret() {
    Path file = write(home, "store:\n  password: plain-pass-5520\n");

    LoadedConfig loaded = ConfigLoader.load(home, file, Map.of());

    Secret password = loaded.settings().store().password();
    assertThat(password.reference()).isEqualTo("literal");
    assertThat(password.reveal()).isEqualTo("plain-pass-5520");
    @SuppressWarnings("unchecked")
    Map<String, Object> store = (Map<String, Object>) loaded.tree().get("store");
    assertThat(store.get("password")).isEqualTo(password);
  }

  @Test
  void anEmptyPasswordMeansNone() {
    Path file = write(home, "store:\n  password: ${env:PG_PASS}\n");

    assertThat(ConfigLoader.load(home, file, Map.of("PG_PASS", "")).settings().store().password())
        .isNull();
  }

  @Test
  void aReferenceToAnUnsetVariableSaysWhatToDo() {
    Path file = write(home, "store:\n  password: ${env:PG_PASS}\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file
                + ":2:3: store.password: ${env:PG_PASS} refers to environment variable PG_PASS,"
                + " which is not set; export it or change the reference");
  }

  @Test
  void aReferenceToAMissingFileNamesTheFile() {
    Path file = write(home, "vars:\n  token: ${file:secrets/token}\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file
                + ":2:3: vars.token: ${file:secrets/token} refers to file "
                + home.resolve("secrets/token")
                + ", which does not exist; create it or change the reference");
  }

  @Test
  void aReferenceToADirectoryIsReported() throws Exception {
    Files.createDirectory(home.resolve("secrets"));
    Path file = write(home, "store:\n  password: ${file:secrets}\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file
                + ":2:3: store.password: ${file:secrets} refers to file "
                + home.resolve("secrets")
                + ", which is a directory, not a file; fix it or change the reference");
  }

  @Test
  void aReferenceInAFieldThatIsNotSecretIsRejected() {
    Path file = write(home, "log:\n  level: ${env:LEVEL}\n");

    assertThat(problems(home, file, Map.of("LEVEL", "info")))
        .containsExactly(
            file
                + ":2:3: log.level: secret references are only allowed in secret fields"
                + " and under vars");
  }

  @Test
  void aReferenceWithoutAVariableNameIsRejected() {
    Path file = write(home, "store:\n  password: ${env:}\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file
                + ":2:3: store.password: ${env:} does not name an environment variable;"
                + " write ${env:NAME}");
  }

  @Test
  void aSecretValueNeverAppearsInTheErrorMessage() {
    Path file =
        write(
            home,
            """
            store:
              password: ${env:PG_PASS}
            log:
              level: hunter2-secret-9911
            """);

    ConfigException failure = failure(home, file, Map.of("PG_PASS", "hunter2-secret-9911"));

    assertThat(failure.getMessage())
        .contains("log.level: '***' is not one of")
        .doesNotContain("hunter2-secret-9911");
  }
}
