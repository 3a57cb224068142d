package dev.roadie.speaker;

import java.time.Instant;
import java.util.List;

/**
 * What {@code speakers['x'].onUpdate { event -> ... }} receives: one typed event per update the
 * device pushes over its notification WebSocket, and the socket's own comings and goings.
 *
 * <pre>
 * speakers['kitchen'].onUpdate { event ->
 *   if (event instanceof SpeakerEvent.VolumeChanged) log.info "volume now ${event.volume.actual}"
 * }
 * </pre>
 */
public sealed interface SpeakerEvent {

  /** How the speaker is called in messages: its configured name, or its address. */
  String speaker();

  Instant at();

  /** {@code volumeUpdated}: volume or mute changed. */
  record VolumeChanged(String speaker, Instant at, Volume volume) implements SpeakerEvent {}

  /** {@code nowPlayingUpdated}: track, source, play state or standby changed. */
  record NowPlayingChanged(String speaker, Instant at, NowPlaying nowPlaying)
      implements SpeakerEvent {}

  /** {@code presetsUpdated}: a preset was stored or removed; the whole list as it is now. */
  record PresetsChanged(String speaker, Instant at, List<Preset> presets) implements SpeakerEvent {}

  /**
   * {@code zoneUpdated}: the device carries no body, so the zone is read over HTTP when the update
   * arrives; {@code zone} is null when that read failed ({@code error} says why).
   */
  record ZoneChanged(String speaker, Instant at, Zone zone, String error) implements SpeakerEvent {}

  /**
   * The notification socket's state. {@code RECONNECTING} says when the next try is due and why the
   * socket went away; after a reconnect the device's volume and now playing are re-read over HTTP
   * and delivered as events, since the device does not resend what was missed.
   */
  record ConnectionChanged(
      String speaker, Instant at, Connection state, int attempt, long retryInMillis, String reason)
      implements SpeakerEvent {}

  /**
   * Any other push ({@code bassUpdated}, {@code infoUpdated}, {@code sourcesUpdated}, {@code
   * userActivityUpdate}...), by its element name, with the frame as the device sent it.
   */
  record OtherUpdate(String speaker, Instant at, String name, String xml) implements SpeakerEvent {}

  enum Connection {
    CONNECTED,
    DISCONNECTED,
    RECONNECTING
  }
}
