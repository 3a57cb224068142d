package dev.roadie.speaker;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * A WebSocket push: {@code <updates deviceID="..."><volumeUpdated>...</volumeUpdated></updates>}.
 * Usually one child is set; the signal-only ones ({@code zoneUpdated}, {@code infoUpdated}...) are
 * true when present, and the reader then re-reads the state over HTTP.
 */
public record Updates(
    @JacksonXmlProperty(isAttribute = true, localName = "deviceID") String deviceId,
    VolumeUpdated volumeUpdated,
    NowPlayingUpdated nowPlayingUpdated,
    PresetsUpdated presetsUpdated,
    @JsonDeserialize(using = Xml.Presence.class) boolean zoneUpdated,
    @JsonDeserialize(using = Xml.Presence.class) boolean infoUpdated,
    @JsonDeserialize(using = Xml.Presence.class) boolean nameUpdated,
    @JsonDeserialize(using = Xml.Presence.class) boolean bassUpdated,
    @JsonDeserialize(using = Xml.Presence.class) boolean sourcesUpdated,
    @JsonDeserialize(using = Xml.Presence.class) boolean recentsUpdated,
    @JsonDeserialize(using = Xml.Presence.class) boolean nowSelectionUpdated,
    @JsonDeserialize(using = Xml.Presence.class) boolean connectionStateUpdated) {

  public record VolumeUpdated(Volume volume) {}

  public record NowPlayingUpdated(@JsonProperty("nowPlaying") NowPlaying nowPlaying) {}

  public record PresetsUpdated(Presets presets) {}
}
