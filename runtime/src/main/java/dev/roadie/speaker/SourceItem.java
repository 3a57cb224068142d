package dev.roadie.speaker;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of {@code /sources}: a source the device knows, whether it is ready, and its display
 * name (often the account).
 */
public record SourceItem(
    String source,
    String sourceAccount,
    String status,
    boolean local,
    boolean multiroomAllowed,
    String displayName) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static SourceItem of(JsonNode node) {
    return new SourceItem(
        Xml.attribute(node, "source"),
        Xml.attribute(node, "sourceAccount"),
        Xml.attribute(node, "status"),
        "true".equals(Xml.attribute(node, "isLocal")),
        "true".equals(Xml.attribute(node, "multiroomallowed")),
        Xml.text(node));
  }

  public boolean ready() {
    return "READY".equals(status);
  }
}
