package dev.roadie.config;

import static dev.roadie.config.ConfigFixture.problems;
import static dev.roadie.config.ConfigFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentSettingsTest {
  @TempDir Path home;

  private RoadieConfig load(Map<String, String> env) {
    return ConfigLoader.load(home, null, env).settings();
  }

  @Test
  void roadiePrefixedNamesMapOntoKeyPathsThatContainUnderscores() {
    RoadieConfig settings =
        load(
            Map.of(
                "ROADIE_SPEAKERS_REQUEST_TIMEOUT", "2s",
                "ROADIE_DATA_DIR", "/srv/roadie",
                "ROADIE_STORE_CLUSTER", "true",
                "ROADIE_ENGINE_OUTPUT_LIMIT", "4096",
                "ROADIE_TIME_ZONE", "Europe/Berlin"));

    assertThat(settings.speakers().requestTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/roadie"));
    assertThat(settings.store().cluster()).isTrue();
    assertThat(settings.engine().outputLimit()).isEqualTo(4096);
    assertThat(settings.timeZone().getId()).isEqualTo("Europe/Berlin");
  }

  @Test
  void shortNamesFromExistingDeploymentsAreRead() {
    RoadieConfig settings =
        load(
            Map.of(
                "SOX_MAX_WORKERS", "8",
                "DEVICE_HOSTS", " hall.local, ,booth.local,",
                "LOG_LEVEL", "debug",
                "LOG_FORMAT", "json"));

    assertThat(settings.sox().maxWorkers()).isEqualTo(8);
    assertThat(settings.speakers().hosts()).containsExactly("hall.local", "booth.local");
    assertThat(settings.log()).isEqualTo(new RoadieConfig.LogConfig("debug", "json"));
  }

  @Test
  void aRoadiePrefixedNameWinsOverItsShortName() {
    RoadieConfig settings = load(Map.of("LOG_LEVEL", "debug", "ROADIE_LOG_LEVEL", "warn"));

    assertThat(settings.log().level()).isEqualTo("warn");
  }

  @Test
  void varsComeFromRoadieVarsNamesLowercased() {
    LoadedConfig loaded = ConfigLoader.load(home, null, Map.of("ROADIE_VARS_SITE_NAME", "Berlin"));

    assertThat(loaded.settings().vars()).isEqualTo(Map.of("site_name", "Berlin"));
    assertThat(loaded.sources()).containsExactly("embedded defaults", "environment");
  }

  @Test
  void anEmptyVariableCountsAsUnset() {
    LoadedConfig loaded =
        ConfigLoader.load(home, null, Map.of("LOG_LEVEL", "", "ROADIE_SOX_BINARY", " "));

    assertThat(loaded.settings().log().level()).isEqualTo("info");
    assertThat(loaded.settings().sox().binary()).isEqualTo("sox");
    assertThat(loaded.sources()).containsExactly("embedded defaults");
  }

  @Test
  void launcherVariablesAreIgnored() {
    LoadedConfig loaded =
        ConfigLoader.load(
            home,
            null,
            Map.of(
                "ROADIE_HOME", "/opt/roadie", "ROADIE_JAVA_OPTS", "-Xmx1g", "ROADIE_CONFIG", "x"));

    assertThat(loaded.sources()).containsExactly("embedded defaults");
  }

  @Test
  void unrelatedVariablesAreIgnored() {
    assertThat(load(Map.of("PATH", "/usr/bin", "HOME", "/root", "LOG_DIR", "/tmp")))
        .isEqualTo(load(Map.of()));
  }

  @Test
  void anUnknownRoadieVariableIsAProblemWithDidYouMean() {
    assertThat(problems(home, null, Map.of("ROADIE_SPEAKERS_CONCURENCY", "4")))
        .containsExactly(
            "env ROADIE_SPEAKERS_CONCURENCY: no setting reads this variable;"
                + " did you mean 'ROADIE_SPEAKERS_CONCURRENCY'?");
  }

  @Test
  void anUnknownRoadieVariableWithNothingCloseSaysHowNamesAreMade() {
    assertThat(problems(home, null, Map.of("ROADIE_TURBO", "on")))
        .containsExactly(
            "env ROADIE_TURBO: no setting reads this variable;"
                + " names are ROADIE_ and the key path, like ROADIE_SPEAKERS_CONCURRENCY");
  }

  @Test
  void aSectionNameIsNotASetting() {
    assertThat(problems(home, null, Map.of("ROADIE_SPEAKERS", "x")))
        .singleElement()
        .asString()
        .startsWith("env ROADIE_SPEAKERS: no setting reads this variable");
  }

  @Test
  void aWrongValueInTheEnvironmentNamesTheVariable() {
    assertThat(
            problems(
                home,
                null,
                Map.of("ROADIE_SPEAKERS_CONCURRENCY", "lots", "ROADIE_STORE_CLUSTER", "yes")))
        .containsExactly(
            "env ROADIE_SPEAKERS_CONCURRENCY: speakers.concurrency: 'lots' is not a whole number",
            "env ROADIE_STORE_CLUSTER: store.cluster: 'yes' is not true or false");
  }

  @Test
  void aRuleBrokenFromTheEnvironmentNamesTheVariable() {
    Path file = write(home, "sox:\n  max_workers: 2\n");

    assertThat(problems(home, file, Map.of("SOX_MAX_WORKERS", "0")))
        .containsExactly("env SOX_MAX_WORKERS: sox.max_workers: 0 is below the minimum of 1");
  }
}
