package dev.roadie.ops;

import dev.roadie.config.LoadedConfig;
import dev.roadie.run.ApiProvider;
import dev.roadie.run.RunContext;

/** Binds {@link Ops} as {@code ops}. */
public final class OpsProvider implements ApiProvider {
  @Override
  public String name() {
    return "ops";
  }

  @Override
  public String description() {
    return "HTTP checks, services, processes, host, disks, certificates and incidents";
  }

  @Override
  public Object create(LoadedConfig config, RunContext run) {
    return new Ops(config, run);
  }
}
