package dev.roadie.sox;

import dev.roadie.run.Progress;
import dev.roadie.run.RunContext;
import groovy.lang.Closure;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code sox} binding: conversions, streams, measurements and test tones, each run by the real
 * sox binary through the process-wide pool. Arguments go to sox as an argv list, never through a
 * shell; every path is made absolute first.
 *
 * <p>Writing a file outside the run's work dir is a change, recorded through the run's mutation
 * gate: a dry run measures for real but converts nothing.
 */
public final class Sox {
  private static final Set<String> CONVERT_KEYS =
      keys(AudioFormat.KEYS, "effects", "timeout", "dither");
  private static final Set<String> STREAM_KEYS = Set.of("from", "to", "effects", "timeout");
  private static final Set<String> TONE_KEYS =
      Set.of("freq", "seconds", "wave", "rate", "channels", "bits", "gain");
  private static final Set<String> SILENCE_KEYS = Set.of("threshold", "minSeconds");
  private static final List<String> WAVES =
      List.of(
          "sine",
          "square",
          "triangle",
          "sawtooth",
          "trapezium",
          "exp",
          "whitenoise",
          "pinknoise",
          "brownnoise",
          "pluck");

  private final SoxEngine engine;
  private final RunContext run;
  private final AtomicInteger tones = new AtomicInteger();

  Sox(SoxEngine engine, RunContext run) {
    this.engine = engine;
    this.run = run;
  }

  /** {@code sox.convert(in, out)}: the output's format follows its extension. */
  public Path convert(Object in, Object out) throws InterruptedException {
    return convert(Map.of(), in, out);
  }

  /**
   * {@code sox.convert(in, out, rate: 16000, channels: 1, bits: 16, format: 'flac', effects:
   * ['highpass 100', 'norm -1'])}. The output appears under its name only when sox succeeded; a
   * retry writes into a fresh temporary file. {@code dither: false} keeps sox from adding dither
   * noise when it reduces the bit depth, for outputs that must be exact (digital silence stays
   * silence).
   *
   * @return the output file; null in a dry run when the output is outside the run's work dir
   */
  public Path convert(Map<String, ?> options, Object in, Object out) throws InterruptedException {
    SoxArguments.onlyKeys(options, CONVERT_KEYS, "sox.convert");
    Path input = SoxArguments.path(in, "sox.convert", "input");
    Path output = SoxArguments.path(out, "sox.convert", "output");
    String what = "convert " + input + " -> " + output;
    AudioFormat format = AudioFormat.from(options, what);
    List<String> effects =
        SoxArguments.effects(options.get("effects"), engine.binary.effects(), what);
    Duration timeout = timeout(options, what);
    requireDirectory(output, what);
    String change =
        "convert "
            + input.getFileName()
            + " -> "
            + output.getFileName()
            + (format.describe().isEmpty() ? "" : " (" + format.describe() + ")");
    return writes(
        output,
        change,
        () ->
            engine.execute(
                what,
                () ->
                    intoTemp(
                        output,
                        temp -> {
                          List<String> argv = new ArrayList<>();
                          argv.add(engine.binary.path());
                          if (Boolean.FALSE.equals(options.get("dither"))) {
                            argv.add("-D");
                          }
                          argv.addAll(List.of("--no-glob", input.toString()));
                          argv.addAll(format.args());
                          argv.addAll(List.of("--no-glob", temp.toString()));
                          argv.addAll(effects);
                          engine.run(new SoxCall(what, argv, null, null, timeout));
                        })));
  }

  /**
   * {@code sox.stream(input, output, from: 'wav', to: [format: 'raw', rate: 16000, channels: 1,
   * bits: 16, encoding: 'signed-integer'])}: stdin to sox to stdout, for data that is not in a
   * file. Not retried, since the input cannot be read twice. A WAV or FLAC written to a stream has
   * no length in its header when the input's length is unknown (sox warns; see the result).
   */
  public StreamResult stream(Map<String, ?> options, InputStream in, OutputStream out)
      throws InterruptedException {
    SoxArguments.onlyKeys(options, STREAM_KEYS, "sox.stream");
    String what = "stream";
    AudioFormat from = AudioFormat.ofStreamSide(options.get("from"), what, "from");
    AudioFormat to = AudioFormat.ofStreamSide(options.get("to"), what, "to");
    List<String> effects =
        SoxArguments.effects(options.get("effects"), engine.binary.effects(), what);
    Duration timeout = timeout(options, what);
    Counting.In counted = new Counting.In(in);
    Counting.Out written = new Counting.Out(out);
    List<String> argv = new ArrayList<>();
    argv.add(engine.binary.path());
    argv.addAll(from.args());
    argv.add("-");
    argv.addAll(to.args());
    argv.add("-");
    argv.addAll(effects);
    SoxResult result =
        engine.execute(
            what, false, () -> engine.run(new SoxCall(what, argv, counted, written, timeout)));
    return new StreamResult(counted.count, written.count, result.warnings());
  }

  /** {@code sox.info(file)}: rate, channels, bits, length and encoding from the file's header. */
  public AudioInfo info(Object file) throws InterruptedException {
    Path input = SoxArguments.path(file, "sox.info", "file");
    String what = "info " + input;
    return engine.execute(
        what,
        () -> {
          ByteArrayOutputStream stdout = new ByteArrayOutputStream();
          List<String> argv = List.of(engine.binary.path(), "--i", input.toString());
          engine.run(new SoxCall(what, argv, null, stdout, engine.config.timeout()));
          return SoxOutputParser.info(input, stdout.toString(StandardCharsets.UTF_8));
        });
  }

  /**
   * {@code sox.stats(file)}: peak and RMS levels in dBFS, DC offset, crest and flat factor, bit
   * depth and length, per channel and overall, and the dominant frequency of the mono mix.
   */
  public AudioStats stats(Object file) throws InterruptedException {
    Path input = SoxArguments.path(file, "sox.stats", "file");
    String what = "stats " + input;
    return engine.execute(
        what,
        () -> {
          List<String> argv =
              List.of(
                  engine.binary.path(),
                  "--no-glob",
                  input.toString(),
                  "-n",
                  "stats",
                  "remix",
                  "-",
                  "stat");
          SoxResult result =
              engine.run(new SoxCall(what, argv, null, null, engine.config.timeout()));
          return SoxOutputParser.stats(input, result.stderr());
        });
  }

  /** {@code sox.tone(freq: 440, seconds: 1)}: a test tone in the run's work dir. */
  public Path tone(Map<String, ?> options) throws InterruptedException {
    Object freq = options.get("freq");
    String name =
        "tone-"
            + (freq == null ? "440" : freq.toString().replaceAll("[^0-9a-z-]", ""))
            + "hz-"
            + tones.incrementAndGet()
            + ".wav";
    return tone(options, run.workDir().resolve(name));
  }

  /**
   * {@code sox.tone(out, freq: 440, seconds: 1, wave: 'sine')}: a test signal. {@code freq} may be
   * a sweep ({@code '100-2000'}); {@code gain} is the level in dB (default -3, so the peak is -3
   * dBFS); {@code rate}, {@code channels} and {@code bits} default to 48000, 1 and 16.
   */
  public Path tone(Map<String, ?> options, Object out) throws InterruptedException {
    SoxArguments.onlyKeys(options, TONE_KEYS, "sox.tone");
    Path output = SoxArguments.path(out, "sox.tone", "output");
    String what = "tone " + output;
    int rate = wholeOr(options, "rate", 48_000, 1000, 768_000, what);
    int channels = wholeOr(options, "channels", 1, 1, 32, what);
    int bits = wholeOr(options, "bits", 16, 8, 32, what);
    double seconds = numberOr(options, "seconds", 1.0, 0.001, 86_400, what);
    double gain = numberOr(options, "gain", -3.0, -120, 0, what);
    Object waveOption = options.get("wave");
    String wave = waveOption == null ? "sine" : waveOption.toString();
    if (!WAVES.contains(wave)) {
      throw SoxArguments.bad(what, "wave", wave, "one of " + String.join(", ", WAVES));
    }
    String freq = frequency(options.get("freq"), rate, what);
    requireDirectory(output, what);
    return writes(
        output,
        "write a " + seconds + " s " + wave + " tone of " + freq + " Hz",
        () ->
            engine.execute(
                what,
                () ->
                    intoTemp(
                        output,
                        temp -> {
                          List<String> argv =
                              List.of(
                                  engine.binary.path(),
                                  "-n",
                                  "-r",
                                  String.valueOf(rate),
                                  "-c",
                                  String.valueOf(channels),
                                  "-b",
                                  String.valueOf(bits),
                                  "--no-glob",
                                  temp.toString(),
                                  "synth",
                                  String.valueOf(seconds),
                                  wave,
                                  freq,
                                  "gain",
                                  String.valueOf(gain));
                          engine.run(new SoxCall(what, argv, null, null, engine.config.timeout()));
                        })));
  }

  /** {@code sox.silence(file)}: stretches under -50 dBFS lasting at least 0.1 s. */
  public List<SilentStretch> silence(Object file) throws InterruptedException {
    return silence(Map.of(), file);
  }

  /**
   * {@code sox.silence(file, threshold: -60, minSeconds: 0.5)}: where a file is quieter than {@code
   * threshold} dBFS (RMS over 10 ms windows of the mono mix) for at least {@code minSeconds}.
   */
  public List<SilentStretch> silence(Map<String, ?> options, Object file)
      throws InterruptedException {
    SoxArguments.onlyKeys(options, SILENCE_KEYS, "sox.silence");
    Path input = SoxArguments.path(file, "sox.silence", "file");
    String what = "silence " + input;
    double threshold = numberOr(options, "threshold", -50, -200, 0, what);
    double minSeconds = numberOr(options, "minSeconds", 0.1, 0.01, 86_400, what);
    return engine.execute(
        what,
        () -> {
          SilenceDetector detector = new SilenceDetector(threshold, minSeconds);
          List<String> argv =
              List.of(
                  engine.binary.path(),
                  "--no-glob",
                  input.toString(),
                  "-t",
                  "raw",
                  "-e",
                  "floating-point",
                  "-b",
                  "32",
                  "-L",
                  "-r",
                  String.valueOf(SilenceDetector.RATE),
                  "-c",
                  "1",
                  "-");
          engine.run(new SoxCall(what, argv, null, detector, engine.config.timeout()));
          return detector.stretches();
        });
  }

  /** {@code sox.batch(files, outDir) { rate 16000; channels 1 }}. */
  public BatchResult batch(Collection<?> files, Object outDir, Closure<?> spec)
      throws InterruptedException {
    return batch(Map.of(), files, outDir, spec);
  }

  public BatchResult batch(Collection<?> files, Object outDir) throws InterruptedException {
    return batch(Map.of(), files, outDir, null);
  }

  public BatchResult batch(Map<String, ?> options, Collection<?> files, Object outDir)
      throws InterruptedException {
    return batch(options, files, outDir, null);
  }

  /**
   * Converts every file into {@code outDir} (same base name; the extension of {@code format} when
   * given), as many at once as the pool allows. One file failing does not stop the others; the
   * result says which failed and why. On a terminal a progress bar shows how far it is.
   */
  public BatchResult batch(
      Map<String, ?> options, Collection<?> files, Object outDir, Closure<?> spec)
      throws InterruptedException {
    Map<String, Object> conversion = new LinkedHashMap<>(options);
    if (spec != null) {
      BatchSpec said = new BatchSpec();
      Closure<?> body = (Closure<?>) spec.clone();
      body.setResolveStrategy(Closure.DELEGATE_FIRST);
      body.setDelegate(said);
      body.call();
      conversion.putAll(said.options);
      if (!said.effects.isEmpty()) {
        conversion.put("effects", said.effects);
      }
    }
    SoxArguments.onlyKeys(conversion, CONVERT_KEYS, "sox.batch");
    Path dir = SoxArguments.path(outDir, "sox.batch", "outDir");
    List<Path> inputs = files.stream().map(f -> SoxArguments.path(f, "sox.batch", "file")).toList();
    Object type = conversion.get("format");
    List<Path> outputs = inputs.stream().map(in -> dir.resolve(outputName(in, type))).toList();
    rejectCollisions(inputs, outputs);

    int workers = Math.max(1, Math.min(engine.pool.maxWorkers(), inputs.size()));
    ExecutorService threads =
        Executors.newFixedThreadPool(
            workers,
            task -> {
              Thread thread = new Thread(task, "sox-batch-" + run.id());
              thread.setDaemon(true);
              return thread;
            });
    List<Future<String>> results = new ArrayList<>();
    try (Progress progress = Progress.start("sox batch", inputs.size())) {
      for (int i = 0; i < inputs.size(); i++) {
        Path in = inputs.get(i);
        Path out = outputs.get(i);
        results.add(
            threads.submit(
                () -> {
                  try {
                    convert(conversion, in, out);
                    progress.step(true);
                    return null;
                  } catch (SoxException e) {
                    progress.step(false);
                    return e.getMessage();
                  }
                }));
      }
      List<Path> converted = new ArrayList<>();
      Map<Path, String> failed = new LinkedHashMap<>();
      for (int i = 0; i < results.size(); i++) {
        String failure = outcome(results.get(i));
        if (failure == null) {
          converted.add(outputs.get(i));
        } else {
          failed.put(inputs.get(i), failure);
        }
      }
      return new BatchResult(converted, failed);
    } catch (InterruptedException e) {
      // Interrupted workers end their sox before they return; wait for that, so none outlives us.
      threads.shutdownNow();
      awaitUninterruptibly(threads);
      throw e;
    } finally {
      threads.shutdownNow();
    }
  }

  /** The pool's state: health, active processes, totals, success rate, breaker. */
  public SoxStatus status() {
    return engine.status();
  }

  /** {@code healthy}, {@code degraded} or {@code unhealthy}; see {@link SoxStatus}. */
  public String health() {
    return engine.status().health();
  }

  @Override
  public String toString() {
    return "sox (" + engine.config.binary() + ", " + engine.pool.maxWorkers() + " workers)";
  }

  private static String outcome(Future<String> result) throws InterruptedException {
    try {
      return result.get();
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
  }

  private static void awaitUninterruptibly(ExecutorService threads) {
    boolean interrupted = Thread.interrupted();
    try {
      while (true) {
        try {
          threads.awaitTermination(1, TimeUnit.MINUTES);
          return;
        } catch (InterruptedException again) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  private Path writes(Path output, String change, java.util.concurrent.Callable<Path> action)
      throws InterruptedException {
    try {
      if (output.startsWith(run.workDir())) {
        return action.call();
      }
      return run.mutate(output.toString(), change, action);
    } catch (InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new SoxException(
          SoxException.Kind.FAILED, change + ": " + e.getMessage(), null, null, e);
    }
  }

  @FunctionalInterface
  private interface TempWork {
    void into(Path temp) throws Exception;
  }

  /**
   * Runs {@code work} into a fresh hidden file beside {@code output} (same extension, so sox picks
   * the same type) and renames it into place only when it succeeded.
   */
  private static Path intoTemp(Path output, TempWork work) throws Exception {
    String name = output.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 ? name.substring(dot) : "";
    Path temp =
        output.resolveSibling(
            "."
                + name
                + ".roadie-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + extension);
    try {
      work.into(temp);
      Files.move(temp, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return output;
    } catch (SoxException e) {
      throw e.renamed(temp.toString(), output.toString());
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void requireDirectory(Path output, String what) {
    Path dir = output.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new SoxException(
          SoxException.Kind.BAD_INPUT,
          what + ": the output's directory " + dir + " does not exist; create it first");
    }
    if (!Files.isWritable(dir)) {
      throw new SoxException(
          SoxException.Kind.BAD_INPUT,
          what + ": the output's directory " + dir + " is not writable by roadie");
    }
  }

  private static void rejectCollisions(List<Path> inputs, List<Path> outputs) {
    Map<Path, List<Path>> byOutput =
        java.util.stream.IntStream.range(0, inputs.size())
            .boxed()
            .collect(
                Collectors.groupingBy(
                    outputs::get,
                    LinkedHashMap::new,
                    Collectors.mapping(inputs::get, Collectors.toList())));
    byOutput.forEach(
        (out, ins) -> {
          if (ins.size() > 1) {
            throw new SoxException(
                SoxException.Kind.BAD_INPUT,
                "sox.batch: "
                    + ins
                    + " would all be written to "
                    + out
                    + "; give them distinct names");
          }
          if (ins.get(0).equals(out)) {
            throw new SoxException(
                SoxException.Kind.BAD_INPUT,
                "sox.batch: " + out + " would be converted onto itself; choose another outDir");
          }
        });
  }

  private static String outputName(Path input, Object type) {
    String name = input.getFileName().toString();
    if (type == null) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    return (dot > 0 ? name.substring(0, dot) : name) + "." + type;
  }

  private Duration timeout(Map<String, ?> options, String what) {
    Object value = options.get("timeout");
    if (value == null) {
      return engine.config.timeout();
    }
    try {
      Duration timeout =
          value instanceof Duration d ? d : dev.roadie.config.Durations.parse(value.toString());
      if (timeout.compareTo(Duration.ofMillis(100)) < 0) {
        throw new IllegalArgumentException("too short");
      }
      return timeout;
    } catch (RuntimeException e) {
      throw SoxArguments.bad(what, "timeout", value, "a duration of at least 100ms, like '30s'");
    }
  }

  private static String frequency(Object freq, int rate, String what) {
    if (freq == null) {
      return "440";
    }
    String text = freq.toString();
    for (String part : text.split("[-:+/]")) {
      double hz;
      try {
        hz = Double.parseDouble(part);
      } catch (NumberFormatException e) {
        throw SoxArguments.bad(what, "freq", freq, "a frequency in Hz, or a sweep like '100-2000'");
      }
      if (hz <= 0 || hz >= rate / 2.0) {
        throw SoxArguments.bad(
            what, "freq", freq, "above 0 and below half the rate (" + rate / 2 + " Hz)");
      }
    }
    return text;
  }

  private static int wholeOr(
      Map<String, ?> options, String key, int fallback, int min, int max, String what) {
    Object value = options.get(key);
    if (value == null) return fallback;
    if (!(value instanceof Number n)
        || n.doubleValue() != Math.rint(n.doubleValue())
        || n.longValue() < min
        || n.longValue() > max) {
      throw SoxArguments.bad(what, key, value, "a whole number from " + min + " to " + max);
    }
    return n.intValue();
  }

  private static double numberOr(
      Map<String, ?> options, String key, double fallback, double min, double max, String what) {
    Object value = options.get(key);
    if (value == null) return fallback;
    if (!(value instanceof Number n) || n.doubleValue() < min || n.doubleValue() > max) {
      throw SoxArguments.bad(what, key, value, "a number from " + min + " to " + max);
    }
    return n.doubleValue();
  }

  private static Set<String> keys(Set<String> base, String... more) {
    return Stream.concat(base.stream(), Stream.of(more)).collect(Collectors.toUnmodifiableSet());
  }
}
