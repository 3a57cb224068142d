package dev.roadie.speaker;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.List;

/**
 * {@code GET /info}: who the device is. {@code deviceId} is the MAC of its main network interface.
 */
public record Info(
    @JacksonXmlProperty(isAttribute = true, localName = "deviceID") String deviceId,
    String name,
    String type,
    @JacksonXmlProperty(localName = "margeAccountUUID") String margeAccountUuid,
    Components components,
    @JacksonXmlProperty(localName = "margeURL") String margeUrl,
    @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "networkInfo")
        List<NetworkInfo> networkInfo,
    String moduleType,
    String variant,
    String variantMode,
    String countryCode,
    String regionCode) {

  public Info {
    name = Xml.trim(name);
    type = Xml.trim(type);
    components = components == null ? new Components(List.of()) : components;
    networkInfo = networkInfo == null ? List.of() : List.copyOf(networkInfo);
  }

  /** The main board's firmware version, or null when the device does not say. */
  public String softwareVersion() {
    return components.items().stream()
        .filter(c -> "SCM".equals(c.category()))
        .map(Component::softwareVersion)
        .filter(v -> v != null && !v.isBlank())
        .findFirst()
        .orElse(null);
  }

  /** The address the device reports for itself (SMSC first, as libsoundtouch does), or null. */
  public String ipAddress() {
    return networkInfo.stream()
        .sorted((a, b) -> "SMSC".equals(a.type()) ? -1 : "SMSC".equals(b.type()) ? 1 : 0)
        .map(NetworkInfo::ipAddress)
        .filter(ip -> ip != null && !ip.isBlank())
        .findFirst()
        .orElse(null);
  }

  /** {@code <components><component>...</component>...</components>}. */
  public record Components(
      @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "component")
          List<Component> items) {
    public Components {
      items = items == null ? List.of() : List.copyOf(items);
    }
  }

  public record Component(
      @JacksonXmlProperty(localName = "componentCategory") String category,
      String softwareVersion,
      String serialNumber) {
    public Component {
      softwareVersion = Xml.trim(softwareVersion);
      serialNumber = Xml.trim(serialNumber);
    }
  }

  public record NetworkInfo(
      @JacksonXmlProperty(isAttribute = true) String type, String macAddress, String ipAddress) {}
}
