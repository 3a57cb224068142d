package dev.roadie.synth;

import dev.roadie.config.RoadieConfig.SynthConfig;
import dev.roadie.run.RunContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;

/** {@code synth.render(...)}: checks the arguments and the soundfont, renders, checks the sound. */
final class Renders {
  private static final Set<String> NOTE_ARGS =
      Set.of("note", "velocity", "seconds", "program", "bank", "soundfont");

  /** How long released notes of a MIDI file may ring on after its last event. */
  private static final long MIDI_TAIL_MICROS = 5_000_000;

  private final SynthConfig config;
  private final RunContext run;
  private final SoundfontLibrary library;

  Renders(SynthConfig config, RunContext run, SoundfontLibrary library) {
    this.config = config;
    this.run = run;
    this.library = library;
  }

  Path note(Map<String, ?> args) {
    String call = "synth.render";
    Args.only(args, call, NOTE_ARGS);
    if (!args.containsKey("note")) {
      throw new SynthException(call + " needs a note: synth.render(note: 69) plays A4 (440 Hz)");
    }
    int note = Args.whole(args, "note", 0, 0, 127, call);
    int velocity = Args.whole(args, "velocity", 100, 1, 127, call);
    int program = Args.whole(args, "program", 0, 0, 127, call);
    int bank = Args.whole(args, "bank", 0, 0, 16383, call);
    double most = config.maxRender().toMillis() / 1000.0;
    double seconds = Args.number(args, "seconds", 1, 0.01, most, call);
    Soundfont soundfont = soundfont(args.get("soundfont"));
    Preset preset =
        soundfont
            .preset(bank, program)
            .orElseThrow(() -> new SynthException(noPreset(soundfont, bank, program)));
    String name =
        String.format(
            Locale.ROOT,
            "note-%d-v%d-b%d-p%d-%s.wav",
            note,
            velocity,
            bank,
            program,
            trim(seconds));
    MidiTimeline timeline =
        MidiTimeline.note(bank, program, note, velocity, Math.round(seconds * 1e6));
    GervillRenderer.Rendered rendered =
        new GervillRenderer(config.sampleRate())
            .render(soundfont.path(), timeline, 0, output(name));
    if (rendered.silent()) {
      deleteQuietly(rendered.file());
      throw new SynthException(
          String.format(
              Locale.ROOT,
              "the render of note %d (velocity %d, %s) with %s is silent (peak below %s)%s",
              note,
              velocity,
              describe(preset),
              soundfont.path().getFileName(),
              ToneLevels.db(20 * Math.log10(GervillRenderer.SILENT_BELOW / 32768.0)),
              velocity < 10
                  ? "; a velocity this low is quieter than 16-bit audio can hold"
                  : "; the preset made no sound for this note: try another note or preset"));
    }
    return rendered.file();
  }

  Path midi(Path file) {
    Sequence sequence;
    try {
      sequence = MidiSystem.getSequence(file.toFile());
    } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
      throw new SynthException("cannot render " + file + ": it does not exist");
    } catch (InvalidMidiDataException e) {
      throw new SynthException(
          "cannot render " + file + ": it is not a MIDI file (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new SynthException("cannot render " + file + ": " + e.getMessage(), e);
    }
    MidiTimeline timeline = MidiTimeline.of(sequence);
    if (timeline.notes() == 0) {
      throw new SynthException("cannot render " + file + ": it has no notes");
    }
    Duration length = Duration.ofNanos(timeline.lengthMicros() * 1000);
    if (length.compareTo(config.maxRender()) > 0) {
      throw new SynthException(
          "cannot render "
              + file
              + ": it lasts "
              + length.toSeconds()
              + " s, longer than synth.max_render ("
              + config.maxRender().toSeconds()
              + " s)");
    }
    Soundfont soundfont = soundfont(null);
    List<String> missing =
        timeline.presets().stream()
            .filter(key -> soundfont.preset(key.bank(), key.program()).isEmpty())
            .map(key -> key.bank() + ":" + key.program())
            .toList();
    if (!missing.isEmpty() && missing.size() == timeline.presets().size()) {
      throw new SynthException(
          "cannot render "
              + file
              + ": "
              + soundfont.path().getFileName()
              + " has none of the presets it plays (bank:program "
              + String.join(", ", missing)
              + ")");
    }
    String base = file.getFileName().toString().replaceFirst("(?i)\\.midi?$", "");
    GervillRenderer.Rendered rendered =
        new GervillRenderer(config.sampleRate())
            .render(soundfont.path(), timeline, MIDI_TAIL_MICROS, output(base + ".wav"));
    if (rendered.silent()) {
      deleteQuietly(rendered.file());
      throw new SynthException(
          "the render of " + file + " is silent: its " + timeline.notes() + " notes made no sound");
    }
    return rendered.file();
  }

  /** The soundfont a render loads: the one named, or the default; it must be valid. */
  Soundfont soundfont(Object named) {
    Path path =
        named == null ? config.defaultSoundfont() : library.locate(Args.path(named, "soundfont"));
    Soundfont soundfont = Sf2Reader.read(path);
    if (!soundfont.valid()) {
      throw new SynthException(
          "cannot render with soundfont "
              + path
              + ": it "
              + String.join("; ", soundfont.problems())
              + (named == null
                  ? " (synth.default_soundfont; scripts/setup installs TimGM6mb.sf2)"
                  : ""));
    }
    return soundfont;
  }

  /** A new file in the run's {@code synth} directory; an earlier render's name gets a number. */
  private Path output(String name) {
    try {
      Path dir = Files.createDirectories(run.workDir().resolve("synth"));
      Path file = dir.resolve(name);
      String stem = name.replaceFirst("\\.wav$", "");
      for (int i = 2; Files.exists(file); i++) {
        file = dir.resolve(stem + "-" + i + ".wav");
      }
      return file;
    } catch (IOException e) {
      throw new SynthException(
          "cannot create the render directory in " + run.workDir() + ": " + e.getMessage(), e);
    }
  }

  /** A silent render is an error, not an artifact: it is not left to be mistaken for a result. */
  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // the error about the silence is the one to report
    }
  }

  static String describe(Preset preset) {
    return "bank " + preset.bank() + " program " + preset.program() + " '" + preset.name() + "'";
  }

  private static String noPreset(Soundfont soundfont, int bank, int program) {
    String banks =
        soundfont.presets().stream()
            .map(p -> String.valueOf(p.bank()))
            .distinct()
            .collect(Collectors.joining(", "));
    return soundfont.path().getFileName()
        + " has no preset at bank "
        + bank
        + " program "
        + program
        + "; its banks are "
        + banks;
  }

  private static String trim(double seconds) {
    String text = String.format(Locale.ROOT, "%.2f", seconds).replaceFirst("\\.?0+$", "");
    return text + "s";
  }
}
