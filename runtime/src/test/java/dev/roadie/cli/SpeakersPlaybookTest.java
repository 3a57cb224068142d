package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.sim.SpeakerSimulator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code speakers} in a real playbook run, against the simulator, the hosts given as DEVICE_HOSTS.
 */
class SpeakersPlaybookTest {
  @TempDir Path home;

  @Test
  void volumesOfEveryDeviceFromDeviceHosts() {
    try (SpeakerSimulator sim = SpeakerSimulator.start(3)) {
      CliFixture fixture = new CliFixture(home);
      fixture.env.put("DEVICE_HOSTS", sim.hosts());
      fixture.env.put("ROADIE_DATA_DIR", home.resolve("var").toString());
      fixture.playbook(
          "volumes",
          "step('volumes') { speakers.all().each { log.info(\"${it.name}: ${it.volume()}\") } }");
      CliFixture.Result result = fixture.roadie("run", "volumes", "--json");
      assertThat(result.exit()).as(result.out() + result.err()).isZero();
      assertThat(result.out()).contains("Kitchen: 20\\nLobby: 20\\nOffice: 20\\n");
    }
  }

  @Test
  void aDryRunPlansVolumeChangesAndARealRunMakesThem() {
    try (SpeakerSimulator sim = SpeakerSimulator.start(2)) {
      CliFixture fixture = new CliFixture(home);
      fixture.env.put("ROADIE_DATA_DIR", home.resolve("var").toString());
      fixture.file(
          "site.yaml",
          "speakers:\n  devices:\n    kitchen: {host: '"
              + sim.device(0).address()
              + "', room: Kitchen, tags: [lobby]}\n    bar: {host: '"
              + sim.device(1).address()
              + "', tags: [lobby]}\n");
      fixture.playbook(
          "quiet",
          "step('quiet lobby') { def r = speakers.tagged('lobby').volume(12); println r; check r.allOk, r.toString() }");
      CliFixture.Result dry =
          fixture.roadie("-c", home.resolve("site.yaml").toString(), "run", "quiet", "--dry-run");
      assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
      assertThat(dry.out()).contains("would-do", "set volume to 12");
      assertThat(sim.device(0).volume()).isEqualTo(20);
      CliFixture.Result real =
          fixture.roadie("-c", home.resolve("site.yaml").toString(), "run", "quiet");
      assertThat(real.exit()).as(real.out() + real.err()).isZero();
      assertThat(real.out()).contains("set volume 12: 2 ok, 0 failed");
      assertThat(sim.device(0).volume()).isEqualTo(12);
      assertThat(sim.device(1).volume()).isEqualTo(12);
    }
  }

  @Test
  void aListenerGetsUpdatesDuringTheRunAndNoLongerOnceItEnds() throws Exception {
    try (SpeakerSimulator sim = SpeakerSimulator.start(1)) {
      CliFixture fixture = new CliFixture(home);
      fixture.env.put("ROADIE_DATA_DIR", home.resolve("var").toString());
      fixture.file(
          "site.yaml",
          "speakers:\n  devices:\n    kitchen: {host: '"
              + sim.device(0).address()
              + "', websocket: "
              + sim.device(0).updatePort()
              + "}\n");
      fixture.playbook(
          "listen",
          String.join(
              "\n",
              "import java.util.concurrent.*",
              "import dev.roadie.speaker.SpeakerEvent",
              "step('listen') {",
              "  def seen = new LinkedBlockingQueue()",
              "  speakers['kitchen'].onUpdate { e -> seen.add(e) }",
              "  def e = seen.poll(10, TimeUnit.SECONDS)",
              "  check e instanceof SpeakerEvent.ConnectionChanged, \"first: $e\"",
              "  speakers['kitchen'].volume(33)",
              "  while (!(e instanceof SpeakerEvent.VolumeChanged)) {",
              "    e = seen.poll(10, TimeUnit.SECONDS); check e != null, 'no volume event' }",
              "  println \"volume event: ${e.volume.actual}\"",
              "}"));
      CliFixture.Result result =
          fixture.roadie("-c", home.resolve("site.yaml").toString(), "run", "listen");
      assertThat(result.exit()).as(result.out() + result.err()).isZero();
      assertThat(result.out()).contains("volume event: 33");
      // The run is over: its subscription closed its socket.
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (sim.device(0).updateClients() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(sim.device(0).updateClients()).isZero();
    }
  }

  @Test
  void aBadWebSocketPortIsAConfigProblem() {
    CliFixture fixture = new CliFixture(home);
    fixture.file(
        "bad.yaml", "speakers:\n  devices:\n    kitchen: {host: 10.0.0.5, websocket: 80800}\n");
    CliFixture.Result result = fixture.roadie("-c", home.resolve("bad.yaml").toString(), "check");
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out() + result.err())
        .contains("kitchen: websocket must be the notification port, 1..65535");
  }

  @Test
  void aBadDeviceEntryIsAConfigProblem() {
    CliFixture fixture = new CliFixture(home);
    fixture.file("bad.yaml", "speakers:\n  devices:\n    kitchen: {hots: 10.0.0.5}\n");
    CliFixture.Result result = fixture.roadie("-c", home.resolve("bad.yaml").toString(), "check");
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out() + result.err())
        .contains("speakers.devices: kitchen: unknown key 'hots'; did you mean 'host'?");
  }
}
