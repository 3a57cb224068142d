package dev.roadie.speaker;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * {@code GET /now_playing}: what the device is doing. Every child is optional: standby has only the
 * ContentItem, and a buffering update has only {@code art} and {@code playStatus}. Flags such as
 * {@code skipEnabled} are true when the device sends the (empty) element.
 */
public record NowPlaying(
    @JacksonXmlProperty(isAttribute = true, localName = "deviceID") String deviceId,
    @JacksonXmlProperty(isAttribute = true) String source,
    @JacksonXmlProperty(isAttribute = true) String sourceAccount,
    @JacksonXmlProperty(localName = "ContentItem") ContentItem contentItem,
    String track,
    String artist,
    String album,
    String stationName,
    String stationLocation,
    String description,
    Integer offset,
    Art art,
    PlayTime time,
    String rating,
    @JsonDeserialize(using = Xml.Presence.class) boolean skipEnabled,
    @JsonDeserialize(using = Xml.Presence.class) boolean favoriteEnabled,
    @JsonDeserialize(using = Xml.Presence.class) boolean rateEnabled,
    @JsonDeserialize(using = Xml.Presence.class) boolean isFavorite,
    @JsonDeserialize(using = Xml.Presence.class) boolean isAdvertisement,
    @JsonDeserialize(using = Xml.Presence.class) boolean skipPreviousEnabled,
    String playStatus,
    String shuffleSetting,
    String repeatSetting,
    String streamType,
    @JacksonXmlProperty(localName = "artistID") String artistId,
    @JacksonXmlProperty(localName = "trackID") String trackId,
    String genre,
    ConnectionStatus connectionStatusInfo) {

  public NowPlaying {
    track = Xml.trim(track);
    artist = Xml.trim(artist);
    album = Xml.trim(album);
    stationName = Xml.trim(stationName);
    stationLocation = Xml.trim(stationLocation);
    description = Xml.trim(description);
  }

  /** Power state as every client reads it: the STANDBY source. */
  public boolean standby() {
    return "STANDBY".equals(source);
  }

  /** {@code <art artImageStatus="IMAGE_PRESENT">url</art>}; url is null when there is none. */
  public record Art(String status, String url) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Art of(JsonNode node) {
      return new Art(Xml.attribute(node, "artImageStatus"), Xml.text(node));
    }
  }

  /** {@code <time total="210">36</time>}: position and length in seconds, either may be null. */
  public record PlayTime(Integer total, Integer position) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static PlayTime of(JsonNode node) {
      return new PlayTime(Xml.integer(Xml.attribute(node, "total")), Xml.integer(Xml.text(node)));
    }
  }

  /** Bluetooth: {@code <connectionStatusInfo status="CONNECTED" deviceName="iPhone"/>}. */
  public record ConnectionStatus(
      @JacksonXmlProperty(isAttribute = true) String status,
      @JacksonXmlProperty(isAttribute = true) String deviceName) {}
}
