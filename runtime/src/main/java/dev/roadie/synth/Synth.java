package dev.roadie.synth;

import dev.roadie.config.RoadieConfig.SynthConfig;
import dev.roadie.run.RunContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
  private final Renders renders;
  private final ToneMeter meter;

  Synth(SynthConfig config, Path home, RunContext run) {
    this(
        config,
        run,
        new SoundfontLibrary(
            config.installDir(),
            config.soundfontDirs().stream().map(dir -> home.resolve(dir).normalize()).toList()),
        new PcmToneMeter());
  }

  private Synth(SynthConfig config, RunContext run, SoundfontLibrary library, ToneMeter meter) {
    this.config = config;
    this.run = run;
    this.library = library;
    this.renders = new Renders(config, run, library);
    this.meter = meter;
  }

  /** This synth measuring with another meter: the seam for a SoX-backed one ({@code sox.stats}). */
  public Synth withMeter(ToneMeter meter) {
    return new Synth(config, run, library, java.util.Objects.requireNonNull(meter, "meter"));
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

  /**
   * Renders one note with Gervill, the JDK's synthesizer, to a WAV file in the run's work dir
   * ({@code synth/note-69-v100-b0-p0-1s.wav}), at {@code synth.sample_rate}, 16-bit stereo.
   *
   * <p>Named arguments: {@code note} (0..127, required), {@code velocity} (1..127, default 100),
   * {@code seconds} (how long the note is held and the file lasts, default 1, at most {@code
   * synth.max_render}), {@code program} (0..127, default 0), {@code bank} (default 0; 128 plays the
   * drum kits), {@code soundfont} (default {@code synth.default_soundfont}).
   *
   * @throws SynthException for an argument out of range, a preset the soundfont lacks, a broken
   *     soundfont, or a render that came out silent
   */
  public Path render(Map<String, ?> args) {
    return renders.note(args);
  }

  /**
   * Renders a MIDI file with Gervill and the default soundfont to a WAV file in the run's work dir,
   * named after it. The file lasts as long as the MIDI file, plus the ring of released notes (at
   * most 5 s more).
   *
   * @throws SynthException for a missing or invalid MIDI file, one with no notes or longer than
   *     {@code synth.max_render}, or a render that came out silent
   */
  public Path render(Object midiFile) {
    if (midiFile instanceof Map<?, ?> args) {
      @SuppressWarnings("unchecked")
      Map<String, ?> named = (Map<String, ?>) args;
      return render(named);
    }
    return renders.midi(Args.path(midiFile, "MIDI file"));
  }

  /**
   * FluidSynth shell servers: {@code synth.fluid.connect()} to the estate's, {@code
   * synth.fluid.start(...)} for a headless one of roadie's own. (A getter, so playbooks write
   * {@code synth.fluid}.)
   */
  public Fluid getFluid() {
    return new Fluid(config.fluidsynth(), config.defaultSoundfont(), config.sampleRate(), run);
  }

  /**
   * The synth service: {@code synth.service.check()} against the alert thresholds, {@code
   * health()}, {@code metrics()}, {@code validateConfig(file)}. (A getter, so playbooks write
   * {@code synth.service}.)
   */
  public SynthService getService() {
    return new SynthService(config.service());
  }

  /** Level and pitch of a WAV file, by this synth's meter (the built-in one unless replaced). */
  public ToneLevels measure(Object wav) {
    return meter.measure(Args.path(wav, "WAV file"), 0, Double.MAX_VALUE);
  }

  /**
   * The audio path check, as daily maintenance runs it: renders A4 (note 69, 440 Hz) on a sustained
   * preset, measures it, and passes when the level and the pitch are within limits. Never throws
   * for a failed check: the result says what failed.
   */
  public AudioPathCheck checkAudioPath() {
    return checkAudioPath(Map.of());
  }

  /**
   * The audio path check with other limits: {@code note} (default 69), {@code program} (default
   * {@value AudioPath#PROGRAM}, a square lead), {@code velocity} (100), {@code minRmsDb} (default
   * {@value AudioPath#MIN_RMS_DB}), {@code maxPeakDb} (default {@value AudioPath#MAX_PEAK_DB}),
   * {@code toleranceCents} (default {@value AudioPath#TOLERANCE_CENTS}), {@code soundfont}.
   */
  public AudioPathCheck checkAudioPath(Map<String, ?> args) {
    return new AudioPath(renders, meter).check(args);
  }

  @Override
  public String toString() {
    return "synth (soundfonts in " + library.dirs() + ", " + config.sampleRate() + " Hz)";
  }
}
