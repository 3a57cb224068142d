package dev.roadie.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.run.RecordingRunContext;
import dev.roadie.sim.Fault;
import dev.roadie.sim.SimulatedSpeaker;
import dev.roadie.sim.SpeakerSimulator;
import dev.roadie.speaker.SpeakerEvent.Connection;
import dev.roadie.speaker.SpeakerEvent.ConnectionChanged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code onUpdate} over the simulator's notification WebSockets. */
class UpdatesTest {
  static final Duration WAIT = Duration.ofSeconds(10);

  SpeakerSimulator sim;
  Speakers speakers;
  Speaker kitchen;
  SimulatedSpeaker kitchenSim;
  final LinkedBlockingQueue<SpeakerEvent> events = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() {
    sim = SpeakerSimulator.start(3);
    speakers =
        SimSpeakers.speakers(
            SimSpeakers.config(sim, Duration.ofSeconds(2), 1, 4), new RecordingRunContext(false));
    speakers.client().backoff(new Backoff(Duration.ofMillis(50), Duration.ofMillis(400)));
    kitchen = speakers.getAt("kitchen");
    kitchenSim = sim.device(0);
  }

  @AfterEach
  void stop() {
    speakers.close();
    sim.close();
  }

  @Test
  void typedEventsForVolumeNowPlayingPresetsAndZone() throws Exception {
    Subscription subscription = kitchen.onUpdate(events::add);
    ConnectionChanged connected = next(ConnectionChanged.class, e -> true);
    assertThat(connected.state()).isEqualTo(Connection.CONNECTED);
    assertThat(connected.speaker()).isEqualTo("kitchen");
    assertThat(subscription.isConnected()).isTrue();

    kitchen.volume(37);
    SpeakerEvent.VolumeChanged volume =
        next(SpeakerEvent.VolumeChanged.class, e -> e.volume().actual() == 37);
    assertThat(volume.volume().target()).isEqualTo(37);

    kitchen.selectPreset(2);
    SpeakerEvent.NowPlayingChanged playing =
        next(
            SpeakerEvent.NowPlayingChanged.class,
            e -> "PLAY_STATE".equals(e.nowPlaying().playStatus()));
    assertThat(playing.nowPlaying().contentItem().itemName()).isEqualTo("Station 2");

    kitchen.removePreset(6);
    SpeakerEvent.PresetsChanged presets = next(SpeakerEvent.PresetsChanged.class, e -> true);
    assertThat(presets.presets()).extracting(Preset::id).containsExactly(1, 2, 3, 4, 5);

    kitchen.createZone(speakers.getAt("lobby"));
    SpeakerEvent.ZoneChanged zone = next(SpeakerEvent.ZoneChanged.class, e -> e.zone() != null);
    assertThat(zone.zone().master()).isEqualTo(kitchenSim.deviceId());
    assertThat(zone.zone().members()).hasSize(2);
  }

  @Test
  void aSocketDroppedMidStreamReconnectsAndSaysSo() throws Exception {
    kitchen.onUpdate(events::add);
    next(ConnectionChanged.class, e -> e.state() == Connection.CONNECTED);
    kitchen.volume(30);
    next(SpeakerEvent.VolumeChanged.class, e -> e.volume().actual() == 30);

    kitchenSim.dropUpdateSockets();
    ConnectionChanged down = next(ConnectionChanged.class, e -> true);
    assertThat(down.state()).isEqualTo(Connection.DISCONNECTED);
    ConnectionChanged retrying = next(ConnectionChanged.class, e -> true);
    assertThat(retrying.state()).isEqualTo(Connection.RECONNECTING);
    assertThat(retrying.attempt()).isEqualTo(1);
    assertThat(retrying.retryInMillis()).isBetween(1L, 400L);
    ConnectionChanged back = next(ConnectionChanged.class, e -> true);
    assertThat(back.state()).isEqualTo(Connection.CONNECTED);
    assertThat(back.reason()).isEqualTo("reconnected");
    // What was missed is re-read over HTTP and delivered.
    next(SpeakerEvent.VolumeChanged.class, e -> e.volume().actual() == 30);
    next(SpeakerEvent.NowPlayingChanged.class, e -> true);

    kitchen.volume(31);
    next(SpeakerEvent.VolumeChanged.class, e -> e.volume().actual() == 31);
  }

  @Test
  void aDeviceThatRefusesIsRetriedWithGrowingPausesUntilItIsBack() throws Exception {
    kitchenSim.fault(Fault.REFUSE);
    kitchen.onUpdate(events::add);
    List<ConnectionChanged> retries = new ArrayList<>();
    while (retries.size() < 4) {
      ConnectionChanged event = next(ConnectionChanged.class, e -> true);
      if (event.state() == Connection.RECONNECTING) {
        retries.add(event);
      }
    }
    assertThat(retries).extracting(ConnectionChanged::attempt).containsExactly(1, 2, 3, 4);
    // 50ms doubling, capped at 400ms, +-20% jitter.
    assertThat(retries.get(3).retryInMillis()).isGreaterThan(retries.get(0).retryInMillis());
    assertThat(retries.get(3).retryInMillis()).isLessThanOrEqualTo(480);

    kitchenSim.fault(Fault.NONE);
    ConnectionChanged back = next(ConnectionChanged.class, e -> e.state() == Connection.CONNECTED);
    assertThat(back.reason()).as("it never was connected before").isEqualTo("connected");
    kitchen.volume(44);
    next(SpeakerEvent.VolumeChanged.class, e -> e.volume().actual() == 44);
  }

  @Test
  void closingTheRunsSpeakersEndsEverySubscriptionAndLeavesNoThread() throws Exception {
    int before = webSocketThreads();
    List<SpeakerEvent> lobby = new java.util.concurrent.CopyOnWriteArrayList<>();
    Subscription first = kitchen.onUpdate(events::add);
    speakers.getAt("lobby").onUpdate(lobby::add);
    next(ConnectionChanged.class, e -> e.state() == Connection.CONNECTED);
    await(() -> kitchenSim.updateClients() == 1 && sim.device(1).updateClients() == 1);
    assertThat(speakers.getSubscriptions()).isEqualTo(2);
    // The server counts a client at its handshake, a moment before the client's reader loop runs.
    await(() -> webSocketThreads() == before + 2);

    speakers.close();
    assertThat(first.isOpen()).isFalse();
    assertThat(speakers.getSubscriptions()).isZero();
    ConnectionChanged last = next(ConnectionChanged.class, e -> e.state() != Connection.CONNECTED);
    assertThat(last.state()).isEqualTo(Connection.DISCONNECTED);
    assertThat(last.reason()).isEqualTo("unsubscribed");
    await(() -> kitchenSim.updateClients() == 0 && sim.device(1).updateClients() == 0);
    await(() -> webSocketThreads() == before);
    await(() -> threadsNamed("roadie-speaker-updates") == 0);

    // Nothing reaches a closed subscription, and a closed run takes no new one.
    events.clear();
    kitchen.volume(12);
    assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
    assertThatThrownBy(() -> kitchen.onUpdate(e -> {}))
        .isInstanceOf(SpeakerException.class)
        .hasMessageContaining("kitchen: onUpdate after the run ended");
  }

  @Test
  void aListenerThatThrowsKeepsItsSubscription() throws Exception {
    kitchen.onUpdate(
        e -> {
          events.add(e);
          throw new IllegalStateException("listener bug");
        });
    next(ConnectionChanged.class, e -> e.state() == Connection.CONNECTED);
    kitchen.volume(21);
    next(SpeakerEvent.VolumeChanged.class, e -> e.volume().actual() == 21);
    kitchen.volume(22);
    next(SpeakerEvent.VolumeChanged.class, e -> e.volume().actual() == 22);
  }

  @Test
  void framesAsRealDevicesSendThem() throws Exception {
    List<SpeakerEvent> greeting =
        UpdateFrames.parse(
            "x",
            "<SoundTouchSdkInfo serverVersion=\"4\" serverBuild=\"trunk r46330\" />",
            () -> null);
    assertThat(greeting).isEmpty();
    List<SpeakerEvent> zone =
        UpdateFrames.parse(
            "x",
            Fixtures.read("ws_zoneUpdated_libsoundtouch.xml"),
            () -> new Zone("M", null, true, null));
    assertThat(zone).singleElement().isInstanceOf(SpeakerEvent.ZoneChanged.class);
    List<SpeakerEvent> buffering =
        UpdateFrames.parse(
            "x",
            Fixtures.read("ws_nowPlayingUpdated_buffering_fragment_libsoundtouch.xml"),
            () -> null);
    assertThat(((SpeakerEvent.NowPlayingChanged) buffering.get(0)).nowPlaying().playStatus())
        .isEqualTo("BUFFERING_STATE");
    assertThat(
            UpdateFrames.parse(
                "x", Fixtures.read("ws_presetsUpdated_libsoundtouch.xml"), () -> null))
        .singleElement()
        .isInstanceOfSatisfying(
            SpeakerEvent.PresetsChanged.class, p -> assertThat(p.presets()).hasSize(3));
    assertThat(
            UpdateFrames.parse("x", Fixtures.read("ws_infoUpdated_libsoundtouch.xml"), () -> null))
        .singleElement()
        .isInstanceOfSatisfying(
            SpeakerEvent.OtherUpdate.class, o -> assertThat(o.name()).isEqualTo("infoUpdated"));
    assertThat(UpdateFrames.parse("x", "<userActivityUpdate deviceID=\"X\" />", () -> null))
        .singleElement()
        .isInstanceOfSatisfying(
            SpeakerEvent.OtherUpdate.class,
            o -> assertThat(o.name()).isEqualTo("userActivityUpdate"));
    assertThatThrownBy(() -> UpdateFrames.parse("x", "<updates><volumeUpd", () -> null))
        .isInstanceOf(java.io.IOException.class);
  }

  private <T extends SpeakerEvent> T next(Class<T> type, Predicate<T> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<SpeakerEvent> skipped = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      SpeakerEvent event = events.poll(50, TimeUnit.MILLISECONDS);
      if (event == null) {
        continue;
      }
      if (type.isInstance(event) && wanted.test(type.cast(event))) {
        return type.cast(event);
      }
      skipped.add(event);
    }
    throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT + "; saw " + skipped);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      Thread.sleep(20);
    }
  }

  /** Threads busy reading a WebSocket (OkHttp runs one reader loop per open socket). */
  private static int webSocketThreads() {
    int count = 0;
    for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
      for (StackTraceElement frame : stack) {
        if (frame.getClassName().equals("okhttp3.internal.ws.RealWebSocket")
            && frame.getMethodName().equals("loopReader")) {
          count++;
          break;
        }
      }
    }
    return count;
  }

  private static int threadsNamed(String name) {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals(name) && t.isAlive())
            .count();
  }
}
