package dev.roadie.speaker;

import dev.roadie.config.LoadedConfig;
import dev.roadie.config.RoadieConfig.SpeakersConfig;
import dev.roadie.run.ApiProvider;
import dev.roadie.run.RunContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes {@code speakers} a name in playbooks; one {@link SpeakerClient} per settings, per process.
 */
public final class SpeakersProvider implements ApiProvider {
  private static final Map<SpeakersConfig, SpeakerClient> CLIENTS = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "speakers";
  }

  @Override
  public String description() {
    return "Bose SoundTouch speakers: one device, fleets, health, backup and restore";
  }

  @Override
  public Object create(LoadedConfig config, RunContext run) {
    SpeakersConfig settings = config.settings().speakers();
    SpeakerClient client = CLIENTS.computeIfAbsent(settings, SpeakerClient::new);
    return new Speakers(client, Inventory.from(settings), run);
  }
}
