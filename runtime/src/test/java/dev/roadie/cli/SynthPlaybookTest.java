package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synth} as playbooks see it: installed by its provider, configured from the settings. */
class SynthPlaybookTest {
  static final Path REAL_SOUNDFONT = Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2");

  @TempDir Path home;
  CliFixture roadie;

  @BeforeEach
  void setUp() throws Exception {
    roadie = new CliFixture(home);
    Files.createDirectories(home.resolve("fonts"));
    Files.copy(REAL_SOUNDFONT, home.resolve("fonts/gm.sf2"));
    Files.write(home.resolve("fonts/broken.sf2"), new byte[] {'R', 'I', 'F', 'F'});
    roadie.env.put("ROADIE_SYNTH_SOUNDFONT_DIRS", "fonts");
  }

  @Test
  void aPlaybookListsTheSoundfontsOfTheConfiguredDirectories() {
    roadie.playbook("fonts", "step('list') { synth.soundfonts().each { println it } }\n");

    CliFixture.Result result = roadie.roadie("run", "fonts");

    assertThat(result.exit()).isZero();
    assertThat(result.out())
        .contains("    | broken.sf2: is truncated: 4 bytes, shorter than a RIFF header (12 bytes)")
        .contains("    | gm.sf2: 'TimGM6mb1.sf2', SoundFont 2.01, 136 presets, 520 samples");
  }

  @Test
  void installInADryRunIsPlannedNotDone() throws Exception {
    roadie.playbook(
        "install", "param 'file'\nstep('install') { println synth.install(params.file) }\n");
    String file = "file=" + home.resolve("fonts/gm.sf2");

    JsonNode run =
        new ObjectMapper()
            .readTree(roadie.roadie("run", "install", "-p", file, "--dry-run", "--json").out());

    JsonNode mutation = run.get("mutations").get(0);
    assertThat(mutation.get("outcome").asText()).isEqualTo("would-do");
    assertThat(mutation.get("target").asText())
        .isEqualTo(home.resolve("var/soundfonts/gm.sf2").toString());
    assertThat(Files.exists(home.resolve("var/soundfonts/gm.sf2"))).isFalse();
  }

  @Test
  void aBrokenSoundfontFailsTheStepWithItsProblemAndNoStackTrace() {
    roadie.playbook("install", "param 'file'\nstep('install') { synth.install(params.file) }\n");

    CliFixture.Result result =
        roadie.roadie("run", "install", "-p", "file=" + home.resolve("fonts/broken.sf2"));

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out())
        .contains(
            "playbooks/install.groovy:2: cannot install "
                + home.resolve("fonts/broken.sf2")
                + ": it is truncated: 4 bytes, shorter than a RIFF header (12 bytes)")
        .doesNotContain("\tat ");
  }

  @Test
  void theAudioPathStepPassesOnThisMachine() {
    roadie.playbook(
        "audio",
        "step('audio path') {\n"
            + "  def r = synth.checkAudioPath()\n"
            + "  println r\n"
            + "  check r.passed, r.toString()\n"
            + "}\n");

    CliFixture.Result result = roadie.roadie("run", "audio");

    assertThat(result.exit()).as(result.out()).isZero();
    assertThat(result.out())
        .contains("    | audio path ok: note 69 expected 440.0 Hz, measured 44");
  }

  @Test
  void aNoteOutOfRangeFailsTheStepWithTheRange() {
    roadie.playbook("note", "step('render') { synth.render(note: 128, seconds: 1) }\n");

    CliFixture.Result result = roadie.roadie("run", "note");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out())
        .contains("playbooks/note.groovy:1: synth.render: note 128 is outside 0..127")
        .doesNotContain("\tat ");
  }

  @Test
  void theServiceCheckReadsTheConfiguredService() {
    try (dev.roadie.sim.SynthServiceSim sim = dev.roadie.sim.SynthServiceSim.start()) {
      sim.readings(31, 20, 30);
      roadie.env.put("ROADIE_SYNTH_SERVICE_URL", sim.url());
      roadie.playbook(
          "service",
          "step('synth service') { def c = synth.service.check(); check c.passed, c.toString() }\n");

      CliFixture.Result result = roadie.roadie("run", "service");

      assertThat(result.exit()).isEqualTo(1);
      assertThat(result.out())
          .contains(
              "check failed: synth service FAILED (healthy): audio latency 31.0 ms > 20 ms --");
    }
  }

  @Test
  void theReadmesLiveSynthStepStartsAndStopsFluidsynth() {
    roadie.playbook(
        "live",
        "step('live synth') {\n"
            + "  synth.fluid.start().withCloseable { server ->\n"
            + "    server.client().withCloseable { fs ->\n"
            + "      fs.noteon(0, 69, 100)\n"
            + "      check fs.voiceCount() > 0, 'no voice sounding'\n"
            + "    }\n"
            + "  }\n"
            + "}\n");

    CliFixture.Result result = roadie.roadie("run", "live");

    assertThat(result.exit()).as(result.out()).isZero();
  }
}
