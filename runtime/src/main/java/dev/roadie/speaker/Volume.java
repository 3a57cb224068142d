package dev.roadie.speaker;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * {@code GET /volume}. {@code target} and {@code actual} differ while the speaker ramps.
 *
 * @param target the volume the speaker is heading for, 0..100
 * @param actual the volume it plays at now, 0..100
 */
public record Volume(
    @JacksonXmlProperty(isAttribute = true, localName = "deviceID") String deviceId,
    @JacksonXmlProperty(localName = "targetvolume") int target,
    @JacksonXmlProperty(localName = "actualvolume") int actual,
    @JacksonXmlProperty(localName = "muteenabled") boolean muted) {

  @Override
  public String toString() {
    return muted ? actual + " (muted)" : String.valueOf(actual);
  }
}
