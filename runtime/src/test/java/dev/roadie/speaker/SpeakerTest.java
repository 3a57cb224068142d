package dev.roadie.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roadie.run.RecordingRunContext;
import dev.roadie.sim.Fault;
import dev.roadie.sim.SimulatedSpeaker;
import dev.roadie.sim.SpeakerSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One device, every operation, against the simulator. */
class SpeakerTest {
  SpeakerSimulator sim;
  RecordingRunContext run;
  Speakers speakers;
  Speaker kitchen;
  SimulatedSpeaker kitchenSim;

  @BeforeEach
  void start() {
    sim = SpeakerSimulator.start(3);
    run = new RecordingRunContext(false);
    speakers = SimSpeakers.speakers(SimSpeakers.config(sim, Duration.ofSeconds(1), 2, 4), run);
    kitchen = speakers.getAt("kitchen");
    kitchenSim = sim.device(0);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void readsInfoNowPlayingSourcesCapabilities() {
    Info info = kitchen.info();
    assertThat(info.deviceId()).isEqualTo(kitchenSim.deviceId());
    assertThat(info.type()).isEqualTo("SoundTouch 10");
    assertThat(kitchen.getName()).isEqualTo("kitchen");
    assertThat(kitchen.nowPlaying().standby()).isTrue();
    assertThat(kitchen.isOn()).isFalse();
    assertThat(kitchen.sources().ready("AUX", "AUX")).isTrue();
    assertThat(kitchen.capabilities().lrStereoCapable()).isTrue();
    assertThat(kitchen.bassCapabilities())
        .isEqualTo(new BassCapabilities(kitchenSim.deviceId(), true, -9, 0, 0));
    assertThat(kitchen.presets()).hasSize(6);
    assertThat(kitchen.zone().empty()).isTrue();
  }

  @Test
  void volumeBassMuteAndTheVolumeCache() {
    kitchen.volume(35);
    assertThat(kitchenSim.volume()).isEqualTo(35);
    assertThat(kitchen.volume()).isEqualTo(35);
    int gets = kitchenSim.hits("/volume");
    assertThat(kitchen.volume()).isEqualTo(35);
    assertThat(kitchenSim.hits("/volume")).as("second read within 5s is cached").isEqualTo(gets);
    kitchen.setVolume(40);
    assertThat(kitchen.volume()).as("our own write invalidates the cache").isEqualTo(40);

    kitchen.mute();
    assertThat(kitchen.isMuted()).isTrue();
    kitchen.mute();
    assertThat(kitchen.isMuted()).as("mute is not a blind toggle").isTrue();
    kitchen.unmute();
    assertThat(kitchen.isMuted()).isFalse();

    kitchen.bass(-4);
    assertThat(kitchen.bass()).isEqualTo(-4);
    assertThat(run.lines())
        .contains("kitchen: set volume to 35 -> done", "kitchen: set bass to -4 -> done");
  }

  @Test
  void keysArePressAndReleaseAndPowerIsReadThenToggled() {
    kitchen.press("PLAY");
    assertThat(kitchenSim.hits("/key")).isEqualTo(2);
    kitchen.powerOn();
    assertThat(kitchenSim.standby()).isFalse();
    kitchen.powerOn();
    assertThat(kitchenSim.standby()).as("power on twice stays on").isFalse();
    kitchen.powerOff();
    assertThat(kitchenSim.standby()).isTrue();
  }

  @Test
  void selectPresetsAndName() {
    kitchen.select("AUX");
    assertThat(kitchen.nowPlaying().source()).isEqualTo("AUX");
    kitchen.select(
        Map.of(
            "source",
            "SPOTIFY",
            "account",
            "roadie_spotify",
            "type",
            "uri",
            "location",
            "spotify:track:1",
            "name",
            "One"));
    assertThat(kitchen.nowPlaying().contentItem().itemName()).isEqualTo("One");

    List<Preset> after = kitchen.storePreset(2);
    assertThat(after).filteredOn(p -> p.id() == 2).extracting(Preset::name).containsExactly("One");
    assertThat(kitchen.removePreset(6)).extracting(Preset::id).doesNotContain(6);
    kitchen.selectPreset(1);
    assertThat(kitchen.nowPlaying().contentItem().itemName()).isEqualTo("Station 1");

    kitchen.name("Kitchen & Co");
    assertThat(kitchen.info().name()).isEqualTo("Kitchen & Co");
    assertThat(kitchenSim.name()).isEqualTo("Kitchen & Co");
  }

  @Test
  void zonesCreateAddRemove() {
    Speaker lobby = speakers.getAt("lobby");
    Speaker office = speakers.getAt("office");
    kitchen.createZone(lobby);
    Zone zone = kitchen.zone();
    assertThat(zone.master()).isEqualTo(kitchenSim.deviceId());
    assertThat(zone.members())
        .extracting(Zone.Member::deviceId)
        .containsExactly(kitchenSim.deviceId(), sim.device(1).deviceId());
    assertThat(lobby.zone().master()).isEqualTo(kitchenSim.deviceId());
    kitchen.addToZone(office);
    assertThat(kitchen.zone().members()).hasSize(3);
    kitchen.removeFromZone(lobby);
    assertThat(lobby.zone().empty()).isTrue();
    kitchen.removeFromZone(office);
    assertThat(kitchen.zone().empty()).as("removing the last member dissolves the zone").isTrue();
  }

  @Test
  void dryRunReadsButChangesNothing() {
    RecordingRunContext dry = new RecordingRunContext(true);
    Speakers planned =
        SimSpeakers.speakers(SimSpeakers.config(sim, Duration.ofSeconds(1), 0, 4), dry);
    int before = kitchenSim.volume();
    planned.getAt("kitchen").volume(77);
    planned.getAt("kitchen").press("POWER");
    assertThat(kitchenSim.volume()).isEqualTo(before);
    assertThat(kitchenSim.hits("/key")).isZero();
    assertThat(dry.lines())
        .containsExactly(
            "kitchen: set volume to 77 -> would-do", "kitchen: press POWER -> would-do");
  }

  // ---- bad input: refused before anything is sent

  @Test
  void unknownDeviceName() {
    assertThatThrownBy(() -> speakers.getAt("kitchn"))
        .isInstanceOf(SpeakerException.class)
        .hasMessageContaining("no speaker named 'kitchn'")
        .hasMessageContaining("did you mean 'kitchen'");
  }

  @Test
  void valuesOutOfRangeNameDeviceFieldValueAndRange() {
    long before = kitchenSim.requests();
    assertThatThrownBy(() -> kitchen.volume(150))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("kitchen: volume 150 is not allowed; volume is 0..100");
    assertThatThrownBy(() -> kitchen.volume(-1)).hasMessageContaining("volume -1");
    assertThatThrownBy(() -> kitchen.selectPreset(7))
        .hasMessage("kitchen: preset 7 is not allowed; preset is 1..6");
    assertThatThrownBy(() -> kitchen.press("LOUDER"))
        .hasMessageContaining("kitchen: key 'LOUDER' is not allowed");
    assertThatThrownBy(() -> kitchen.press("play")).hasMessageContaining("upper case: PLAY");
    assertThatThrownBy(() -> kitchen.select("NAPSTER"))
        .hasMessageContaining("kitchen: source 'NAPSTER' is not allowed");
    assertThat(kitchenSim.requests()).as("nothing sent").isEqualTo(before);
    assertThatThrownBy(() -> kitchen.bass(-10))
        .hasMessage("kitchen: bass -10 is not allowed; bass is -9..0");
    assertThatThrownBy(() -> kitchen.bass(1)).isInstanceOf(InvalidValueException.class);
    assertThat(kitchenSim.hits("/bass")).isZero();
  }

  @Test
  void deviceErrorBodiesCarryTheDevicesCodeAndText() {
    DeviceErrorException error =
        catchThrowableOfType(DeviceErrorException.class, () -> kitchen.select("AMAZON"));
    assertThat(error.code()).isEqualTo(1005);
    assertThat(error.errorName()).isEqualTo("UNKNOWN_SOURCE_ERROR");
    assertThat(error.text()).isEqualTo("1005");
    assertThat(error.httpStatus()).isEqualTo(500);
    assertThat(error)
        .hasMessageContaining(
            "kitchen: /select failed: the device reported 1005 UNKNOWN_SOURCE_ERROR");
    assertThat(run.lines()).contains("kitchen: select AMAZON -> failed");
  }

  // ---- faults

  @Test
  void refusedConnection() {
    kitchenSim.fault(Fault.REFUSE);
    assertThatThrownBy(() -> kitchen.nowPlaying())
        .isInstanceOf(TransientSpeakerException.class)
        .hasMessageContaining("kitchen: " + kitchenSim.address() + " refused the connection");
  }

  @Test
  void hangPastTheTimeout() {
    kitchenSim.fault(Fault.HANG);
    long start = System.nanoTime();
    assertThatThrownBy(() -> kitchen.volume(10))
        .hasMessageContaining("kitchen: /volume did not answer within 1s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void serverErrorBrokenXmlAndDroppedConnections() {
    kitchenSim.fault(Fault.SERVER_ERROR);
    assertThatThrownBy(() -> kitchen.nowPlaying())
        .hasMessageContaining("kitchen: /now_playing failed with HTTP 500");
    sim.device(1).fault(Fault.MALFORMED_XML);
    assertThatThrownBy(() -> speakers.getAt("lobby").nowPlaying())
        .hasMessageContaining("lobby: /now_playing answered broken XML");
    sim.device(2).fault(Fault.DROP);
    assertThatThrownBy(() -> speakers.getAt("office").nowPlaying())
        .isInstanceOf(TransientSpeakerException.class)
        .hasMessageContaining("office: /now_playing failed");
  }

  @Test
  void aGetOnAKeptConnectionTheDeviceDroppedIsResentOnceOnANewOneAPostIsNot() {
    kitchen.ping(); // leaves a kept-alive connection in the device's pool
    kitchenSim.fault(Fault.DROP, 1);
    long before = kitchenSim.requests();
    // ping() has no retries of its own: only the stale-connection resend can make it pass.
    assertThat(kitchen.ping().deviceId()).isEqualTo(kitchenSim.deviceId());
    assertThat(kitchenSim.requests() - before).isEqualTo(2);

    kitchenSim.fault(Fault.DROP, 1);
    assertThatThrownBy(() -> kitchen.volume(33)).isInstanceOf(TransientSpeakerException.class);
    assertThat(kitchenSim.hits("/volume")).isEqualTo(1);
    assertThat(kitchenSim.volume()).isEqualTo(20);
  }

  @Test
  void idempotentReadsAreRetriedWritesAreNot() {
    kitchenSim.fault(Fault.SERVER_ERROR, 2);
    assertThat(kitchen.nowPlaying()).isNotNull();
    assertThat(kitchenSim.hits("/now_playing")).isEqualTo(3);
    kitchenSim.fault(Fault.SERVER_ERROR, 1);
    assertThatThrownBy(() -> kitchen.volume(20)).hasMessageContaining("HTTP 500");
    assertThat(kitchenSim.hits("/volume")).isEqualTo(1);
  }

  @Test
  void circuitBreakerOpensPerDevice() {
    kitchenSim.fault(Fault.SERVER_ERROR);
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> kitchen.nowPlaying()).isInstanceOf(SpeakerException.class);
    }
    long sent = kitchenSim.requests();
    assertThatThrownBy(() -> kitchen.nowPlaying()).hasMessageContaining("circuit breaker open");
    assertThat(kitchenSim.requests()).isEqualTo(sent);
    assertThat(speakers.getAt("lobby").nowPlaying()).as("other devices unaffected").isNotNull();
  }

  @Test
  void unknownEndpointIsUnsupported() {
    assertThatThrownBy(() -> kitchen.get("/balance", Info.class))
        .hasMessageContaining("kitchen: does not support /balance (HTTP 404");
  }

  @Test
  void addressesAndReportedNames() {
    Speakers byHost =
        SimSpeakers.speakers(SimSpeakers.hostsOnly(sim, Duration.ofSeconds(1), 0, 4), run);
    Speaker office = byHost.getAt("Office");
    assertThat(office.getAddress()).isEqualTo(sim.device(2).address());
    assertThat(office.getName()).isEqualTo("Office");
    assertThat(byHost.at(sim.device(1).address()).info().name()).isEqualTo("Lobby");
    assertThatThrownBy(() -> byHost.at("http://x/y")).isInstanceOf(InvalidValueException.class);
  }
}
