package dev.roadie.speaker;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.List;

/**
 * {@code GET /getZone}: the multi-room zone the device is in. {@code <zone />} (master null) when
 * it is in none. A master lists its members (recent firmware lists itself first); a slave lists
 * only itself and says who the master is.
 */
public record Zone(
    @JacksonXmlProperty(isAttribute = true) String master,
    @JacksonXmlProperty(isAttribute = true, localName = "senderIPAddress") String senderIpAddress,
    @JacksonXmlProperty(isAttribute = true) Boolean senderIsMaster,
    @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "member")
        List<Member> members) {

  public Zone {
    members = members == null ? List.of() : List.copyOf(members);
  }

  public boolean empty() {
    return master == null || master.isBlank();
  }

  /** {@code <member ipaddress="IP" role="NORMAL">DEVICEID</member>}; role is usually absent. */
  public record Member(String ipAddress, String deviceId, String role) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Member of(JsonNode node) {
      return new Member(
          Xml.attribute(node, "ipaddress"), Xml.text(node), Xml.attribute(node, "role"));
    }
  }
}
