package dev.roadie.config;

import static dev.roadie.config.ConfigFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path home;

  @Test
  void defaultsLoadAndBindWithNoFileAndAnEmptyEnvironment() {
    LoadedConfig loaded = ConfigLoader.load(home, null, Map.of());

    RoadieConfig settings = loaded.settings();
    assertThat(settings.dataDir()).isEqualTo(home.resolve("var"));
    assertThat(settings.playbooksDir()).isEqualTo(home.resolve("playbooks"));
    assertThat(settings.timeZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(settings.log()).isEqualTo(new RoadieConfig.LogConfig("info", "text"));
    assertThat(settings.store()).isEqualTo(new RoadieConfig.StoreConfig("", "", null, false));
    assertThat(settings.engine())
        .isEqualTo(
            new RoadieConfig.EngineConfig(
                Duration.ofMinutes(10),
                Duration.ofHours(1),
                Duration.ofSeconds(5),
                65536,
                Duration.ofSeconds(10)));
    assertThat(settings.speakers())
        .isEqualTo(
            new RoadieConfig.SpeakersConfig(
                List.of(), Duration.ofSeconds(5), 3, 16, java.util.Map.of()));
    assertThat(settings.sox())
        .isEqualTo(
            new RoadieConfig.SoxConfig(
                "sox",
                4,
                Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                Duration.ofSeconds(2),
                new RoadieConfig.RetryConfig(3, Duration.ofMillis(100), Duration.ofSeconds(5), 2.0),
                new RoadieConfig.BreakerConfig(5, Duration.ofSeconds(10), 3)));
    assertThat(settings.vars()).isEmpty();
    assertThat(loaded.sources()).containsExactly("embedded defaults");
    assertThat(loaded.home()).isEqualTo(home.toAbsolutePath().normalize());
  }

  @Test
  void aConfigFileOverridesTheDefaultsKeyByKey() {
    Path file =
        write(
            home,
            """
            speakers:
              concurrency: 64
              hosts: [studio-a.local, studio-b.local]
            log:
              format: json
            """);

    LoadedConfig loaded = ConfigLoader.load(home, file, Map.of());

    assertThat(loaded.settings().speakers().concurrency()).isEqualTo(64);
    assertThat(loaded.settings().speakers().hosts())
        .containsExactly("studio-a.local", "studio-b.local");
    assertThat(loaded.settings().speakers().requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(loaded.settings().log()).isEqualTo(new RoadieConfig.LogConfig("info", "json"));
    assertThat(loaded.sources()).containsExactly("embedded defaults", file.toString());
  }

  @Test
  void theEnvironmentOverridesTheConfigFile() {
    Path file = write(home, "speakers:\n  concurrency: 64\n");

    LoadedConfig loaded = ConfigLoader.load(home, file, Map.of("ROADIE_SPEAKERS_CONCURRENCY", "8"));

    assertThat(loaded.settings().speakers().concurrency()).isEqualTo(8);
    assertThat(loaded.sources())
        .containsExactly("embedded defaults", file.toString(), "environment");
  }

  @Test
  void relativePathsResolveAgainstHomeAndAbsoluteOnesStay() {
    Path file = write(home, "data_dir: ./state/../data\nplaybooks_dir: /srv/playbooks\n");

    RoadieConfig settings = ConfigLoader.load(home, file, Map.of()).settings();

    assertThat(settings.dataDir()).isEqualTo(home.resolve("data"));
    assertThat(settings.playbooksDir()).isEqualTo(Path.of("/srv/playbooks"));
  }

  @Test
  void treeHoldsTheMergedSettingsByTheirYamlNames() {
    Path file = write(home, "engine:\n  step_timeout: 30s\nvars:\n  site: berlin\n");

    Map<String, Object> tree = ConfigLoader.load(home, file, Map.of()).tree();

    assertThat(tree)
        .containsEntry("time_zone", "UTC")
        .containsEntry("vars", Map.of("site", "berlin"));
    assertThat(tree.get("engine"))
        .isEqualTo(
            Map.of(
                "step_timeout", "30s",
                "playbook_timeout", "1h",
                "step_grace", "5s",
                "declare_timeout", "10s",
                "output_limit", 65536));
  }

  @Test
  void treeAndVarsAreReadOnlyAllTheWayDown() {
    Path file = write(home, "vars:\n  rooms: [a, b]\n");
    LoadedConfig loaded = ConfigLoader.load(home, file, Map.of());
    Map<String, Object> tree = loaded.tree();
    Map<String, Object> vars = loaded.settings().vars();
    @SuppressWarnings("unchecked")
    List<Object> rooms = (List<Object>) vars.get("rooms");

    assertThatThrownBy(() -> tree.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> vars.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> rooms.add("c")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(tree.get("vars")).isSameAs(vars);
  }

  @Test
  void varsAreFreeFormAtAnyDepth() {
    Path file =
        write(
            home,
            """
            vars:
              studio:
                rooms: [a, b]
                retries: 2
                loud: true
            """);

    Map<String, Object> vars = ConfigLoader.load(home, file, Map.of()).settings().vars();

    assertThat(vars)
        .isEqualTo(
            Map.of("studio", Map.of("rooms", List.of("a", "b"), "retries", 2, "loud", true)));
  }

  @Test
  void aSectionWithEveryEntryCommentedOutKeepsTheDefaults() {
    Path file = write(home, "speakers:\n  # concurrency: 4\nvars:\n");

    LoadedConfig loaded = ConfigLoader.load(home, file, Map.of());

    assertThat(loaded.settings().speakers().concurrency()).isEqualTo(16);
    assertThat(loaded.settings().vars()).isEmpty();
  }

  @Test
  void anEmptyConfigFileChangesNothing() {
    Path file = write(home, "# nothing here yet\n");

    assertThat(ConfigLoader.load(home, file, Map.of()).settings())
        .isEqualTo(ConfigLoader.load(home, null, Map.of()).settings());
  }

  @Test
  void logLevelIsAcceptedInAnyCase() {
    Path file = write(home, "log:\n  level: WARN\n");

    assertThat(ConfigLoader.load(home, file, Map.of()).settings().log().level()).isEqualTo("WARN");
  }
}
