package dev.roadie.cli;

import dev.roadie.config.ConfigLoader;
import dev.roadie.config.LoadedConfig;
import dev.roadie.history.JdbcRunHistory;
import dev.roadie.history.RunHistory;
import dev.roadie.playbook.PlaybookLoader;
import dev.roadie.playbook.Playbooks;
import dev.roadie.run.ApiProvider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * What the commands share: the streams, the environment, and the runtime's parts, each made on
 * first use so that {@code roadie version} opens no database and {@code roadie list} starts no API.
 */
final class Cli implements AutoCloseable {
  private final PrintWriter out;
  private final PrintWriter err;
  private final Map<String, String> env;
  private final Path home;
  private Path configFile;
  private LoadedConfig config;
  private RunHistory history;
  private FutureTask<RunHistory> pendingHistory;
  private Map<String, ApiProvider> providers;

  Cli(PrintWriter out, PrintWriter err, Map<String, String> env, Path home) {
    this.out = out;
    this.err = err;
    this.env = env;
    this.home = home.toAbsolutePath().normalize();
  }

  /** The roadie home: {@code ROADIE_HOME} (the launcher sets it), else the working directory. */
  static Path home(Map<String, String> env) {
    String home = env.get("ROADIE_HOME");
    return Path.of(home == null || home.isBlank() ? "" : home).toAbsolutePath().normalize();
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  Path home() {
    return home;
  }

  void configFile(Path file) {
    this.configFile = file;
  }

  Path configFile() {
    return configFile;
  }

  Map<String, String> env() {
    return env;
  }

  LoadedConfig config() {
    if (config == null) {
      Path file = configFile;
      if (file == null && env.get("ROADIE_CONFIG") != null && !env.get("ROADIE_CONFIG").isBlank()) {
        file = Path.of(env.get("ROADIE_CONFIG"));
      }
      config = ConfigLoader.load(home, file, env);
      Logging.apply(config.settings().log());
    }
    return config;
  }

  /**
   * Starts opening the run history on another thread. Opening the embedded store costs about as
   * much as compiling a playbook, and the two need not wait for each other.
   */
  void openHistoryInBackground() {
    if (history == null && pendingHistory == null) {
      LoadedConfig loaded = config();
      pendingHistory = new FutureTask<>(() -> open(loaded));
      Thread opener = new Thread(pendingHistory, "roadie-history-open");
      opener.setDaemon(true);
      opener.start();
    }
  }

  RunHistory history() {
    if (history == null) {
      if (pendingHistory == null) {
        history = open(config());
      } else {
        history = awaitPending();
      }
    }
    return history;
  }

  /**
   * Waits for the store being opened, through interrupts: a stop request during the wait must still
   * find the store open to record the aborted run, and be passed on afterwards.
   */
  private RunHistory awaitPending() {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return pendingHistory.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException failure) {
            throw failure;
          }
          throw new IllegalStateException("cannot open the run history", e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static RunHistory open(LoadedConfig config) {
    var store = config.settings().store();
    return store.url().isBlank()
        ? JdbcRunHistory.embedded(config.settings().dataDir())
        : JdbcRunHistory.connect(
            store.url(), store.user(), store.password() == null ? "" : store.password().reveal());
  }

  Playbooks playbooks() {
    return playbooks(config());
  }

  static Playbooks playbooks(LoadedConfig config) {
    return new Playbooks(config.settings().playbooksDir());
  }

  PlaybookLoader loader() {
    return loader(home, config());
  }

  static PlaybookLoader loader(Path home, LoadedConfig config) {
    return new PlaybookLoader(
        home, config.settings().dataDir().resolve("cache").resolve("playbooks"));
  }

  /** The installed APIs by binding name, found with {@link ServiceLoader}. */
  Map<String, ApiProvider> providers() {
    if (providers == null) {
      Map<String, ApiProvider> found = new TreeMap<>();
      for (ApiProvider provider : ServiceLoader.load(ApiProvider.class)) {
        found.put(provider.name(), provider);
      }
      providers = Map.copyOf(found);
    }
    return providers;
  }

  @Override
  public void close() {
    if (history == null && pendingHistory != null) {
      try {
        history();
      } catch (RuntimeException alreadyReported) {
        // The command that needed it has reported why; there is nothing to close.
      }
    }
    if (history != null) {
      history.close();
      history = null;
    }
  }
}
