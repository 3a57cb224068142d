package dev.roadie.speaker;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** One stored preset, slot 1..6. The timestamps (epoch seconds) are missing on some presets. */
public record Preset(
    @JacksonXmlProperty(isAttribute = true) int id,
    @JacksonXmlProperty(isAttribute = true) Long createdOn,
    @JacksonXmlProperty(isAttribute = true) Long updatedOn,
    @JacksonXmlProperty(localName = "ContentItem") ContentItem contentItem) {

  /** The name shown for it, or null. */
  public String name() {
    return contentItem == null ? null : contentItem.itemName();
  }
}
