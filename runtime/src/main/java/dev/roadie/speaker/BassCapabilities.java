package dev.roadie.speaker;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * {@code GET /bassCapabilities}: whether bass can be set and in what range (-9..0 on every captured
 * ST10/ST20). Soundbars say {@code bassAvailable=false}, possibly without the range.
 */
public record BassCapabilities(
    @JacksonXmlProperty(isAttribute = true, localName = "deviceID") String deviceId,
    @JacksonXmlProperty(localName = "bassAvailable") boolean available,
    @JacksonXmlProperty(localName = "bassMin") Integer min,
    @JacksonXmlProperty(localName = "bassMax") Integer max,
    @JacksonXmlProperty(localName = "bassDefault") Integer defaultLevel) {}
