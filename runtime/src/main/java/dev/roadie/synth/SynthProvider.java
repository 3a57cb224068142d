package dev.roadie.synth;

import dev.roadie.config.LoadedConfig;
import dev.roadie.run.ApiProvider;
import dev.roadie.run.RunContext;

/** Installs {@link Synth} as {@code synth} in playbooks. */
public final class SynthProvider implements ApiProvider {
  @Override
  public String name() {
    return "synth";
  }

  @Override
  public String description() {
    return "soundfonts, offline rendering, FluidSynth servers and the synth service's health";
  }

  @Override
  public Object create(LoadedConfig config, RunContext run) {
    return new Synth(config.settings().synth(), config.home(), run);
  }
}
