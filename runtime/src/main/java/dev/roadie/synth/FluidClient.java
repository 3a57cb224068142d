package dev.roadie.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A connection to a FluidSynth shell server ({@code fluidsynth -s}, TCP, one text command per
 * line). The shell answers many commands with nothing, so each command is followed by {@code echo
 * TOKEN} and the answer is every line before the token. Arguments are checked here, because the
 * server drops a note or channel out of range without a word.
 *
 * <p>Commands that change the synth's state (notes, programs, gain, effects, fonts, reset) go
 * through the run's mutation gate when the server is part of the estate, so a dry run records them
 * and sends nothing; reads always run. Not thread-safe: one command at a time per connection. Close
 * it when done; the server keeps running.
 */
public final class FluidClient implements AutoCloseable {
  /** An answer line that reports a failure rather than a result. */
  private static final Pattern ERROR =
      Pattern.compile(
          "^(unknown command: .*|failed to .*|\\S+: (too few|too many|invalid|value should|no such"
              + "|.*error).*)$");

  private static final Pattern LOADED = Pattern.compile("loaded SoundFont has ID (\\d+)");
  private static final Pattern FONT = Pattern.compile("^\\s*(\\d+)\\s+(.+)$");
  private static final Pattern PRESET = Pattern.compile("^(\\d{3})-(\\d{3}) (.*)$");
  private static final AtomicLong TOKENS = new AtomicLong();

  /** Runs a state-changing command: directly, or through a run's mutation gate. */
  interface Gate {
    <T> T change(String description, Callable<T> command) throws Exception;

    Gate DIRECT =
        new Gate() {
          @Override
          public <T> T change(String description, Callable<T> command) throws Exception {
            return command.call();
          }
        };
  }

  private final String address;
  private final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;
  private final Gate gate;

  private FluidClient(String address, Socket socket, Gate gate) throws IOException {
    this.address = address;
    this.socket = socket;
    this.in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    this.out = socket.getOutputStream();
    this.gate = gate;
  }

  static FluidClient connect(String host, int port, Duration timeout, Gate gate) {
    String address = host + ":" + port;
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout((int) timeout.toMillis());
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      FluidClient client = new FluidClient(address, socket, gate);
      return client;
    } catch (ConnectException e) {
      closeQuietly(socket);
      throw new SynthException(
          "no FluidSynth server at "
              + address
              + ": connection refused; start one (fluidsynth -s, or synth.fluid.start()) or set"
              + " synth.fluidsynth.host and port");
    } catch (SocketTimeoutException e) {
      closeQuietly(socket);
      throw new SynthException(
          "no FluidSynth server at "
              + address
              + ": no connection within "
              + timeout.toMillis()
              + "ms");
    } catch (IOException e) {
      closeQuietly(socket);
      throw new SynthException(
          "cannot connect to FluidSynth at " + address + ": " + e.getMessage(), e);
    }
  }

  /** {@code host:port}. */
  public String address() {
    return address;
  }

  /**
   * Sends one shell command and returns its answer lines. An answer that reports a failure ({@code
   * unknown command: ...}, {@code failed to load the SoundFont}) throws. Not gated: a raw command
   * is the caller's to judge.
   */
  public List<String> command(String command) {
    if (command.isBlank() || command.contains("\n") || command.contains("\r")) {
      throw new SynthException("a FluidSynth command is one non-empty line, not '" + command + "'");
    }
    String token = "roadie-" + ProcessHandle.current().pid() + "-" + TOKENS.incrementAndGet();
    try {
      out.write((command + "\necho " + token + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      List<String> answer = new ArrayList<>();
      for (String line; (line = in.readLine()) != null; ) {
        if (line.equals(token)) {
          for (String said : answer) {
            if (ERROR.matcher(said).matches()) {
              throw new SynthException(
                  "FluidSynth at " + address + " refused '" + command + "': " + said);
            }
          }
          return answer;
        }
        answer.add(line);
      }
      throw new SynthException(
          "the FluidSynth server at "
              + address
              + " closed the connection during '"
              + command
              + "'");
    } catch (SocketTimeoutException e) {
      throw new SynthException(
          "no answer from FluidSynth at "
              + address
              + " to '"
              + command
              + "' within "
              + socketTimeout()
              + "ms");
    } catch (IOException e) {
      throw new SynthException(
          "the connection to FluidSynth at "
              + address
              + " failed during '"
              + command
              + "': "
              + e.getMessage(),
          e);
    }
  }

  public void noteon(int channel, int key, int velocity) {
    checkChannel(channel);
    check("key", key, 0, 127);
    check("velocity", velocity, 1, 127);
    change("noteon " + channel + " " + key + " " + velocity);
  }

  public void noteoff(int channel, int key) {
    checkChannel(channel);
    check("key", key, 0, 127);
    change("noteoff " + channel + " " + key);
  }

  /** Program change on a channel, from the channel's current bank. */
  public void prog(int channel, int program) {
    checkChannel(channel);
    check("program", program, 0, 127);
    change("prog " + channel + " " + program);
  }

  /** Sets a channel to a preset of a loaded soundfont. */
  public void select(int channel, int fontId, int bank, int program) {
    checkChannel(channel);
    check("font id", fontId, 1, Integer.MAX_VALUE);
    check("bank", bank, 0, 16383);
    check("program", program, 0, 127);
    change("select " + channel + " " + fontId + " " + bank + " " + program);
  }

  /** Master gain, 0 to 5 (FluidSynth's limit). */
  public void gain(double gain) {
    if (!(gain >= 0 && gain <= 5)) {
      throw new SynthException("gain " + gain + " is outside 0..5");
    }
    change(String.format(Locale.ROOT, "gain %.3f", gain));
  }

  public void reverb(boolean on) {
    change("reverb " + (on ? "on" : "off"));
  }

  public void chorus(boolean on) {
    change("chorus " + (on ? "on" : "off"));
  }

  /** Reverb settings, each 0..1 (width 0..100); a null leaves one as it is. */
  public void reverbSettings(Double roomsize, Double damp, Double width, Double level) {
    setting("rev_setroomsize", roomsize, 0, 1);
    setting("rev_setdamp", damp, 0, 1);
    setting("rev_setwidth", width, 0, 100);
    setting("rev_setlevel", level, 0, 1);
  }

  /** Chorus settings: voices 0..99, level 0..10, speed 0.1..5 Hz, depth 0..256 ms; null keeps. */
  public void chorusSettings(Integer voices, Double level, Double speed, Double depth) {
    setting("cho_set_nr", voices == null ? null : voices.doubleValue(), 0, 99);
    setting("cho_set_level", level, 0, 10);
    setting("cho_set_speed", speed, 0.1, 5);
    setting("cho_set_depth", depth, 0, 256);
  }

  /** The loaded soundfonts. */
  public List<LoadedFont> fonts() {
    List<LoadedFont> fonts = new ArrayList<>();
    for (String line : command("fonts")) {
      Matcher m = FONT.matcher(line);
      if (m.matches()) {
        fonts.add(new LoadedFont(Integer.parseInt(m.group(1)), m.group(2).strip()));
      }
    }
    return fonts;
  }

  /**
   * Loads a soundfont the server can read (a path on the server's machine).
   *
   * @return its id; null in a dry run
   */
  public Integer load(String path) {
    if (path.isBlank() || path.contains("\n")) {
      throw new SynthException("a soundfont path is one non-empty line, not '" + path + "'");
    }
    List<String> answer = change("load " + path);
    if (answer == null) {
      return null;
    }
    for (String line : answer) {
      Matcher m = LOADED.matcher(line);
      if (m.find()) {
        return Integer.valueOf(m.group(1));
      }
    }
    throw new SynthException(
        "FluidSynth at " + address + " gave no soundfont id for 'load " + path + "': " + answer);
  }

  public void unload(int fontId) {
    check("font id", fontId, 1, Integer.MAX_VALUE);
    change("unload " + fontId);
  }

  /** The presets of a loaded soundfont. */
  public List<Preset> inst(int fontId) {
    check("font id", fontId, 1, Integer.MAX_VALUE);
    List<Preset> presets = new ArrayList<>();
    for (String line : command("inst " + fontId)) {
      Matcher m = PRESET.matcher(line);
      if (m.matches()) {
        presets.add(
            new Preset(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)));
      }
    }
    return presets;
  }

  /** Stops every note and resets the channels; send it after a client died mid-note. */
  public void reset() {
    change("reset");
  }

  /** How many voices are sounding. */
  public int voiceCount() {
    for (String line : command("voice_count")) {
      if (line.startsWith("voice_count: ")) {
        return Integer.parseInt(line.substring("voice_count: ".length()).strip());
      }
    }
    throw new SynthException("FluidSynth at " + address + " gave no voice count");
  }

  /**
   * A setting's value as the server prints it ({@code get synth.gain} is {@code 0.500}). The live
   * gain set by {@link #gain} is not a setting: this reads the start value.
   */
  public String get(String setting) {
    List<String> answer = command("get " + checkedName(setting));
    return answer.isEmpty() ? "" : answer.get(0).strip();
  }

  public void set(String setting, Object value) {
    change("set " + checkedName(setting) + " " + value);
  }

  @Override
  public void close() {
    closeQuietly(socket);
  }

  @Override
  public String toString() {
    return "FluidSynth at " + address;
  }

  private List<String> change(String command) {
    try {
      return gate.change(command, () -> command(command));
    } catch (SynthException e) {
      throw e;
    } catch (Exception e) {
      throw new SynthException(
          "'" + command + "' to FluidSynth at " + address + " failed: " + e.getMessage(), e);
    }
  }

  private void setting(String command, Double value, double min, double max) {
    if (value == null) return;
    if (!(value >= min && value <= max)) {
      throw new SynthException(command + " " + value + " is outside " + min + ".." + max);
    }
    change(String.format(Locale.ROOT, "%s %s", command, value));
  }

  private static String checkedName(String setting) {
    if (!setting.matches("[a-z0-9.-]+")) {
      throw new SynthException("'" + setting + "' is not a FluidSynth setting name");
    }
    return setting;
  }

  private static void checkChannel(int channel) {
    check("channel", channel, 0, 15);
  }

  private static void check(String what, int value, int min, int max) {
    if (value < min || value > max) {
      throw new SynthException(
          what + " " + value + " is outside " + min + ".." + (max == Integer.MAX_VALUE ? "" : max));
    }
  }

  private int socketTimeout() {
    try {
      return socket.getSoTimeout();
    } catch (IOException e) {
      return 0;
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing a broken connection: nothing left to do
    }
  }
}
