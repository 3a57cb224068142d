package dev.roadie.speaker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code speakers.backup(dir)} and {@code speakers.restore(file, only: [...])}. */
final class Backups {
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Backups() {}

  /** Reads every device (concurrently) and writes one timestamped JSON file into {@code dir}. */
  static Path backup(Speakers speakers, Path dir) {
    Instant now = Instant.now();
    FleetResult read = speakers.all().run("backup", Backups::read);
    List<Snapshot.DeviceState> devices = new ArrayList<>();
    List<Snapshot.Failure> failed = new ArrayList<>();
    for (DeviceResult result : read.results()) {
      if (result.ok()) {
        devices.add((Snapshot.DeviceState) result.value());
      } else {
        failed.add(new Snapshot.Failure(result.device(), result.reason()));
      }
    }
    Snapshot snapshot = new Snapshot(Snapshot.FORMAT, 1, now.toString(), devices, failed);
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("speakers-" + STAMP.format(now) + ".json");
      Path partial = dir.resolve(file.getFileName() + ".partial");
      JSON.writeValue(partial.toFile(), snapshot);
      Files.move(
          partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the backup into " + dir + ": " + e.getMessage(), e);
    }
  }

  static Snapshot.DeviceState read(Speaker speaker) {
    Info info = speaker.get("/info", Info.class);
    Volume volume = speaker.get("/volume", Volume.class);
    Bass bass = speaker.get("/bass", Bass.class);
    Presets presets = speaker.get("/presets", Presets.class);
    Zone zone = speaker.get("/getZone", Zone.class);
    Sources sources = speaker.get("/sources", Sources.class);
    return new Snapshot.DeviceState(
        speaker.device().name() == null ? info.name() : speaker.device().name(),
        speaker.getAddress(),
        info.deviceId(),
        info.type(),
        info.name(),
        volume.target(),
        bass.target(),
        presets.presets().stream()
            .map(p -> new Snapshot.PresetState(p.id(), p.contentItem()))
            .toList(),
        zone.empty()
            ? null
            : new Snapshot.ZoneState(
                zone.master(), zone.members().stream().map(Zone.Member::deviceId).toList()),
        sources.items().stream()
            .map(s -> new Snapshot.SourceState(s.source(), s.sourceAccount(), s.status()))
            .toList());
  }

  /** The snapshot in {@code file}, checked whole; throws before any device is touched. */
  static Snapshot load(Path file) {
    Snapshot snapshot;
    if (!Files.exists(file)) {
      throw new SpeakerException(
          file.toString(),
          "refusing to restore "
              + file
              + ": no such file; give the path speakers.backup returned; no device was touched");
    }
    try {
      snapshot = JSON.readValue(file.toFile(), Snapshot.class);
    } catch (IOException e) {
      throw new SpeakerException(
          file.toString(),
          "refusing to restore "
              + file
              + ": it is not a complete roadie speakers backup ("
              + (e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                  ? json.getOriginalMessage()
                  : e.getMessage())
              + "); no device was touched");
    }
    List<String> problems = new ArrayList<>();
    if (snapshot == null || !Snapshot.FORMAT.equals(snapshot.format())) {
      problems.add("format is not " + Snapshot.FORMAT);
    } else if (snapshot.version() != 1) {
      problems.add("version " + snapshot.version() + " is not 1");
    } else {
      for (Snapshot.DeviceState device : snapshot.devices()) {
        String who = device.name() == null ? "a device" : device.name();
        if (device.name() == null || device.address() == null || device.deviceId() == null) {
          problems.add(who + " lacks its name, address or deviceId");
        }
        if (device.volume() != null && (device.volume() < 0 || device.volume() > 100)) {
          problems.add(who + ": volume " + device.volume() + " is outside 0..100");
        }
        for (Snapshot.PresetState preset : device.presets()) {
          if (preset.id() < 1
              || preset.id() > 6
              || preset.item() == null
              || preset.item().source() == null) {
            problems.add(who + ": preset " + preset.id() + " is not a slot 1..6 with an item");
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new SpeakerException(
          file.toString(),
          "refusing to restore "
              + file
              + ": "
              + String.join("; ", problems)
              + "; no device was touched");
    }
    return snapshot;
  }

  /** Puts every device of the snapshot (or those named in {@code only}) back as it was. */
  static FleetResult restore(Speakers speakers, Path file, Collection<String> only) {
    Snapshot snapshot = load(file);
    Set<String> wanted = new HashSet<>();
    if (only != null) {
      only.forEach(name -> wanted.add(name.toLowerCase(Locale.ROOT)));
      Set<String> inFile = new HashSet<>();
      snapshot.devices().forEach(d -> inFile.add(d.name().toLowerCase(Locale.ROOT)));
      for (String name : wanted) {
        if (!inFile.contains(name)) {
          throw new SpeakerException(
              name,
              "refusing to restore: '" + name + "' is not in " + file + "; no device was touched");
        }
      }
    }
    List<Snapshot.DeviceState> chosen =
        snapshot.devices().stream()
            .filter(d -> wanted.isEmpty() || wanted.contains(d.name().toLowerCase(Locale.ROOT)))
            .toList();
    List<Speaker> targets = new ArrayList<>();
    List<DeviceResult> unknown = new ArrayList<>();
    List<Snapshot.DeviceState> states = new ArrayList<>();
    // By name as speakers['name'] finds it (a DEVICE_HOSTS device by the name it reports), so a
    // device whose address changed since the backup is still found; then by the old address.
    NameLookup names = new NameLookup(speakers);
    for (Snapshot.DeviceState state : chosen) {
      Device device = names.find(state.name());
      if (device == null) {
        device = speakers.inventory().byAddress(state.address());
      }
      if (device == null) {
        unknown.add(
            new DeviceResult(
                state.name(),
                state.address(),
                false,
                null,
                state.name()
                    + ": not in the inventory (neither its name nor "
                    + state.address()
                    + ")",
                java.time.Duration.ZERO));
      } else {
        targets.add(speakers.speaker(device));
        states.add(state);
      }
    }
    FleetResult done =
        new Fleet(targets, speakers.client().config().concurrency())
            .run(
                "restore",
                speaker -> {
                  restoreOne(speaker, states.get(targets.indexOf(speaker)));
                  return null;
                });
    List<DeviceResult> all = new ArrayList<>(done.results());
    all.addAll(unknown);
    all.addAll(ZoneRestore.restore(speakers, snapshot, states, targets, done.results()));
    return new FleetResult("restore " + file.getFileName(), all, done.took());
  }

  private static void restoreOne(Speaker speaker, Snapshot.DeviceState state) {
    Info info = speaker.get("/info", Info.class);
    if (!info.deviceId().equals(state.deviceId())) {
      throw new SpeakerException(
          speaker.label(),
          speaker.label()
              + ": the backup is of device "
              + state.deviceId()
              + ", but "
              + speaker.getAddress()
              + " is "
              + info.deviceId()
              + "; not restored");
    }
    if (state.deviceName() != null && !state.deviceName().equals(info.name())) {
      speaker.name(state.deviceName());
    }
    // Only what differs is changed, so restoring twice changes nothing the second time.
    if (state.volume() != null && speaker.volume() != state.volume()) {
      speaker.volume(state.volume());
    }
    if (state.bass() != null && speaker.bass() != state.bass()) {
      speaker.bass(state.bass());
    }
    Presets current = speaker.get("/presets", Presets.class);
    Set<Integer> kept = new HashSet<>();
    for (Snapshot.PresetState preset : state.presets()) {
      kept.add(preset.id());
      boolean same =
          current
              .slot(preset.id())
              .map(p -> sameItem(p.contentItem(), preset.item()))
              .orElse(false);
      if (!same) {
        speaker.storePreset(preset.id(), preset.item());
      }
    }
    for (Preset preset : current.presets()) {
      if (!kept.contains(preset.id())) {
        speaker.removePreset(preset.id());
      }
    }
  }

  private static boolean sameItem(ContentItem a, ContentItem b) {
    return a != null
        && b != null
        && java.util.Objects.equals(a.source(), b.source())
        && java.util.Objects.equals(a.location(), b.location())
        && java.util.Objects.equals(a.sourceAccount(), b.sourceAccount())
        && java.util.Objects.equals(a.itemName(), b.itemName());
  }
}
