package dev.roadie.speaker;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Turns one WebSocket text frame into the events it carries. A frame is usually {@code <updates
 * deviceID="..."><xUpdated>...</xUpdated></updates>} with one child, sometimes more; some firmware
 * sends a bare {@code <nowPlayingUpdated>}, and a few pushes have roots of their own ({@code
 * <userActivityUpdate/>}, the {@code <SoundTouchSdkInfo/>} greeting, which is no update).
 */
final class UpdateFrames {
  private static final XMLInputFactory STAX = stax();

  private UpdateFrames() {}

  private static XMLInputFactory stax() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }

  /**
   * @param zone reads the zone over HTTP, for {@code zoneUpdated}, which carries no body
   * @throws IOException when the frame is not a document roadie can read
   */
  static List<SpeakerEvent> parse(String speaker, String frame, Supplier<Zone> zone)
      throws IOException {
    String root = Xml.rootName(frame);
    if (root == null || !Xml.wellFormed(frame)) {
      throw new IOException("not well-formed XML: " + brief(frame));
    }
    Instant now = Instant.now();
    if ("SoundTouchSdkInfo".equals(root)) {
      return List.of();
    }
    if (root.endsWith("Updated")) {
      return parse(speaker, "<updates>" + frame + "</updates>", zone);
    }
    if (!"updates".equals(root)) {
      return List.of(new SpeakerEvent.OtherUpdate(speaker, now, root, frame));
    }
    Updates updates = Xml.read(frame, Updates.class);
    List<SpeakerEvent> events = new ArrayList<>();
    for (String name : children(frame)) {
      switch (name) {
        case "volumeUpdated" -> {
          if (updates.volumeUpdated() != null && updates.volumeUpdated().volume() != null) {
            events.add(
                new SpeakerEvent.VolumeChanged(speaker, now, updates.volumeUpdated().volume()));
          } else {
            // Bose's own example carries no body: the news is only that it changed.
            events.add(new SpeakerEvent.OtherUpdate(speaker, now, name, frame));
          }
        }
        case "nowPlayingUpdated" -> {
          if (updates.nowPlayingUpdated() != null
              && updates.nowPlayingUpdated().nowPlaying() != null) {
            events.add(
                new SpeakerEvent.NowPlayingChanged(
                    speaker, now, updates.nowPlayingUpdated().nowPlaying()));
          } else {
            events.add(new SpeakerEvent.OtherUpdate(speaker, now, name, frame));
          }
        }
        case "presetsUpdated" -> {
          List<Preset> presets =
              updates.presetsUpdated() == null || updates.presetsUpdated().presets() == null
                  ? List.of()
                  : updates.presetsUpdated().presets().presets();
          events.add(new SpeakerEvent.PresetsChanged(speaker, now, presets));
        }
        case "zoneUpdated" -> events.add(zoneChanged(speaker, now, zone));
        default -> events.add(new SpeakerEvent.OtherUpdate(speaker, now, name, frame));
      }
    }
    return events;
  }

  private static SpeakerEvent zoneChanged(String speaker, Instant now, Supplier<Zone> zone) {
    try {
      return new SpeakerEvent.ZoneChanged(speaker, now, zone.get(), null);
    } catch (RuntimeException e) {
      return new SpeakerEvent.ZoneChanged(speaker, now, null, e.getMessage());
    }
  }

  /** The names of the root's child elements, in order. */
  private static List<String> children(String xml) throws IOException {
    List<String> names = new ArrayList<>();
    try {
      XMLStreamReader reader = STAX.createXMLStreamReader(new StringReader(xml));
      try {
        int depth = 0;
        while (reader.hasNext()) {
          int next = reader.next();
          if (next == XMLStreamConstants.START_ELEMENT) {
            depth++;
            if (depth == 2) {
              names.add(reader.getLocalName());
            }
          } else if (next == XMLStreamConstants.END_ELEMENT) {
            depth--;
          }
        }
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      throw new IOException(e.getMessage(), e);
    }
    return names;
  }

  private static String brief(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return flat.length() > 120 ? flat.substring(0, 120) + "..." : flat;
  }
}
