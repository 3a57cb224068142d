package dev.roadie.sim;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/** The shape of a document: every element path and attribute, without values. */
final class Shapes {
  private Shapes() {}

  static Set<String> of(String xml) {
    Set<String> shape = new TreeSet<>();
    try {
      XMLStreamReader reader =
          XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(xml));
      Deque<String> path = new ArrayDeque<>();
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String here = (path.isEmpty() ? "" : path.peek() + "/") + reader.getLocalName();
          path.push(here);
          shape.add(here);
          for (int i = 0; i < reader.getAttributeCount(); i++) {
            shape.add(here + "@" + reader.getAttributeLocalName(i));
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          path.pop();
        }
      }
    } catch (Exception e) {
      throw new AssertionError("not XML: " + xml, e);
    }
    return shape;
  }
}
