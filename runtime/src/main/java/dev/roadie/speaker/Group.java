package dev.roadie.speaker;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.List;

/** {@code GET /getGroup}: an ST10 stereo pair, or {@code <group />} (id null) when none. */
public record Group(
    @JacksonXmlProperty(isAttribute = true) String id,
    String name,
    String masterDeviceId,
    Roles roles,
    @JacksonXmlProperty(localName = "senderIPAddress") String senderIpAddress,
    String status) {

  public Group {
    roles = roles == null ? new Roles(List.of()) : roles;
  }

  /** {@code <roles><groupRole>...</groupRole>...</roles>}. */
  public record Roles(
      @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "groupRole")
          List<Role> items) {
    public Roles {
      items = items == null ? List.of() : List.copyOf(items);
    }
  }

  public record Role(String deviceId, String role, String ipAddress) {}
}
