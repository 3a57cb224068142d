package dev.roadie.synth;

import dev.roadie.config.RoadieConfig.FluidsynthConfig;
import dev.roadie.run.RunContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code synth.fluid}: FluidSynth shell servers. {@link #connect()} talks to the estate's server
 * ({@code synth.fluidsynth.host} and {@code port}), its changes recorded through the run's mutation
 * gate; {@link #start} runs a headless one of roadie's own.
 */
public final class Fluid {
  private static final Set<String> START_ARGS =
      Set.of("port", "soundfont", "audioFile", "gain", "sampleRate", "exposed");

  private final FluidsynthConfig config;
  private final Path defaultSoundfont;
  private final int sampleRate;
  private final RunContext run;

  Fluid(FluidsynthConfig config, Path defaultSoundfont, int sampleRate, RunContext run) {
    this.config = config;
    this.defaultSoundfont = defaultSoundfont;
    this.sampleRate = sampleRate;
    this.run = run;
  }

  /** A connection to the configured server. Close it when done. */
  public FluidClient connect() {
    return connect(config.host(), config.port());
  }

  /** A connection to a server of the estate; its changes are recorded, and planned in a dry run. */
  public FluidClient connect(String host, int port) {
    String target = "fluidsynth " + host + ":" + port;
    FluidClient.Gate gate =
        new FluidClient.Gate() {
          @Override
          public <T> T change(String description, java.util.concurrent.Callable<T> command)
              throws Exception {
            return run.mutate(target, description, command);
          }
        };
    return FluidClient.connect(host, port, config.timeout(), gate);
  }

  /** {@link #start(Map)} with every default. */
  public FluidServer start() {
    return start(Map.of());
  }

  /**
   * Starts a headless {@code fluidsynth} of roadie's own and waits until its shell answers, on
   * 127.0.0.1 only (see {@link FluidServer}). Named arguments: {@code port} (default: a free one),
   * {@code exposed} (true: fluidsynth's own shell server, on every interface, for clients on other
   * hosts; default false), {@code soundfont} (default {@code synth.default_soundfont}), {@code
   * audioFile} (a WAV file to capture the audio; default none), {@code gain} (0..5, default 0.5;
   * FluidSynth's own 0.2 is quiet), {@code sampleRate} (default {@code synth.sample_rate}). Stop it
   * with {@link FluidServer#stop()} (or use it in a {@code withCloseable} block); one left running
   * is stopped when roadie exits.
   */
  public FluidServer start(Map<String, ?> args) {
    String call = "synth.fluid.start";
    Args.only(args, call, START_ARGS);
    boolean exposed = Boolean.TRUE.equals(args.get("exposed"));
    int port =
        args.containsKey("port")
            ? Args.whole(args, "port", 0, 1, 65535, call)
            : exposed ? freePort() : 0;
    double gain = Args.number(args, "gain", 0.5, 0, 5, call);
    int rate = Args.whole(args, "sampleRate", sampleRate, 8000, 96000, call);
    Path soundfont =
        args.containsKey("soundfont")
            ? Args.path(args.get("soundfont"), "soundfont")
            : defaultSoundfont;
    Soundfont checked = Sf2Reader.read(soundfont);
    if (!checked.valid()) {
      throw new SynthException(
          "cannot start fluidsynth with "
              + soundfont
              + ": it "
              + String.join("; ", checked.problems()));
    }
    Path audioFile =
        args.get("audioFile") == null
            ? null
            : Args.path(args.get("audioFile"), "audioFile").toAbsolutePath();
    if (audioFile != null) {
      try {
        Files.createDirectories(audioFile.getParent());
      } catch (IOException e) {
        throw new SynthException(
            "cannot create the directory for " + audioFile + ": " + e.getMessage(), e);
      }
    }
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            config.binary(),
            "-q", // no banner
            "-n", // no MIDI driver
            "-a",
            "file",
            "-o",
            "audio.file.name=" + (audioFile == null ? "/dev/null" : audioFile),
            "-o",
            "audio.file.type=wav",
            "-r",
            String.valueOf(rate),
            "-g",
            String.format(Locale.ROOT, "%.3f", gain)));
    Duration wait = config.timeout().plus(Duration.ofSeconds(5));
    if (exposed) {
      // its own TCP shell only ("-i": none on stdin), on every interface
      command.addAll(List.of("-i", "-s", "-o", "shell.port=" + port, soundfont.toString()));
      return FluidServer.exposed(command, port, audioFile, wait);
    }
    command.add(soundfont.toString());
    return FluidServer.onLoopback(command, port, audioFile, wait);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new SynthException("cannot find a free port for fluidsynth: " + e.getMessage(), e);
    }
  }
}
