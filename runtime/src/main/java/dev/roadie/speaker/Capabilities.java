package dev.roadie.speaker;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.List;

/** {@code GET /capabilities}: optional features and the extra URLs a model answers. */
public record Capabilities(
    @JacksonXmlProperty(isAttribute = true, localName = "deviceID") String deviceId,
    NetworkConfig networkConfig,
    Boolean lightswitch,
    Boolean clockDisplay,
    @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "capability")
        List<Capability> capabilities,
    Boolean lrStereoCapable,
    Boolean bcoresetCapable,
    Boolean disablePowerSaving) {

  public Capabilities {
    capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
  }

  public boolean has(String name) {
    return capabilities.stream().anyMatch(c -> name.equals(c.name()));
  }

  public record Capability(
      @JacksonXmlProperty(isAttribute = true) String name,
      @JacksonXmlProperty(isAttribute = true) String url,
      @JacksonXmlProperty(isAttribute = true) String info) {}

  public record NetworkConfig(Boolean dualMode, Boolean wsapiproxy) {}
}
