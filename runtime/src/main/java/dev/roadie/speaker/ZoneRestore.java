package dev.roadie.speaker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Puts multi-room zones back after a restore's per-device pass: for each restored device that was a
 * zone's master, its members are brought to what the backup says. Members are found by device id in
 * the backup, then in the inventory by name or address. A zone already as it was is left alone.
 */
final class ZoneRestore {
  private ZoneRestore() {}

  static List<DeviceResult> restore(
      Speakers speakers,
      Snapshot snapshot,
      List<Snapshot.DeviceState> states,
      List<Speaker> targets,
      List<DeviceResult> deviceResults) {
    Map<String, Snapshot.DeviceState> byId =
        snapshot.devices().stream()
            .collect(
                Collectors.toMap(Snapshot.DeviceState::deviceId, Function.identity(), (a, b) -> a));
    Set<String> failed = new HashSet<>();
    deviceResults.stream().filter(r -> !r.ok()).forEach(r -> failed.add(r.address()));
    List<DeviceResult> results = new ArrayList<>();
    for (int i = 0; i < states.size(); i++) {
      Snapshot.DeviceState state = states.get(i);
      Speaker master = targets.get(i);
      if (state.zone() == null
          || !state.deviceId().equals(state.zone().master())
          || failed.contains(master.getAddress())) {
        continue;
      }
      long started = System.nanoTime();
      try {
        restoreZone(speakers, master, state, byId);
        results.add(result(master, true, null, started));
      } catch (RuntimeException e) {
        results.add(result(master, false, e.getMessage(), started));
      }
    }
    return results;
  }

  private static void restoreZone(
      Speakers speakers,
      Speaker master,
      Snapshot.DeviceState state,
      Map<String, Snapshot.DeviceState> byId) {
    Set<String> wanted = new HashSet<>(state.zone().members());
    wanted.remove(state.deviceId());
    Zone current = master.zone();
    Set<String> present = new HashSet<>();
    if (!current.empty() && state.deviceId().equals(current.master())) {
      current.members().forEach(m -> present.add(m.deviceId()));
      present.remove(state.deviceId());
    }
    if (present.equals(wanted)) {
      return;
    }
    List<Speaker> toAdd = new ArrayList<>();
    for (String id : wanted) {
      if (!present.contains(id)) {
        toAdd.add(member(speakers, master, id, byId));
      }
    }
    if (present.isEmpty()) {
      master.createZone(toAdd);
    } else {
      for (Speaker member : toAdd) {
        master.addToZone(member);
      }
    }
    for (String id : present) {
      if (!wanted.contains(id)) {
        master.removeFromZone(member(speakers, master, id, byId));
      }
    }
  }

  private static Speaker member(
      Speakers speakers, Speaker master, String id, Map<String, Snapshot.DeviceState> byId) {
    Snapshot.DeviceState member = byId.get(id);
    Device device = null;
    if (member != null) {
      device = speakers.inventory().named(member.name());
      if (device == null) {
        device = speakers.inventory().byAddress(member.address());
      }
    }
    if (device == null) {
      throw new SpeakerException(
          master.label(),
          master.label()
              + ": zone member "
              + id
              + (member == null
                  ? " is not in the backup"
                  : " (" + member.name() + ") is not in the inventory")
              + "; the zone was not restored");
    }
    return speakers.speaker(device);
  }

  private static DeviceResult result(Speaker master, boolean ok, String reason, long started) {
    return new DeviceResult(
        master.label() + " (zone)",
        master.getAddress(),
        ok,
        null,
        reason,
        Duration.ofNanos(System.nanoTime() - started));
  }
}
