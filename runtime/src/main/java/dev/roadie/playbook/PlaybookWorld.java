package dev.roadie.playbook;

import dev.roadie.config.LoadedConfig;
import dev.roadie.config.Suggestions;
import dev.roadie.run.ApiProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names a playbook can read: {@code config}, {@code params}, {@code run}, {@code log}, and one
 * per installed API. APIs are created on first use and only inside steps, so listing or checking a
 * playbook never touches the estate.
 */
final class PlaybookWorld {
  static final List<String> CORE_NAMES = List.of("config", "params", "run", "log");
  static final List<String> KEYWORDS =
      List.of(
          "description",
          "schedule",
          "timeout",
          "overlap",
          "misfire",
          "resumable",
          "param",
          "step",
          "onFailure",
          "onSuccess",
          "always",
          "check",
          "println");

  private final String file;
  private final Class<?> scriptClass;
  private final LoadedConfig config;
  private final Map<String, Object> params;
  private final PlaybookRun run;
  private final PlaybookLog log;
  private final Map<String, ApiProvider> providers;
  private final Map<String, Object> apis = new ConcurrentHashMap<>();
  private volatile boolean stepsRunning;

  /**
   * @param run null when the playbook is only being listed or checked
   */
  PlaybookWorld(
      String file,
      Class<?> scriptClass,
      LoadedConfig config,
      Map<String, Object> params,
      PlaybookRun run,
      PlaybookLog log,
      Map<String, ApiProvider> providers) {
    this.file = file;
    this.scriptClass = scriptClass;
    this.config = config;
    this.params = params;
    this.run = run;
    this.log = log;
    this.providers = providers;
  }

  void stepsRunning() {
    stepsRunning = true;
  }

  boolean knows(String name) {
    return CORE_NAMES.contains(name) || providers.containsKey(name);
  }

  Object lookup(String name) {
    switch (name) {
      case "config":
        return config.tree();
      case "params":
        return params;
      case "log":
        return log;
      case "run":
        if (run == null) {
          throw located("run is only there while the playbook runs; use it inside a step");
        }
        return run;
      default:
        return api(name);
    }
  }

  private Object api(String name) {
    if (run == null || !stepsRunning) {
      throw located(name + " can only be used inside a step: the body of a playbook only declares");
    }
    return apis.computeIfAbsent(name, key -> providers.get(key).create(config, run));
  }

  /**
   * The run has ended: closes every API object it made that is {@link AutoCloseable} (listeners,
   * subscriptions), so nothing a run started outlives it. A failure to close is logged, not thrown:
   * the run's outcome is already decided.
   */
  void endRun() {
    apis.forEach(
        (name, api) -> {
          if (api instanceof AutoCloseable closeable) {
            try {
              closeable.close();
            } catch (Exception e) {
              org.slf4j.LoggerFactory.getLogger(PlaybookWorld.class)
                  .warn("closing {} at the end of the run failed: {}", name, e.toString());
            }
          }
        });
    apis.clear();
  }

  PlaybookException unknownName(String name) {
    List<String> known = new ArrayList<>(CORE_NAMES);
    known.addAll(providers.keySet());
    return located(
        "unknown name '"
            + name
            + "'"
            + Suggestions.didYouMean(name, known)
            + "; a playbook knows "
            + String.join(", ", known)
            + ", its own variables and the DSL keywords");
  }

  PlaybookException unknownMethod(String name, Object args) {
    if (KEYWORDS.contains(name)) {
      Object[] given = args instanceof Object[] array ? array : new Object[] {args};
      return located(
          name
              + " does not take "
              + java.util.Arrays.stream(given)
                  .map(arg -> arg == null ? "null" : arg.getClass().getSimpleName())
                  .collect(java.util.stream.Collectors.joining(", ", "(", ")"))
              + "; see the keyword table in the README for its form, e.g. timeout '10m'");
    }
    return located(
        "unknown keyword or method '"
            + name
            + "'"
            + Suggestions.didYouMean(name, KEYWORDS)
            + "; the keywords are "
            + String.join(", ", KEYWORDS));
  }

  private PlaybookException located(String message) {
    return PlaybookException.at(file, ScriptLines.current(scriptClass), message);
  }
}
