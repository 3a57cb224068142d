import dev.roadie.config.ConfigLoader;
import dev.roadie.config.LoadedConfig;
import dev.roadie.run.RunContext;
import dev.roadie.synth.Synth;
import dev.roadie.synth.SynthProvider;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioSystem;

/**
 * The figures of scripts/bench/synth, in one JVM: Gervill rendering a 10 s multi-note MIDI file
 * through the synth API (the first render in this JVM, then warmed ones), and `fluidsynth -F`
 * rendering the same file, interleaved round by round so a busier machine slows both alike.
 *
 * Arguments: work dir, rounds, fluidsynth binary. Prints one "key value" line per figure.
 */
public class SynthBench {
  static final int PPQ = 480;
  static final int BPM = 120;
  static final double MIDI_SECONDS = 10.0;

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int rounds = Integer.parseInt(args[1]);
    String fluidsynth = args[2];
    Path home = Path.of(System.getenv("ROADIE_HOME"));
    LoadedConfig config = ConfigLoader.load(home, null, System.getenv());
    Synth synth = (Synth) new SynthProvider().create(config, new BenchRun(work.resolve("run")));
    Path midi = writeSong(work.resolve("song10.mid"));
    String soundfont = config.settings().synth().defaultSoundfont().toString();
    int rate = config.settings().synth().sampleRate();

    List<double[]> gervill = new ArrayList<>(); // wall s, cpu s, audio s
    List<double[]> fluid = new ArrayList<>(); // wall s, audio s
    for (int round = 0; round <= rounds; round++) {
      gervill.add(timeGervill(() -> synth.render(midi)));
      if (round > 0) { // the first fluidsynth run only warms the page cache, like the JVM's
        fluid.add(timeFluid(fluidsynth, soundfont, rate, midi, work.resolve("fluid.wav")));
      } else {
        timeFluid(fluidsynth, soundfont, rate, midi, work.resolve("fluid.wav"));
      }
    }
    double[] first = gervill.get(0);
    List<double[]> warm = gervill.subList(1, gervill.size());
    print("midi_seconds", MIDI_SECONDS);
    print("gervill_first_wall", first[0]);
    print("gervill_first_cpu", first[1]);
    print("gervill_audio_seconds", first[2]);
    print("gervill_warm_wall", median(warm, 0));
    print("gervill_warm_wall_min", min(warm, 0));
    print("gervill_warm_wall_max", max(warm, 0));
    print("gervill_warm_cpu", median(warm, 1));
    print("fluid_wall", median(fluid, 0));
    print("fluid_wall_min", min(fluid, 0));
    print("fluid_wall_max", max(fluid, 0));
    print("fluid_audio_seconds", fluid.get(0)[1]);
  }

  static double[] timeGervill(Callable<Path> render) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    Path wav = render.call();
    double wall = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
    double audio = seconds(wav);
    Files.delete(wav);
    return new double[] {wall, cpuSeconds, audio};
  }

  static double[] timeFluid(String binary, String soundfont, int rate, Path midi, Path out)
      throws Exception {
    Files.deleteIfExists(out);
    List<String> command =
        List.of(binary, "-q", "-ni", "-g", "0.5", "-r", String.valueOf(rate), "-F", out.toString(),
            "-T", "wav", soundfont, midi.toString());
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    // fluidsynth keeps rendering while any voice sounds, and some files never end (its #1257)
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("fluidsynth -F did not finish within 120 s");
    }
    double wall = (System.nanoTime() - start) / 1e9;
    // It exits 0 even when it could not write the file: the output is the proof.
    if (process.exitValue() != 0 || !Files.isRegularFile(out)) {
      throw new IllegalStateException("fluidsynth -F failed (exit " + process.exitValue() + ")");
    }
    return new double[] {wall, seconds(out)};
  }

  static double seconds(Path wav) throws Exception {
    var format = AudioSystem.getAudioFileFormat(wav.toFile());
    return format.getFrameLength() / (double) format.getFormat().getFrameRate();
  }

  /** 120 bpm, 5 bars: piano arpeggio in eighths, a string pad, kick, snare and hi-hat. */
  static Path writeSong(Path file) throws Exception {
    Sequence sequence = new Sequence(Sequence.PPQ, PPQ);
    Track track = sequence.createTrack();
    int tempo = 60_000_000 / BPM;
    track.add(new MidiEvent(new MetaMessage(0x51, new byte[] {(byte) (tempo >> 16), (byte) (tempo >> 8), (byte) tempo}, 3), 0));
    add(track, ShortMessage.PROGRAM_CHANGE, 0, 0, 0, 0);
    add(track, ShortMessage.PROGRAM_CHANGE, 1, 48, 0, 0);
    int[][] chords = {{60, 64, 67, 72}, {57, 60, 64, 69}, {53, 57, 60, 65}, {55, 59, 62, 67}, {60, 64, 67, 72}};
    int eighth = PPQ / 2;
    int bar = PPQ * 4;
    for (int b = 0; b < chords.length; b++) {
      int[] chord = chords[b];
      for (int i = 0; i < 8; i++) {
        long at = (long) b * bar + (long) i * eighth;
        note(track, 0, chord[i % 4] + (i >= 4 ? 12 : 0), 90, at, at + eighth);
        note(track, 9, 42, 70, at, at + eighth / 2); // closed hi-hat
        if (i % 4 == 0) note(track, 9, 36, 110, at, at + eighth); // kick on 1 and 3
        if (i % 4 == 2) note(track, 9, 38, 100, at, at + eighth); // snare on 2 and 4
      }
      for (int n : Arrays.copyOf(chord, 3)) {
        note(track, 1, n - 12, 70, (long) b * bar, (long) (b + 1) * bar);
      }
    }
    MidiSystem.write(sequence, 0, new File(file.toString()));
    return file;
  }

  static void note(Track track, int channel, int key, int velocity, long from, long to)
      throws Exception {
    add(track, ShortMessage.NOTE_ON, channel, key, velocity, from);
    add(track, ShortMessage.NOTE_OFF, channel, key, 0, to);
  }

  static void add(Track track, int command, int channel, int d1, int d2, long tick)
      throws Exception {
    track.add(new MidiEvent(new ShortMessage(command, channel, d1, d2), tick));
  }

  static double median(List<double[]> rows, int column) {
    double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  static double min(List<double[]> rows, int column) {
    return rows.stream().mapToDouble(r -> r[column]).min().orElse(Double.NaN);
  }

  static double max(List<double[]> rows, int column) {
    return rows.stream().mapToDouble(r -> r[column]).max().orElse(Double.NaN);
  }

  static void print(String key, double value) {
    System.out.println(key + " " + String.format(Locale.ROOT, "%.4f", value));
  }

  /** The bench's run: renders go to its work dir; it changes nothing. */
  record BenchRun(Path workDir) implements RunContext {
    public String id() { return "bench"; }
    public String playbook() { return "bench"; }
    public String trigger() { return "cli"; }
    public boolean dryRun() { return false; }
    public Map<String, Object> params() { return Map.of(); }
    public <T> T mutate(String target, String description, Callable<T> action) throws Exception {
      return action.call();
    }
  }
}
