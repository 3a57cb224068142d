package dev.roadie.speaker;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads any SoundTouch document by its root element: the endpoints roadie uses into their types,
 * error bodies into {@link DeviceError}s, and the rest, which roadie does not use, into an {@link
 * XmlDocument}.
 */
public final class Documents {
  /** Root element to type, for everything roadie reads or sends. */
  public static final Map<String, Class<?>> TYPED =
      Map.ofEntries(
          Map.entry("info", Info.class),
          Map.entry("nowPlaying", NowPlaying.class),
          Map.entry("volume", Volume.class),
          Map.entry("bass", Bass.class),
          Map.entry("bassCapabilities", BassCapabilities.class),
          Map.entry("presets", Presets.class),
          Map.entry("preset", Preset.class),
          Map.entry("ContentItem", ContentItem.class),
          Map.entry("sources", Sources.class),
          Map.entry("capabilities", Capabilities.class),
          Map.entry("zone", Zone.class),
          Map.entry("group", Group.class),
          Map.entry("status", Status.class),
          Map.entry("updates", Updates.class),
          Map.entry("nowPlayingUpdated", Updates.NowPlayingUpdated.class));

  /**
   * Roots of endpoints outside roadie's scope (the reference's section 4.2 "out of scope except as
   * unknown endpoint"): read as a tree, not typed. Listed, so that a new fixture with a root in
   * neither list fails the fixture test instead of being skipped.
   */
  public static final Set<String> UNTYPED =
      Set.of(
          "DSPMonoStereo",
          "audiodspcontrols",
          "clockDisplay",
          "clockTime",
          "spotifyAccountIntrospectResponse",
          "sysLanguage",
          "ListMediaServersResponse",
          "network-data",
          "networkInfo",
          "powerManagementResponse",
          "SoundTouchConfigurationStatus",
          "play_info");

  private Documents() {}

  /**
   * The document as its type: a record from {@link #TYPED}, a {@code List<DeviceError>} for an
   * error body, or an {@link XmlDocument}.
   *
   * @throws IOException when the text is not XML, or its root is unknown
   */
  public static Object parse(String xml) throws IOException {
    String root = Xml.rootName(xml);
    if (root == null || !Xml.wellFormed(xml)) {
      throw new IOException("not a well-formed XML document");
    }
    if (DeviceError.ROOTS.contains(root)) {
      List<DeviceError> errors = DeviceError.parse(xml);
      return errors;
    }
    Class<?> type = TYPED.get(root);
    if (type != null) {
      return Xml.read(xml, type);
    }
    if (UNTYPED.contains(root)) {
      return new XmlDocument(root, Xml.MAPPER.readTree(xml));
    }
    throw new IOException("unknown document root <" + root + ">");
  }
}
