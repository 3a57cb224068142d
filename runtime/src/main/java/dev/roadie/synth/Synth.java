package dev.roadie.synth;

import dev.roadie.config.RoadieConfig.SynthConfig;
import dev.roadie.run.RunContext;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code synth} in playbooks and the REPL: the estate's software synthesizer. Soundfonts (list,
 * check, install), offline rendering with the JDK's Gervill synthesizer, FluidSynth servers ({@link
 * #getFluid()}), and the synth service's health ({@link #getService()}).
 *
 * <p>One instance per run. Reads run for real in a dry run; {@link #install} goes through the run's
 * mutation gate. Methods are safe to call from several threads. Failures a person can fix throw
 * {@link SynthException} with a message naming the file, value or server.
 */
public final class Synth {
  private final SynthConfig config;
  private final RunContext run;
  private final SoundfontLibrary library;

  Synth(SynthConfig config, Path home, RunContext run) {
    this.config = config;
    this.run = run;
    this.library =
        new SoundfontLibrary(
            config.installDir(),
            config.soundfontDirs().stream().map(dir -> home.resolve(dir).normalize()).toList());
  }

  /**
   * Every {@code .sf2} file in the install directory and the configured soundfont directories, each
   * read and checked. Broken files are listed too, with {@link Soundfont#problems()} saying what is
   * wrong; a directory that does not exist is skipped.
   */
  public List<Soundfont> soundfonts() {
    return library.list();
  }

  /** The directories {@link #soundfonts()} reads, the install directory first. */
  public List<Path> soundfontDirs() {
    return library.dirs();
  }

  /**
   * Reads and checks one soundfont. A bare file name that is not in the working directory is looked
   * up in the soundfont directories.
   */
  public Soundfont soundfont(Object file) {
    return Sf2Reader.read(library.locate(Args.path(file, "soundfont")));
  }

  /** The configured default soundfont, read and checked. */
  public Soundfont defaultSoundfont() {
    return Sf2Reader.read(config.defaultSoundfont());
  }

  /**
   * Checks a soundfont and copies it into the install directory atomically (temporary file, fsync,
   * rename), as a recorded change. An identical file already installed is left alone.
   *
   * @throws SynthException naming what is wrong when the file is not a valid SoundFont 2
   * @return the installed soundfont; in a dry run, the checked source
   */
  public Soundfont install(Object file) {
    return library.install(Args.path(file, "soundfont to install"), run);
  }

  @Override
  public String toString() {
    return "synth (soundfonts in " + library.dirs() + ", " + config.sampleRate() + " Hz)";
  }
}
