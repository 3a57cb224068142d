package dev.roadie.run;

import dev.roadie.config.LoadedConfig;

/**
 * The extension point through which an API ({@code speakers}, {@code sox}, {@code synth}, {@code
 * ops}, {@code alerts}) becomes a name in every playbook and the REPL.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader} (list the class in {@code
 * META-INF/services/dev.roadie.run.ApiProvider}). {@link #create} is called lazily, the first time
 * a run uses the name, so a playbook pays only for the APIs it touches. A provider that holds
 * process-wide resources (an HTTP client, a process pool) keeps them itself and hands each run a
 * facade bound to that run's {@link RunContext}.
 */
public interface ApiProvider {

  /** The binding name, e.g. {@code speakers}. Must be a Groovy identifier. */
  String name();

  /** One line saying what the API is for, for listings and error messages. */
  String description();

  /**
   * The object playbooks see under {@link #name()} for this run. When it is {@link AutoCloseable},
   * the engine closes it once the run's steps and handlers are over, so that what the run started
   * (notification listeners, say) ends with it.
   */
  Object create(LoadedConfig config, RunContext run);
}
