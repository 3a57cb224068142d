package dev.roadie.speaker;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One error a device reported in its body: {@code <errors><error value="1019"
 * name="CLIENT_XML_ERROR" severity="Unknown">1019</error></errors>}, or the bare {@code
 * <error>text</error>} and capital {@code <Error value= name=>text</Error>} variants.
 *
 * @param code the numeric {@code value}, or null for the bare variant
 * @param name {@code CLIENT_XML_ERROR}, {@code UNKNOWN_SOURCE_ERROR}..., or null
 * @param severity always {@code Unknown} in captures; may be null
 * @param text the element's text: often the code again, sometimes a sentence
 */
public record DeviceError(Integer code, String name, String severity, String text) {

  /** The root element names that mean the body is an error report. */
  public static final Set<String> ROOTS = Set.of("errors", "error", "Error");

  /** The errors in a body whose root is one of {@link #ROOTS}; never empty. */
  public static List<DeviceError> parse(String xml) throws IOException {
    String root = Xml.rootName(xml);
    JsonNode tree = Xml.MAPPER.readTree(xml);
    List<DeviceError> errors = new ArrayList<>();
    if ("errors".equals(root)) {
      JsonNode children = tree.get("error");
      if (children != null && children.isArray()) {
        children.forEach(child -> errors.add(of(child)));
      } else if (children != null) {
        errors.add(of(children));
      }
    } else {
      errors.add(of(tree));
    }
    if (errors.isEmpty()) {
      errors.add(new DeviceError(null, null, null, ""));
    }
    return List.copyOf(errors);
  }

  /** The device ID an {@code <errors>} body names, or null. */
  public static String deviceIdOf(String xml) {
    try {
      JsonNode tree = Xml.MAPPER.readTree(xml);
      return Xml.attribute(tree, "deviceID");
    } catch (IOException e) {
      return null;
    }
  }

  private static DeviceError of(JsonNode node) {
    return new DeviceError(
        Xml.integer(Xml.attribute(node, "value")),
        Xml.attribute(node, "name"),
        Xml.attribute(node, "severity"),
        Xml.text(node));
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (code != null) out.append(code);
    if (name != null) out.append(out.length() > 0 ? " " : "").append(name);
    if (text != null && !text.isEmpty() && !text.equals(String.valueOf(code))) {
      out.append(out.length() > 0 ? ": " : "").append(text);
    }
    return out.toString();
  }
}
