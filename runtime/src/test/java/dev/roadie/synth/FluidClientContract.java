package dev.roadie.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.run.Mutation;
import dev.roadie.run.RecordingRunContext;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell protocol against a real fluidsynth, and its faults: through roadie's loopback relay,
 * and through fluidsynth's own TCP server ({@code exposed}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FluidClientContract {
  FluidServer server;
  @TempDir static Path home;

  abstract boolean exposed();

  @BeforeAll
  void startServer() {
    server =
        SynthFixture.synth(home, home, new RecordingRunContext(home.resolve("run"), false))
            .getFluid()
            .start(java.util.Map.of("exposed", exposed()));
  }

  @AfterAll
  void stopServer() {
    server.stop();
  }

  @Test
  void commandsAndTheirAnswersRoundTrip() throws Exception {
    try (FluidClient client = server.client()) {
      assertThat(client.inst(1)).hasSize(136).startsWith(new Preset(0, 0, "Piano 1"));
      assertThat(client.get("synth.sample-rate")).isEqualTo("48000.000");
      client.select(0, 1, 0, 80);
      client.noteon(0, 69, 100);
      Poll.until(() -> client.voiceCount() > 0, "a voice sounding");
      client.noteoff(0, 69);
      client.prog(1, 19);
      client.gain(0.8);
      client.reverb(false);
      client.chorus(false);
      client.reverbSettings(0.5, 0.2, 10.0, 0.7);
      client.chorusSettings(3, 1.5, 0.3, 8.0);
      client.set("synth.gain", 0.6);
      int id = client.load(SynthFixture.REAL_SOUNDFONT.toString());
      assertThat(id).isGreaterThan(1);
      assertThat(client.fonts()).extracting(LoadedFont::id).contains(1, id);
      client.unload(id);
      assertThat(client.fonts()).extracting(LoadedFont::id).containsExactly(1);
      client.noteon(2, 60, 100);
      client.reset();
      Poll.until(() -> client.voiceCount() == 0, "no voice after reset");
    }
  }

  @Test
  void aServerThatIsNotRunningIsNamedWithWhatToDo() throws Exception {
    int free;
    try (ServerSocket socket = new ServerSocket(0)) {
      free = socket.getLocalPort();
    }

    assertThatThrownBy(
            () ->
                FluidClient.connect(
                    "127.0.0.1", free, Duration.ofSeconds(1), FluidClient.Gate.DIRECT))
        .isInstanceOf(SynthException.class)
        .hasMessage(
            "no FluidSynth server at 127.0.0.1:"
                + free
                + ": connection refused; start one (fluidsynth -s, or synth.fluid.start()) or set"
                + " synth.fluidsynth.host and port");
  }

  @Test
  void anErrorAnswerThrowsWithTheServersWords() {
    try (FluidClient client = server.client()) {
      assertThatThrownBy(() -> client.load("/nonexistent.sf2"))
          .hasMessage(
              "FluidSynth at "
                  + client.address()
                  + " refused 'load /nonexistent.sf2': failed to load the SoundFont");
      assertThatThrownBy(() -> client.command("bogus"))
          .hasMessage(
              "FluidSynth at "
                  + client.address()
                  + " refused 'bogus': unknown command: bogus (try help)");
      assertThatThrownBy(() -> client.command("gain 10"))
          .hasMessage(
              "FluidSynth at "
                  + client.address()
                  + " refused 'gain 10': gain: value should be between '0' and '5'.");
      assertThatThrownBy(() -> client.inst(99))
          .hasMessage(
              "FluidSynth at "
                  + client.address()
                  + " refused 'inst 99': inst: invalid font number");
      // the connection is still good after an error
      assertThat(client.fonts()).hasSize(1);
    }
  }

  @Test
  void valuesTheServerWouldDropSilentlyAreRefusedHere() {
    try (FluidClient client = server.client()) {
      assertThatThrownBy(() -> client.noteon(16, 60, 100))
          .hasMessage("channel 16 is outside 0..15");
      assertThatThrownBy(() -> client.noteon(0, 200, 100)).hasMessage("key 200 is outside 0..127");
      assertThatThrownBy(() -> client.noteon(0, 60, 0)).hasMessage("velocity 0 is outside 1..127");
      assertThatThrownBy(() -> client.gain(6)).hasMessage("gain 6.0 is outside 0..5");
      assertThatThrownBy(() -> client.command("fonts\nquit"))
          .hasMessage("a FluidSynth command is one non-empty line, not 'fonts\nquit'");
      assertThat(client.voiceCount()).isZero();
    }
  }

  @Test
  void aSlowAnswerTimesOut() {
    try (FluidClient client =
        FluidClient.connect(
            "127.0.0.1", server.port(), Duration.ofMillis(300), FluidClient.Gate.DIRECT)) {
      assertThatThrownBy(() -> client.command("sleep 1000"))
          .hasMessage(
              "no answer from FluidSynth at 127.0.0.1:"
                  + server.port()
                  + " to 'sleep 1000' within 300ms");
    }
  }

  @Test
  void aServerThatStopsMidCommandIsReportedAsClosingTheConnection() throws Exception {
    FluidServer own =
        SynthFixture.synth(home, home, new RecordingRunContext(home.resolve("run"), false))
            .getFluid()
            .start(java.util.Map.of("exposed", exposed()));
    try (FluidClient client = own.client()) {
      CompletableFuture<Object> answer =
          CompletableFuture.supplyAsync(() -> client.command("sleep 5000"));
      Thread.sleep(100); // let the command reach the server; either way it is mid-command
      own.stop();

      assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(SynthException.class)
          .hasMessageMatching(
              "(the FluidSynth server at 127.0.0.1:\\d+ closed the connection during 'sleep 5000'"
                  + "|the connection to FluidSynth at 127.0.0.1:\\d+ failed during 'sleep 5000': .*)");
    } finally {
      own.stop();
    }
  }

  @Test
  void anEstateServersChangesAreRecordedAndOnlyPlannedInADryRun() {
    RecordingRunContext dry = new RecordingRunContext(home.resolve("dry"), true);
    Fluid fluid = SynthFixture.synth(home, home, dry).getFluid();

    try (FluidClient client = fluid.connect("127.0.0.1", server.port())) {
      client.noteon(3, 60, 100);
      assertThat(client.load(SynthFixture.REAL_SOUNDFONT.toString())).isNull();
      assertThat(client.voiceCount()).isZero();
      assertThat(client.fonts()).hasSize(1);
    }
    assertThat(dry.mutations())
        .extracting(Mutation::target, Mutation::description, Mutation::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "fluidsynth 127.0.0.1:" + server.port(),
                "noteon 3 60 100",
                Mutation.Outcome.WOULD_DO),
            org.assertj.core.groups.Tuple.tuple(
                "fluidsynth 127.0.0.1:" + server.port(),
                "load " + SynthFixture.REAL_SOUNDFONT,
                Mutation.Outcome.WOULD_DO));
  }

  @Test
  void aRealRunRecordsTheChangeItMade() {
    RecordingRunContext real = new RecordingRunContext(home.resolve("real"), false);

    try (FluidClient client =
        SynthFixture.synth(home, home, real).getFluid().connect("127.0.0.1", server.port())) {
      client.gain(0.5);
    }

    assertThat(real.mutations())
        .extracting(Mutation::description, Mutation::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("gain 0.500", Mutation.Outcome.DONE));
  }
}
