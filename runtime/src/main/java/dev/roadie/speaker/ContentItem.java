package dev.roadie.speaker;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * What a speaker plays or can be told to play: a source, and for services a location in it. The
 * same element appears in {@code /now_playing}, {@code /presets} and the {@code /select} body.
 *
 * @param source {@code AUX}, {@code BLUETOOTH}, {@code SPOTIFY}, {@code TUNEIN}...
 * @param type {@code uri}, {@code tracklisturl}, {@code stationurl}, ... or null
 * @param location where in the source, or null
 * @param sourceAccount the account or input ({@code AUX}, {@code TV}), or null
 * @param isPresetable whether the device would store it as a preset, or null when not said
 * @param itemName the name shown for it
 * @param containerArt an image URL, or null
 */
public record ContentItem(
    @JacksonXmlProperty(isAttribute = true) String source,
    @JacksonXmlProperty(isAttribute = true) String type,
    @JacksonXmlProperty(isAttribute = true) String location,
    @JacksonXmlProperty(isAttribute = true) String sourceAccount,
    @JacksonXmlProperty(isAttribute = true) Boolean isPresetable,
    String itemName,
    String containerArt) {

  public ContentItem {
    itemName = Xml.trim(itemName);
    containerArt = Xml.trim(containerArt);
  }

  /** A bare source, as {@code /select} takes it for AUX, BLUETOOTH or a soundbar's TV input. */
  public static ContentItem of(String source, String sourceAccount) {
    return new ContentItem(source, null, null, sourceAccount, null, null, null);
  }

  /** The element as a device reads it; attributes that are null are left out. */
  public String toXml() {
    StringBuilder xml = new StringBuilder("<ContentItem");
    attribute(xml, "source", source);
    attribute(xml, "type", type);
    attribute(xml, "location", location);
    attribute(xml, "sourceAccount", sourceAccount);
    attribute(xml, "isPresetable", isPresetable == null ? null : isPresetable.toString());
    xml.append('>');
    if (itemName != null) {
      xml.append("<itemName>").append(Xml.escape(itemName)).append("</itemName>");
    }
    if (containerArt != null) {
      xml.append("<containerArt>").append(Xml.escape(containerArt)).append("</containerArt>");
    }
    return xml.append("</ContentItem>").toString();
  }

  private static void attribute(StringBuilder xml, String name, String value) {
    if (value != null) {
      xml.append(' ').append(name).append("=\"").append(Xml.escape(value)).append('"');
    }
  }
}
