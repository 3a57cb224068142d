package dev.roadie.speaker;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** {@code GET /bass}: the bass level, within the device's {@link BassCapabilities} range. */
public record Bass(
    @JacksonXmlProperty(isAttribute = true, localName = "deviceID") String deviceId,
    @JacksonXmlProperty(localName = "targetbass") int target,
    @JacksonXmlProperty(localName = "actualbass") int actual) {

  @Override
  public String toString() {
    return String.valueOf(actual);
  }
}
