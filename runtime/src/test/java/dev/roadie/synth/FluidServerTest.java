package dev.roadie.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.run.RecordingRunContext;
import java.nio.file.Path;
import java.util.Map;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real fluidsynth, started and stopped by roadie. */
class FluidServerTest {
  @TempDir Path home;
  Fluid fluid;
  FluidServer server;

  @BeforeEach
  void setUp() {
    fluid =
        SynthFixture.synth(home, home, new RecordingRunContext(home.resolve("run"), false))
            .getFluid();
  }

  @AfterEach
  void tearDown() {
    if (server != null) server.stop();
  }

  @Test
  void aStartedServerAnswersAndStopsLeavingNoProcess() throws Exception {
    server = fluid.start();
    long pid = server.pid();
    long supervised = server.supervisedPid();
    assertThat(server.running()).isTrue();

    try (FluidClient client = server.client()) {
      assertThat(client.fonts())
          .containsExactly(new LoadedFont(1, SynthFixture.REAL_SOUNDFONT.toString()));
    }
    server.stop();

    assertThat(server.running()).isFalse();
    assertThat(ProcessHandle.of(pid)).isEmpty();
    assertThat(ProcessHandle.of(supervised)).isEmpty();
    assertThat(ProcessHandle.current().children()).noneMatch(p -> p.pid() == supervised);
    assertThatThrownBy(server::client).hasMessageContaining("connection refused");
    server.stop(); // a second stop does nothing
  }

  @Test
  void audioToAFileIsAPlayableWavAfterStop() throws Exception {
    Path wav = home.resolve("capture/live.wav");
    server = fluid.start(Map.of("audioFile", wav));
    try (FluidClient client = server.client()) {
      client.noteon(0, 69, 100);
      Poll.until(() -> java.nio.file.Files.size(wav) > 48_000, "audio written");
    }
    server.stop();

    var format = AudioSystem.getAudioFileFormat(wav.toFile());
    assertThat(format.getFrameLength()).isGreaterThan(10_000);
    assertThat(format.getFormat().getSampleRate()).isEqualTo(48000f);
  }

  @Test
  void byDefaultOnlyLoopbackListensAndFluidsynthHasNoPortOfItsOwn() throws Exception {
    server = fluid.start();

    assertThat(server.exposed()).isFalse();
    assertThat(server.pid()).isEqualTo(server.supervisedPid());
    // 127.0.0.1, in the IPv4 table or mapped into the IPv6 one (::ffff:127.0.0.1)
    assertThat(listeners(server.port()))
        .isNotEmpty()
        .allMatch(
            address ->
                address.equals("0100007F") || address.equals("0000000000000000FFFF00000100007F"));
    assertThat(ListeningSockets.listens(server.pid(), server.port())).isFalse();
  }

  @Test
  void anExposedServerIsFluidsynthsOwnOnEveryInterface() throws Exception {
    server = fluid.start(Map.of("exposed", true));

    assertThat(server.exposed()).isTrue();
    assertThat(ListeningSockets.listens(server.pid(), server.port())).isTrue();
    try (FluidClient client = server.client()) {
      assertThat(client.fonts()).hasSize(1);
    }
    long pid = server.pid();
    server.stop();
    assertThat(ProcessHandle.of(pid)).isEmpty();
  }

  /** The local addresses (hex, as /proc has them) listening on a TCP port in this namespace. */
  private static java.util.List<String> listeners(int port) throws Exception {
    String suffix = String.format(":%04X", port);
    java.util.List<String> found = new java.util.ArrayList<>();
    for (String table : java.util.List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      for (String line : java.nio.file.Files.readAllLines(Path.of(table))) {
        String[] f = line.trim().split("\\s+");
        if (f.length > 3 && f[1].endsWith(suffix) && f[3].equals("0A")) {
          found.add(f[1].substring(0, f[1].indexOf(':')));
        }
      }
    }
    return found;
  }

  @Test
  void aBinaryThatIsNotThereIsNamed() {
    var config = SynthFixture.config(home, home);
    Fluid missing =
        new Fluid(
            new dev.roadie.config.RoadieConfig.FluidsynthConfig(
                "/nonexistent/fluidsynth", "127.0.0.1", 9800, java.time.Duration.ofSeconds(2)),
            config.defaultSoundfont(),
            48000,
            new RecordingRunContext(home, false));

    assertThatThrownBy(missing::start)
        .isInstanceOf(SynthException.class)
        .hasMessageStartingWith("cannot start /nonexistent/fluidsynth: ")
        .hasMessageEndingWith("(is FluidSynth installed? see synth.fluidsynth.binary)");
    assertThatThrownBy(() -> missing.start(Map.of("exposed", true)))
        .isInstanceOf(SynthException.class)
        .hasMessageStartingWith("/nonexistent/fluidsynth exited before opening port ")
        .hasMessageContaining("not found");
  }

  @Test
  void aPortInUseMakesStartFailAndLeavesNothingRunning() throws Exception {
    server = fluid.start();
    int taken = server.port();

    assertThatThrownBy(() -> fluid.start(Map.of("port", taken)))
        .isInstanceOf(SynthException.class)
        .hasMessageStartingWith("cannot listen on 127.0.0.1:" + taken + ": ");
    FluidServer exposed = fluid.start(Map.of("exposed", true));
    try {
      assertThatThrownBy(() -> fluid.start(Map.of("port", exposed.port(), "exposed", true)))
          .isInstanceOf(SynthException.class)
          .hasMessageStartingWith("fluidsynth exited before opening port " + exposed.port())
          .hasMessageEndingWith("(is the port in use?)");
    } finally {
      exposed.stop();
    }
    assertThat(ProcessHandle.current().children().filter(p -> p.pid() != server.supervisedPid()))
        .isEmpty();
  }

  @Test
  void aBrokenSoundfontIsRefusedBeforeStarting() {
    assertThatThrownBy(() -> fluid.start(Map.of("soundfont", home.resolve("none.sf2"))))
        .hasMessage(
            "cannot start fluidsynth with " + home.resolve("none.sf2") + ": it does not exist");
  }
}
