package dev.roadie.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.run.RecordingRunContext;
import dev.roadie.sim.Fault;
import dev.roadie.sim.SpeakerSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupTest {
  @TempDir Path dir;

  @Test
  void backupThenRestorePutsVolumesPresetsAndNamesBack() throws Exception {
    try (SpeakerSimulator sim = SpeakerSimulator.start(3)) {
      sim.device(2).fault(Fault.REFUSE);
      RecordingRunContext run = new RecordingRunContext(false);
      var config = SimSpeakers.config(sim, Duration.ofSeconds(1), 0, 4);
      Speakers speakers = SimSpeakers.speakers(config, run);
      speakers.getAt("kitchen").volume(31);
      Path file = speakers.backup(dir);
      assertThat(file.getFileName().toString()).matches("speakers-\\d{8}T\\d{6}Z\\.json");
      Snapshot snapshot = Backups.load(file);
      assertThat(snapshot.devices())
          .extracting(Snapshot.DeviceState::name)
          .containsExactly("kitchen", "lobby");
      assertThat(snapshot.failed()).extracting(Snapshot.Failure::name).containsExactly("office");
      assertThat(snapshot.devices().get(0).volume()).isEqualTo(31);
      assertThat(snapshot.devices().get(0).presets()).hasSize(6);

      Speaker kitchen = speakers.getAt("kitchen");
      kitchen.volume(90);
      kitchen.removePreset(3);
      kitchen.name("Renamed");

      RecordingRunContext dry = new RecordingRunContext(true);
      FleetResult planned =
          SimSpeakers.speakers(config, dry).restore(Map.of("only", List.of("kitchen")), file);
      assertThat(planned.isAllOk()).isTrue();
      assertThat(dry.lines())
          .contains(
              "kitchen: set volume to 31 -> would-do", "kitchen: rename to 'Kitchen' -> would-do");
      assertThat(sim.device(0).volume()).isEqualTo(90);

      FleetResult restored = speakers.restore(Map.of("only", List.of("kitchen")), file);
      assertThat(restored.isAllOk()).as(restored.toString()).isTrue();
      assertThat(sim.device(0).volume()).isEqualTo(31);
      assertThat(sim.device(0).name()).isEqualTo("Kitchen");
      assertThat(kitchen.presets()).hasSize(6);
    }
  }

  @Test
  void aZoneIsPutBackAndASecondRestoreChangesNothing() throws Exception {
    try (SpeakerSimulator sim = SpeakerSimulator.start(3)) {
      var config = SimSpeakers.config(sim, Duration.ofSeconds(1), 0, 4);
      Speakers speakers = SimSpeakers.speakers(config, new RecordingRunContext(false));
      Speaker kitchen = speakers.getAt("kitchen");
      kitchen.createZone(speakers.getAt("lobby"), speakers.getAt("office"));
      Path file = speakers.backup(dir);
      kitchen.removeFromZone(speakers.getAt("office"));
      assertThat(kitchen.zone().members()).hasSizeLessThan(3);

      RecordingRunContext first = new RecordingRunContext(false);
      FleetResult restored = SimSpeakers.speakers(config, first).restore(file);

      assertThat(restored.isAllOk()).as(restored.toString()).isTrue();
      assertThat(first.lines()).anyMatch(m -> m.startsWith("kitchen: add ") && m.contains("zone"));
      assertThat(kitchen.zone().members())
          .extracting(Zone.Member::deviceId)
          .contains(sim.device(1).deviceId(), sim.device(2).deviceId());

      RecordingRunContext second = new RecordingRunContext(false);
      FleetResult again = SimSpeakers.speakers(config, second).restore(file);
      assertThat(again.isAllOk()).as(again.toString()).isTrue();
      assertThat(second.lines()).isEmpty();
    }
  }

  @Test
  void aTruncatedFileIsRefusedBeforeAnyDeviceIsTouched() throws Exception {
    try (SpeakerSimulator sim = SpeakerSimulator.start(2)) {
      Speakers speakers =
          SimSpeakers.speakers(
              SimSpeakers.config(sim, Duration.ofSeconds(1), 0, 4), new RecordingRunContext(false));
      Path file = speakers.backup(dir);
      String json = Files.readString(file);
      Path truncated =
          Files.writeString(dir.resolve("truncated.json"), json.substring(0, json.length() / 2));
      long before = sim.device(0).requests() + sim.device(1).requests();
      assertThatThrownBy(() -> speakers.restore(truncated))
          .hasMessageContaining("refusing to restore")
          .hasMessageContaining("no device was touched");
      assertThat(sim.device(0).requests() + sim.device(1).requests()).isEqualTo(before);
      Path wrong =
          Files.writeString(
              dir.resolve("wrong.json"), "{\"format\":\"other\",\"version\":1,\"devices\":[]}");
      assertThatThrownBy(() -> speakers.restore(wrong))
          .hasMessageContaining("format is not roadie-speakers-backup");
      assertThatThrownBy(() -> speakers.restore(Map.of("only", "cellar"), file))
          .hasMessageContaining("'cellar' is not in");
    }
  }

  @Test
  void aSnapshotOfAnUnknownOrDifferentDeviceFailsForThatDeviceOnly() throws Exception {
    try (SpeakerSimulator sim = SpeakerSimulator.start(2)) {
      Speakers speakers =
          SimSpeakers.speakers(
              SimSpeakers.config(sim, Duration.ofSeconds(1), 0, 4), new RecordingRunContext(false));
      Path file = speakers.backup(dir);
      String json =
          Files.readString(file)
              .replace("\"name\" : \"lobby\"", "\"name\" : \"cellar\"")
              .replace(sim.device(1).address(), "127.0.0.1:1");
      json = json.replace(sim.device(0).deviceId(), "0CB2B7FFFFFF");
      Path edited = Files.writeString(dir.resolve("edited.json"), json);
      FleetResult result = speakers.restore(edited);
      assertThat(result.getFailed())
          .extracting(DeviceResult::reason)
          .anySatisfy(r -> assertThat(r).contains("the backup is of device 0CB2B7FFFFFF"))
          .anySatisfy(r -> assertThat(r).contains("cellar: not in the inventory"));
    }
  }
}
