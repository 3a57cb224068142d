package dev.roadie.sox;

import dev.roadie.config.LoadedConfig;
import dev.roadie.run.ApiProvider;
import dev.roadie.run.RunContext;

/** Makes {@code sox} a binding of every playbook; the pool behind it is shared by all runs. */
public final class SoxProvider implements ApiProvider {
  @Override
  public String name() {
    return "sox";
  }

  @Override
  public String description() {
    return "audio conversion, measurement and test tones with the sox binary";
  }

  @Override
  public Object create(LoadedConfig config, RunContext run) {
    return new Sox(SoxEngine.forConfig(config.settings().sox()), run);
  }
}
