package dev.roadie.speaker;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reading and writing the SoundTouch XML: one {@link XmlMapper} for the whole process, lenient
 * about elements it does not model (firmware versions add them), and helpers for the few elements
 * that carry both attributes and text ({@code <art artImageStatus="...">url</art>}), which Jackson
 * cannot bind to record components directly.
 */
public final class Xml {
  static final XmlMapper MAPPER =
      XmlMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
          .build();

  private static final XMLInputFactory STAX = stax();

  private Xml() {}

  private static XMLInputFactory stax() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }

  /** Binds a document to {@code type}. */
  public static <T> T read(String xml, Class<T> type) throws IOException {
    return MAPPER.readValue(xml, type);
  }

  /**
   * The name of the document's root element, or null when the text is not XML (an HTML error page,
   * a truncated body). Reads only as far as the root's start tag.
   */
  public static String rootName(String xml) {
    if (xml == null || xml.isBlank()) {
      return null;
    }
    try {
      XMLStreamReader reader = STAX.createXMLStreamReader(new StringReader(xml));
      try {
        while (reader.hasNext()) {
          if (reader.next() == XMLStreamConstants.START_ELEMENT) {
            return reader.getLocalName();
          }
        }
        return null;
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      return null;
    }
  }

  /** True when the whole text is well-formed XML. */
  public static boolean wellFormed(String xml) {
    if (xml == null || xml.isBlank()) {
      return false;
    }
    try {
      XMLStreamReader reader = STAX.createXMLStreamReader(new StringReader(xml));
      try {
        while (reader.hasNext()) {
          reader.next();
        }
        return true;
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      return false;
    }
  }

  /** Text and attributes of an element read as a tree: the text is under the empty key. */
  static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isValueNode()) {
      return trim(node.asText());
    }
    JsonNode text = node.get("");
    return text == null ? null : trim(text.asText());
  }

  static String attribute(JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : trim(value.asText());
  }

  static Integer integer(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String trim(String text) {
    return text == null ? null : text.strip();
  }

  /** Escapes text for an element's content or a double-quoted attribute. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Empty elements that mean "yes" by being there: {@code <skipEnabled/>}. Absent, the component
   * keeps its default, false.
   */
  static final class Presence extends JsonDeserializer<Boolean> {
    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      parser.skipChildren();
      return Boolean.TRUE;
    }

    @Override
    public Boolean getNullValue(DeserializationContext context) {
      return Boolean.TRUE;
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) {
      return Boolean.FALSE;
    }
  }
}
