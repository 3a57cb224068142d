package dev.roadie.synth;

import dev.roadie.config.LoadedConfig;
import dev.roadie.run.ApiProvider;
import dev.roadie.run.RunContext;
import dev.roadie.sox.Sox;
import dev.roadie.sox.SoxProvider;

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
    Synth synth = new Synth(config.settings().synth(), config.home(), run);
    // The audio path is measured as operators measure it, with sox, when sox is there.
    Sox sox = (Sox) new SoxProvider().create(config, run);
    return synth.withMeter(new SoxToneMeter(sox, run));
  }
}
