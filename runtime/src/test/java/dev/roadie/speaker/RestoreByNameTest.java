package dev.roadie.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roadie.run.RecordingRunContext;
import dev.roadie.sim.SpeakerSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreByNameTest {
  @TempDir Path dir;

  @Test
  void aDeviceHostsSpeakerWhoseAddressChangedIsFoundByItsNameAsSpeakersNameFindsIt()
      throws Exception {
    try (SpeakerSimulator sim = SpeakerSimulator.start(3)) {
      var config = SimSpeakers.hostsOnly(sim, Duration.ofSeconds(1), 0, 4);
      Speakers speakers = SimSpeakers.speakers(config, new RecordingRunContext(false));
      Path file = speakers.backup(dir);
      // Kitchen's address in the backup is one it no longer has.
      ObjectNode backup = (ObjectNode) Backups.JSON.readTree(file.toFile());
      ((ObjectNode) backup.get("devices").get(0)).put("address", "127.0.0.1:1");
      Path moved = dir.resolve("moved.json");
      Backups.JSON.writeValue(moved.toFile(), backup);
      speakers.getAt("Kitchen").volume(77);

      RecordingRunContext dry = new RecordingRunContext(true);
      Speakers planning = SimSpeakers.speakers(config, dry);
      assertThat(planning.getAt("Kitchen").getAddress()).isEqualTo(sim.device(0).address());
      FleetResult planned = planning.restore(moved);

      assertThat(planned.isAllOk()).as(planned.toString()).isTrue();
      assertThat(planned.toString()).isEqualTo("restore moved.json: 3 ok, 0 failed");
      assertThat(dry.lines())
          .anyMatch(line -> line.contains("set volume to") && line.contains("would-do"));
      assertThat(sim.device(0).volume()).isEqualTo(77);
    }
  }

  @Test
  void aMissingBackupFileIsSaidPlainly() throws Exception {
    try (SpeakerSimulator sim = SpeakerSimulator.start(1)) {
      var config = SimSpeakers.hostsOnly(sim, Duration.ofSeconds(1), 0, 1);
      Speakers speakers = SimSpeakers.speakers(config, new RecordingRunContext(false));
      Path missing = dir.resolve("x.json");

      assertThatThrownBy(() -> speakers.restore(missing))
          .hasMessage(
              "refusing to restore "
                  + missing
                  + ": no such file; give the path speakers.backup returned; no device was"
                  + " touched");
      assertThat(Files.exists(missing)).isFalse();
    }
  }
}
