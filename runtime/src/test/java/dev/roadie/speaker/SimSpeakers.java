package dev.roadie.speaker;

import dev.roadie.config.RoadieConfig.SpeakersConfig;
import dev.roadie.run.RecordingRunContext;
import dev.roadie.sim.SimulatedSpeaker;
import dev.roadie.sim.SpeakerSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code speakers} over a simulator: device i is named after its simulated room, lower case. */
final class SimSpeakers {
  private SimSpeakers() {}

  static SpeakersConfig config(
      SpeakerSimulator sim, Duration timeout, int retries, int concurrency) {
    Map<String, Object> devices = new LinkedHashMap<>();
    for (SimulatedSpeaker device : sim.devices()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("host", device.address());
      if (device.updatePort() != 0) {
        entry.put("websocket", device.updatePort());
      }
      entry.put("room", device.name());
      entry.put("tags", devices.size() % 2 == 0 ? List.of("lobby") : List.of("office"));
      devices.put(device.name().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), entry);
    }
    return new SpeakersConfig(List.of(), timeout, retries, concurrency, devices);
  }

  static SpeakersConfig hostsOnly(
      SpeakerSimulator sim, Duration timeout, int retries, int concurrency) {
    List<String> hosts = new ArrayList<>();
    sim.devices().forEach(d -> hosts.add(d.address()));
    return new SpeakersConfig(hosts, timeout, retries, concurrency, Map.of());
  }

  static Speakers speakers(SpeakersConfig config, RecordingRunContext run) {
    return new Speakers(new SpeakerClient(config), Inventory.from(config), run);
  }
}
