package dev.roadie.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What an API sees of the run that calls it: who it is, where its artifacts go, and the one gate
 * every mutation passes through.
 *
 * <p>The engine implements this; APIs depend on it and never on the engine. Instances are
 * thread-safe: fleet operations call {@link #mutate} from many threads at once.
 */
public interface RunContext {

  /** The run's id, as shown by {@code roadie history} and accepted by {@code roadie show}. */
  String id();

  /** The playbook's name (its file name without {@code .groovy}). */
  String playbook();

  /** What started the run: {@code cli}, {@code schedule}, {@code http} or {@code repl}. */
  String trigger();

  /** True when mutations are to be planned and recorded, not done. Reads still run for real. */
  boolean dryRun();

  /** A directory for this run's artifacts (renders, reports), created on first call. */
  Path workDir();

  /** The resolved parameters. Values of secret parameters are {@link dev.roadie.config.Secret}s. */
  Map<String, Object> params();

  /**
   * Runs {@code action} as a recorded change to {@code target}, or, in a dry run, records that it
   * would have. Every API call that changes the estate goes through here, so that a dry run's
   * record is the plan and a second run's record shows what it changed.
   *
   * @param target what is changed: a device, service, file or channel name
   * @param description the change in words, as in {@code "set volume 30 -> 45"}
   * @return the action's result, or {@code null} in a dry run
   * @throws Exception whatever the action throws, after recording the mutation as failed
   */
  <T> T mutate(String target, String description, Callable<T> action) throws Exception;

  /**
   * Where the incidents this run opens are recorded. The engine records them in the run history; a
   * context without one keeps them nowhere.
   */
  default IncidentLog incidents() {
    return new IncidentLog() {
      @Override
      public void opened(Incident incident) {}

      @Override
      public void event(String incidentId, Incident.Event event) {}

      @Override
      public void closed(String incidentId, String status, java.time.Instant at, String summary) {}
    };
  }
}
