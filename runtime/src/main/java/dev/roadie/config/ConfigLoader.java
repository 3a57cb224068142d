package dev.roadie.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the configuration from three layers, each over the one before: the defaults embedded from
 * {@code config/roadie.yaml}, an optional {@code --config} file, and the environment. Everything
 * wrong is collected and thrown together, each problem located at the file, line and column or the
 * environment variable it came from.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /**
   * @param home the roadie home; relative paths in settings and in {@code ${file:...}} references
   *     are read from it
   * @param configFile the {@code --config} file, or null for none; read as given, so a relative
   *     path is relative to the working directory
   * @param env the environment; passed in rather than read, so callers and tests decide what it is
   * @throws ConfigException listing every problem found
   */
  public static LoadedConfig load(Path home, Path configFile, Map<String, String> env) {
    Path root = home.toAbsolutePath().normalize();
    Problems problems = new Problems();
    List<String> sources = new ArrayList<>();

    Layer merged = yaml(ConfigFiles.defaults(problems), ConfigFiles.DEFAULTS_LABEL, problems);
    sources.add("embedded defaults");
    if (configFile != null) {
      String text = ConfigFiles.userFile(configFile, problems);
      merged = merged.with(yaml(text, configFile.toString(), problems));
      sources.add(configFile.toString());
    }
    Layer environment = EnvironmentLayer.read(env, problems);
    if (!environment.isEmpty()) {
      merged = merged.with(environment);
      sources.add("environment");
    }

    Map<String, Object> tree = TreeReader.read(merged, new SecretReferences(root, env), problems);
    RoadieConfig settings = ConfigBinder.bind(tree, root, problems);
    if (settings != null) {
      ConfigRules.check(settings, merged, problems);
    }
    problems.throwIfAny();
    Map<String, Object> readOnly = frozen(tree);
    return new LoadedConfig(root, sharingVars(settings, readOnly), readOnly, List.copyOf(sources));
  }

  /** The settings with the tree's read-only vars, so neither view can change under the other. */
  @SuppressWarnings("unchecked")
  private static RoadieConfig sharingVars(RoadieConfig settings, Map<String, Object> tree) {
    return new RoadieConfig(
        settings.dataDir(),
        settings.playbooksDir(),
        settings.timeZone(),
        settings.log(),
        settings.store(),
        settings.engine(),
        settings.speakers(),
        settings.sox(),
        settings.synth(),
        settings.ops(),
        settings.services(),
        settings.alerts(),
        (Map<String, Object>) tree.get("vars"));
  }

  private static Layer yaml(String text, String label, Problems problems) {
    return text == null ? Layer.empty() : YamlReader.read(text, label, problems);
  }

  /** Read-only all the way down; nulls stay, as YAML has them ({@code key: ~}). */
  @SuppressWarnings("unchecked")
  private static <T> T frozen(T value) {
    if (value instanceof Map<?, ?> entries) {
      Map<String, Object> copy = new LinkedHashMap<>();
      entries.forEach((key, item) -> copy.put(String.valueOf(key), frozen(item)));
      return (T) Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> items) {
      List<Object> copy = new ArrayList<>();
      items.forEach(item -> copy.add(frozen(item)));
      return (T) Collections.unmodifiableList(copy);
    }
    return value;
  }
}
