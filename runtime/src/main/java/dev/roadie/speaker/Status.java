package dev.roadie.speaker;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code <status>/key</status>}: how a device acknowledges a POST without a document to return. */
public record Status(String value) {
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static Status of(JsonNode node) {
    return new Status(Xml.text(node));
  }
}
