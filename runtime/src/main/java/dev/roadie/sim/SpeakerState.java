package dev.roadie.sim;

import static dev.roadie.speaker.Xml.escape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.roadie.speaker.ContentItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The state machine of one simulated SoundTouch: power (standby or playing a source), volume and
 * mute, bass, presets, sources, its zone. Each request is one synchronized call that answers with
 * the document shapes of the real firmware (see the fixtures) and pushes the WebSocket updates a
 * real device sends.
 */
final class SpeakerState {
  static final List<String> KEYS =
      List.of(
          "PLAY",
          "PAUSE",
          "STOP",
          "PREV_TRACK",
          "NEXT_TRACK",
          "THUMBS_UP",
          "THUMBS_DOWN",
          "BOOKMARK",
          "POWER",
          "MUTE",
          "VOLUME_UP",
          "VOLUME_DOWN",
          "PRESET_1",
          "PRESET_2",
          "PRESET_3",
          "PRESET_4",
          "PRESET_5",
          "PRESET_6",
          "AUX_INPUT",
          "SHUFFLE_OFF",
          "SHUFFLE_ON",
          "REPEAT_OFF",
          "REPEAT_ONE",
          "REPEAT_ALL",
          "PLAY_PAUSE",
          "ADD_FAVORITE",
          "REMOVE_FAVORITE",
          "INVALID_KEY");

  private static final XmlMapper READER = new XmlMapper();
  private static final int BASS_MIN = -9;
  private static final int BASS_MAX = 0;

  /** One entry of /sources. */
  record Source(String source, String account, boolean ready, boolean local, String display) {}

  record Member(String ipAddress, String deviceId) {}

  private final String deviceId;
  private final String ipAddress;
  private final String type;
  private final String variant;
  private final ZoneDirectory zones;
  private volatile Consumer<String> updates = update -> {};

  private String name;
  private boolean standby = true;
  private ContentItem playing;
  private ContentItem lastPlayed;
  private String playStatus = "PLAY_STATE";
  private String shuffle = "SHUFFLE_OFF";
  private String repeat = "REPEAT_OFF";
  private int volume = 20;
  private boolean muted;
  private int bass;
  private final Map<Integer, StoredPreset> presets = new TreeMap<>();
  private final List<Source> sources = new ArrayList<>();
  private String powerPressed;
  private long presetClock = 1_700_000_000L;

  /** This device's zone when it is a master: the members, itself first. */
  private final List<Member> zoneMembers = new ArrayList<>();

  /** The master's ID and address when this device is a slave. */
  private String slaveOf;

  private String slaveOfIp;

  private record StoredPreset(int id, long createdOn, long updatedOn, ContentItem item) {}

  /** How a master reaches the other simulated devices of its zone. */
  interface ZoneDirectory {
    SpeakerState find(String deviceId);
  }

  SpeakerState(
      String deviceId,
      String ipAddress,
      String name,
      String type,
      String variant,
      ZoneDirectory zones) {
    this.deviceId = deviceId;
    this.ipAddress = ipAddress;
    this.name = name;
    this.type = type;
    this.variant = variant;
    this.zones = zones;
    sources.add(new Source("AUX", "AUX", true, true, "AUX IN"));
    sources.add(new Source("BLUETOOTH", "", true, true, null));
    sources.add(new Source("SPOTIFY", "roadie_spotify", true, false, "roadie_spotify"));
    sources.add(new Source("TUNEIN", "", true, false, null));
    sources.add(new Source("LOCAL_INTERNET_RADIO", "", true, false, null));
    sources.add(new Source("AMAZON", "", false, false, null));
    sources.add(
        new Source("AIRPLAY", "AirPlay2DefaultUserName", true, true, "AirPlay2DefaultUserName"));
    for (int id = 1; id <= 6; id++) {
      ContentItem item =
          new ContentItem(
              "TUNEIN",
              "stationurl",
              "/v1/playback/station/s" + (24860 + id),
              "",
              true,
              "Station " + id,
              "http://cdn-profiles.tunein.com/s" + (24860 + id) + "/images/logog.png");
      presets.put(id, new StoredPreset(id, presetClock, presetClock, item));
    }
    lastPlayed = ContentItem.of("AUX", "AUX");
  }

  String deviceId() {
    return deviceId;
  }

  void onUpdate(Consumer<String> sink) {
    this.updates = sink == null ? update -> {} : sink;
  }

  synchronized String name() {
    return name;
  }

  synchronized boolean standby() {
    return standby;
  }

  synchronized int volume() {
    return volume;
  }

  synchronized void standby(boolean value) {
    if (value != standby) {
      standby = value;
      if (!value && playing == null) {
        playing = lastPlayed;
      }
      push(nowPlayingUpdated());
    }
  }

  /** Answers one request. {@code body} is null for a GET. */
  synchronized Reply handle(String method, String path, String body) {
    boolean post = "POST".equals(method);
    return switch (path) {
      case "/info" -> Reply.xml(info());
      case "/now_playing", "/nowPlaying" -> Reply.xml(nowPlaying());
      case "/volume" -> post ? setVolume(body) : Reply.xml(volumeDocument());
      case "/bass" -> post ? setBass(body) : Reply.xml(bassDocument());
      case "/bassCapabilities" ->
          Reply.xml(
              "<bassCapabilities deviceID=\""
                  + deviceId
                  + "\"><bassAvailable>true</bassAvailable>"
                  + "<bassMin>"
                  + BASS_MIN
                  + "</bassMin><bassMax>"
                  + BASS_MAX
                  + "</bassMax>"
                  + "<bassDefault>0</bassDefault></bassCapabilities>");
      case "/presets" -> Reply.xml(presetsDocument());
      case "/storePreset" -> post ? storePreset(body) : clientXmlError();
      case "/removePreset" -> post ? removePreset(body) : clientXmlError();
      case "/sources" -> Reply.xml(sourcesDocument());
      case "/capabilities" -> Reply.xml(capabilities());
      case "/getZone" -> Reply.xml(zoneDocument());
      case "/setZone" -> post ? setZone(body) : clientXmlError();
      case "/addZoneSlave" -> post ? addZoneSlaves(body) : clientXmlError();
      case "/removeZoneSlave" -> post ? removeZoneSlaves(body) : clientXmlError();
      case "/key" -> post ? key(body) : clientXmlError();
      case "/select" -> post ? select(body) : clientXmlError();
      case "/name" -> post ? setName(body) : Reply.xml("<name>" + escape(name) + "</name>");
      case "/supportedURLs" -> Reply.xml(supportedUrls());
      case "/playNotification" -> Reply.status("/playNotification");
      case "/standby" -> {
        standby(true);
        yield Reply.status("/standby");
      }
      case "/recents" -> Reply.xml("<recents />");
      case "/getGroup" -> Reply.xml("<group />");
      default -> Reply.notFound(path);
    };
  }

  private static final Set<String> PATHS =
      Set.of(
          "/info",
          "/now_playing",
          "/nowPlaying",
          "/volume",
          "/bass",
          "/bassCapabilities",
          "/presets",
          "/storePreset",
          "/removePreset",
          "/sources",
          "/capabilities",
          "/getZone",
          "/setZone",
          "/addZoneSlave",
          "/removeZoneSlave",
          "/key",
          "/select",
          "/name",
          "/supportedURLs",
          "/playNotification",
          "/standby",
          "/recents",
          "/getGroup",
          "/trackInfo");

  static boolean known(String path) {
    return PATHS.contains(path);
  }

  // ---- documents

  String info() {
    return "<info deviceID=\""
        + deviceId
        + "\"><name>"
        + escape(name)
        + "</name><type>"
        + escape(type)
        + "</type><margeAccountUUID></margeAccountUUID><components><component>"
        + "<componentCategory>SCM</componentCategory><softwareVersion>27.0.6.46330.5043500"
        + " epdbuild.trunk.hepdswbld04.2022-08-04T11:20:29</softwareVersion><serialNumber>"
        + "I6332527703739"
        + deviceId.substring(4)
        + "</serialNumber></component><component>"
        + "<componentCategory>PackagedProduct</componentCategory><softwareVersion>27.0.6.46330"
        + ".5043500 epdbuild.trunk.hepdswbld04.2022-08-04T11:20:29</softwareVersion>"
        + "<serialNumber>069231P6"
        + deviceId.substring(3)
        + "AE</serialNumber></component>"
        + "</components><margeURL>https://streaming.bose.com</margeURL><networkInfo type=\"SCM\">"
        + "<macAddress>"
        + deviceId
        + "</macAddress><ipAddress>"
        + ipAddress
        + "</ipAddress>"
        + "</networkInfo><networkInfo type=\"SMSC\"><macAddress>"
        + smsc()
        + "</macAddress>"
        + "<ipAddress>"
        + ipAddress
        + "</ipAddress></networkInfo><moduleType>sm2</moduleType>"
        + "<variant>"
        + variant
        + "</variant><variantMode>normal</variantMode>"
        + "<countryCode>GB</countryCode><regionCode>GB</regionCode></info>";
  }

  private String smsc() {
    return deviceId.substring(0, 6) + new StringBuilder(deviceId.substring(6)).reverse();
  }

  String nowPlaying() {
    String header = "<nowPlaying deviceID=\"" + deviceId + "\" source=\"";
    if (standby || playing == null) {
      return header
          + "STANDBY\"><ContentItem source=\"STANDBY\" isPresetable=\"false\" /></nowPlaying>";
    }
    ContentItem item = playing;
    String account = item.sourceAccount() == null ? "" : item.sourceAccount();
    StringBuilder xml =
        new StringBuilder(header)
            .append(escape(item.source()))
            .append("\" sourceAccount=\"")
            .append(escape(account))
            .append("\">")
            .append(itemXml(item));
    switch (item.source()) {
      case "AUX" -> xml.append("<playStatus>").append(playStatus).append("</playStatus>");
      case "BLUETOOTH" ->
          xml.append("<track>Unknown</track><artist></artist><album></album>")
              .append("<art artImageStatus=\"SHOW_DEFAULT_IMAGE\" />")
              .append("<playStatus>")
              .append(playStatus)
              .append("</playStatus>")
              .append("<genre></genre>")
              .append("<connectionStatusInfo status=\"CONNECTED\" deviceName=\"roadie phone\" />");
      case "TUNEIN", "LOCAL_INTERNET_RADIO" ->
          xml.append("<track>")
              .append(escape(nameOf(item)))
              .append("</track>")
              .append("<artist>On air</artist><album></album><stationName>")
              .append(escape(nameOf(item)))
              .append("</stationName>")
              .append("<art artImageStatus=\"SHOW_DEFAULT_IMAGE\" />")
              .append("<favoriteEnabled /><playStatus>")
              .append(playStatus)
              .append("</playStatus>")
              .append("<streamType>RADIO_STREAMING</streamType>");
      default ->
          xml.append("<track>Track 1</track><artist>roadie</artist><album>")
              .append(escape(nameOf(item)))
              .append("</album><art artImageStatus=\"SHOW_DEFAULT_IMAGE\" />")
              .append("<time total=\"210\">36</time><skipEnabled /><favoriteEnabled />")
              .append("<playStatus>")
              .append(playStatus)
              .append("</playStatus>")
              .append("<shuffleSetting>")
              .append(shuffle)
              .append("</shuffleSetting>")
              .append("<repeatSetting>")
              .append(repeat)
              .append("</repeatSetting>")
              .append("<skipPreviousEnabled /><streamType>TRACK_ONDEMAND</streamType>")
              .append("<trackID>")
              .append(escape(item.source().toLowerCase(java.util.Locale.ROOT)))
              .append(":track:1</trackID>");
    }
    return xml.append("</nowPlaying>").toString();
  }

  private static String nameOf(ContentItem item) {
    return item.itemName() == null ? item.source() : item.itemName();
  }

  private static String itemXml(ContentItem item) {
    ContentItem shown =
        new ContentItem(
            item.source(),
            item.type(),
            item.location() == null && "BLUETOOTH".equals(item.source()) ? "" : item.location(),
            item.sourceAccount() == null ? "" : item.sourceAccount(),
            item.isPresetable() == null
                ? !Set.of("BLUETOOTH", "AUX", "AIRPLAY").contains(item.source())
                : item.isPresetable(),
            item.itemName() == null && "AUX".equals(item.source()) ? "AUX IN" : item.itemName(),
            item.containerArt());
    return shown.toXml();
  }

  String volumeDocument() {
    return volumeBody("<volume deviceID=\"" + deviceId + "\">");
  }

  /** The captured push carries the volume without the deviceID its GET answer has. */
  private String volumeBody(String start) {
    return start
        + "<targetvolume>"
        + volume
        + "</targetvolume>"
        + "<actualvolume>"
        + volume
        + "</actualvolume><muteenabled>"
        + muted
        + "</muteenabled></volume>";
  }

  private String bassDocument() {
    return "<bass deviceID=\""
        + deviceId
        + "\"><targetbass>"
        + bass
        + "</targetbass><actualbass>"
        + bass
        + "</actualbass></bass>";
  }

  String presetsDocument() {
    StringBuilder xml = new StringBuilder("<presets>");
    for (StoredPreset preset : presets.values()) {
      xml.append("<preset id=\"")
          .append(preset.id())
          .append("\" createdOn=\"")
          .append(preset.createdOn())
          .append("\" updatedOn=\"")
          .append(preset.updatedOn())
          .append("\">")
          .append(itemXml(preset.item()))
          .append("</preset>");
    }
    return xml.append("</presets>").toString();
  }

  private String sourcesDocument() {
    StringBuilder xml = new StringBuilder("<sources deviceID=\"" + deviceId + "\">");
    for (Source source : sources) {
      xml.append("<sourceItem source=\"").append(source.source()).append('"');
      if (!source.account().isEmpty()) {
        xml.append(" sourceAccount=\"").append(escape(source.account())).append('"');
      }
      xml.append(" status=\"")
          .append(source.ready() ? "READY" : "UNAVAILABLE")
          .append("\" isLocal=\"")
          .append(source.local())
          .append("\" multiroomallowed=\"")
          .append(!"AIRPLAY".equals(source.source()))
          .append('"');
      if (source.display() == null) {
        xml.append(" />");
      } else {
        xml.append('>').append(escape(source.display())).append("</sourceItem>");
      }
    }
    return xml.append("</sources>").toString();
  }

  private String capabilities() {
    return "<capabilities deviceID=\""
        + deviceId
        + "\"><networkConfig><dualMode>true</dualMode>"
        + "<wsapiproxy>true</wsapiproxy><allInterfacesSupported /><wlanInterfaces /><security />"
        + "</networkConfig><dspCapabilities><dspMonoStereo available=\"false\" /></dspCapabilities>"
        + "<lightswitch>false</lightswitch><clockDisplay>false</clockDisplay>"
        + "<capability name=\"systemtimeout\" url=\"/systemtimeout\" info=\"\" />"
        + "<capability name=\"rebroadcastlatencymode\" url=\"/rebroadcastlatencymode\" info=\"\" />"
        + "<lrStereoCapable>true</lrStereoCapable><bcoresetCapable>false</bcoresetCapable>"
        + "<disablePowerSaving>true</disablePowerSaving></capabilities>";
  }

  synchronized String zoneDocument() {
    if (!zoneMembers.isEmpty()) {
      StringBuilder xml = new StringBuilder("<zone master=\"" + deviceId + "\">");
      for (Member member : zoneMembers) {
        xml.append("<member ipaddress=\"")
            .append(escape(member.ipAddress()))
            .append("\">")
            .append(escape(member.deviceId()))
            .append("</member>");
      }
      return xml.append("</zone>").toString();
    }
    if (slaveOf != null) {
      return "<zone master=\""
          + slaveOf
          + "\" senderIPAddress=\""
          + escape(slaveOfIp)
          + "\" senderIsMaster=\"true\"><member ipaddress=\""
          + ipAddress
          + "\">"
          + deviceId
          + "</member></zone>";
    }
    return "<zone />";
  }

  private String supportedUrls() {
    StringBuilder xml = new StringBuilder("<supportedURLs deviceID=\"" + deviceId + "\">");
    new java.util.TreeSet<>(PATHS)
        .forEach(p -> xml.append("<URL location=\"").append(p).append("\" />"));
    return xml.append("</supportedURLs>").toString();
  }

  // ---- writes

  private Reply clientXmlError() {
    return Reply.error(400, deviceId, 1019, "CLIENT_XML_ERROR");
  }

  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return READER.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private Reply setVolume(String body) {
    JsonNode node = parse(body);
    if (node == null) {
      return Reply.parseError("XML parse error (1:1): Error reading the volume.");
    }
    JsonNode muteNode = node.isObject() ? node.get("muteenabled") : null;
    if (muteNode != null) {
      muted = "true".equals(muteNode.asText().strip());
    }
    Integer level = Xml_integer(node.isValueNode() ? node.asText() : text(node));
    if (level == null && muteNode == null) {
      return clientXmlError();
    }
    if (level != null) {
      int clamped = Math.max(0, Math.min(100, level));
      if (clamped > volume) {
        muted = false;
      }
      volume = clamped;
    }
    push(volumeUpdated());
    return Reply.status("/volume");
  }

  private static String text(JsonNode node) {
    JsonNode text = node.get("");
    return text == null ? null : text.asText();
  }

  private static Integer Xml_integer(String text) {
    if (text == null) return null;
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private Reply setBass(String body) {
    JsonNode node = parse(body);
    Integer level =
        node == null ? null : Xml_integer(node.isValueNode() ? node.asText() : text(node));
    if (level == null) {
      return clientXmlError();
    }
    bass = Math.max(BASS_MIN, Math.min(BASS_MAX, level));
    push("<bassUpdated />");
    return Reply.status("/bass");
  }

  private Reply setName(String body) {
    JsonNode node = parse(body);
    String value = node == null ? null : node.isValueNode() ? node.asText() : text(node);
    if (value == null || value.isBlank()) {
      return clientXmlError();
    }
    name = value.strip();
    push("<infoUpdated />");
    push("<nameUpdated />");
    return Reply.xml(info());
  }

  private Reply storePreset(String body) {
    ContentItem item;
    int id;
    try {
      JsonNode node = READER.readTree(body);
      id = Integer.parseInt(node.get("id").asText());
      item = READER.treeToValue(node.get("ContentItem"), ContentItem.class);
    } catch (IOException | RuntimeException e) {
      return clientXmlError();
    }
    if (id < 1 || id > 6 || item == null || item.source() == null) {
      return clientXmlError();
    }
    // Storing an item that is in another slot empties that slot (thlucas1).
    presets.values().removeIf(p -> p.id() != id && sameItem(p.item(), item));
    long now = ++presetClock;
    StoredPreset old = presets.get(id);
    presets.put(id, new StoredPreset(id, old == null ? now : old.createdOn(), now, item));
    push("<presetsUpdated>" + presetsDocument() + "</presetsUpdated>");
    return Reply.xml(presetsDocument());
  }

  private static boolean sameItem(ContentItem a, ContentItem b) {
    return java.util.Objects.equals(a.source(), b.source())
        && java.util.Objects.equals(a.location(), b.location())
        && java.util.Objects.equals(a.sourceAccount(), b.sourceAccount());
  }

  private Reply removePreset(String body) {
    JsonNode node = parse(body);
    Integer id =
        node == null || node.get("id") == null ? null : Xml_integer(node.get("id").asText());
    if (id == null) {
      return clientXmlError();
    }
    presets.remove(id);
    push("<presetsUpdated>" + presetsDocument() + "</presetsUpdated>");
    return Reply.xml(presetsDocument());
  }

  private Reply key(String body) {
    JsonNode node = parse(body);
    if (node == null || !node.isObject()) {
      return Reply.parseError("XML parse error (1:1): Error reading Attributes.");
    }
    String key = text(node);
    String state = node.get("state") == null ? null : node.get("state").asText();
    String sender = node.get("sender") == null ? null : node.get("sender").asText();
    key = key == null ? null : key.strip();
    if (key == null
        || !KEYS.contains(key)
        || !"Gabbo".equals(sender)
        || !("press".equals(state) || "release".equals(state))) {
      return clientXmlError();
    }
    push("<userActivityUpdate deviceID=\"" + deviceId + "\" />", true);
    if ("press".equals(state)) {
      onPress(key);
    } else {
      onRelease(key);
    }
    return Reply.status("/key");
  }

  private void onPress(String key) {
    switch (key) {
      case "POWER", "STOP", "AUX_INPUT" -> powerPressed = key;
      case "MUTE" -> {
        muted = !muted;
        push(volumeUpdated());
      }
      case "VOLUME_UP", "VOLUME_DOWN" -> {
        volume = Math.max(0, Math.min(100, volume + ("VOLUME_UP".equals(key) ? 2 : -2)));
        muted = false;
        push(volumeUpdated());
      }
      case "PLAY" -> playState("PLAY_STATE");
      case "PAUSE" -> playState("PAUSE_STATE");
      case "PLAY_PAUSE" ->
          playState("PLAY_STATE".equals(playStatus) ? "PAUSE_STATE" : "PLAY_STATE");
      case "SHUFFLE_ON", "SHUFFLE_OFF" -> {
        shuffle = key;
        push(nowPlayingUpdated());
      }
      case "REPEAT_OFF", "REPEAT_ONE", "REPEAT_ALL" -> {
        repeat = key;
        push(nowPlayingUpdated());
      }
      case "NEXT_TRACK", "PREV_TRACK" -> {
        if (!standby) push(nowPlayingUpdated());
      }
      default -> {
        // THUMBS_*, BOOKMARK, favourites, INVALID_KEY: accepted, no state of ours changes.
      }
    }
  }

  private void onRelease(String key) {
    if (key.startsWith("PRESET_")) {
      StoredPreset preset = presets.get(Integer.parseInt(key.substring(7)));
      if (preset != null && sourceReady(preset.item())) {
        play(preset.item());
      }
      return;
    }
    if (!key.equals(powerPressed)) {
      return; // a release without its press does nothing for the press-and-release keys
    }
    powerPressed = null;
    switch (key) {
      case "POWER" -> {
        if (standby) {
          standby = false;
          playing = lastPlayed;
          playStatus = "PLAY_STATE";
        } else {
          standby = true;
          dissolveAsSlave();
        }
        push(nowPlayingUpdated());
      }
      case "STOP" -> playState("STOP_STATE");
      case "AUX_INPUT" -> play(ContentItem.of("AUX", "AUX"));
      default -> {}
    }
  }

  private void playState(String state) {
    if (!standby) {
      playStatus = state;
      push(nowPlayingUpdated());
    }
  }

  private Reply select(String body) {
    ContentItem item;
    try {
      item = READER.readValue(body, ContentItem.class);
    } catch (IOException | RuntimeException e) {
      return Reply.parseError("XML parse error (1:1): Error reading Attributes.");
    }
    if (item == null || item.source() == null) {
      return clientXmlError();
    }
    if (!sourceReady(item) || ("AUX".equals(item.source()) && isBlank(item.sourceAccount()))) {
      return Reply.error(500, deviceId, 1005, "UNKNOWN_SOURCE_ERROR");
    }
    play(item);
    return Reply.status("/select");
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  private boolean sourceReady(ContentItem item) {
    return sources.stream()
        .anyMatch(
            s ->
                s.ready()
                    && s.source().equals(item.source())
                    && (!"AUX".equals(s.source())
                        || isBlank(item.sourceAccount())
                        || s.account().equals(item.sourceAccount())));
  }

  private void play(ContentItem item) {
    standby = false;
    playing = item;
    lastPlayed = item;
    playStatus = "BUFFERING_STATE";
    push(
        "<nowPlayingUpdated><nowPlaying deviceID=\""
            + deviceId
            + "\" source=\""
            + escape(item.source())
            + "\" sourceAccount=\""
            + escape(item.sourceAccount() == null ? "" : item.sourceAccount())
            + "\"><art artImageStatus=\"SHOW_DEFAULT_IMAGE\" /><playStatus>BUFFERING_STATE"
            + "</playStatus></nowPlaying></nowPlayingUpdated>");
    playStatus = "PLAY_STATE";
    push(nowPlayingUpdated());
    push(
        "<nowSelectionUpdated><preset id=\"0\">"
            + itemXml(item)
            + "</preset></nowSelectionUpdated>");
  }

  // ---- zones

  private List<Member> members(String body, StringBuilder master) {
    try {
      JsonNode node = READER.readTree(body);
      if (node.get("master") != null) {
        master.append(node.get("master").asText());
      }
      JsonNode member = node.get("member");
      List<Member> members = new ArrayList<>();
      if (member != null) {
        for (JsonNode one : member.isArray() ? member : List.of(member)) {
          String ip = one.get("ipaddress") == null ? "" : one.get("ipaddress").asText();
          String id = one.isValueNode() ? one.asText() : text(one);
          if (id == null || id.isBlank()) {
            return null;
          }
          members.add(new Member(ip, id.strip()));
        }
      }
      return members;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** {@code /setZone}: additive, as on real firmware; members absent from the list stay. */
  private Reply setZone(String body) {
    StringBuilder master = new StringBuilder();
    List<Member> members = members(body, master);
    if (members == null || !deviceId.equals(master.toString())) {
      return clientXmlError();
    }
    if (zoneMembers.isEmpty()) {
      zoneMembers.add(new Member(ipAddress, deviceId));
    }
    return join(members, "/setZone");
  }

  private Reply addZoneSlaves(String body) {
    StringBuilder master = new StringBuilder();
    List<Member> members = members(body, master);
    if (members == null || !deviceId.equals(master.toString())) {
      return clientXmlError();
    }
    if (zoneMembers.isEmpty()) {
      // Removing the last slave dissolved the zone; adding to it takes a new /setZone.
      return Reply.error(500, deviceId, 1029, "UNKNOWN_ACTION_ERROR");
    }
    return join(members, "/addZoneSlave");
  }

  private Reply join(List<Member> members, String endpoint) {
    for (Member member : members) {
      if (member.deviceId().equals(deviceId)) {
        continue;
      }
      SpeakerState slave = zones.find(member.deviceId());
      if (slave == null) {
        return Reply.error(500, deviceId, 7, "DEVICE_NOT_FOUND_ERROR");
      }
    }
    standby = false;
    if (playing == null) playing = lastPlayed;
    for (Member member : members) {
      if (member.deviceId().equals(deviceId)
          || zoneMembers.stream().anyMatch(m -> m.deviceId().equals(member.deviceId()))) {
        continue;
      }
      zoneMembers.add(member);
      zones.find(member.deviceId()).joined(deviceId, ipAddress, playing);
    }
    push("<zoneUpdated />");
    return Reply.status(endpoint);
  }

  private Reply removeZoneSlaves(String body) {
    StringBuilder master = new StringBuilder();
    List<Member> members = members(body, master);
    if (members == null || !deviceId.equals(master.toString())) {
      return clientXmlError();
    }
    for (Member member : members) {
      if (zoneMembers.removeIf(
          m -> m.deviceId().equals(member.deviceId()) && !m.deviceId().equals(deviceId))) {
        SpeakerState slave = zones.find(member.deviceId());
        if (slave != null) {
          slave.left(deviceId);
        }
      }
    }
    if (zoneMembers.size() <= 1) {
      zoneMembers.clear(); // the last slave gone: the zone is dissolved
    }
    push("<zoneUpdated />");
    return Reply.status("/removeZoneSlave");
  }

  private synchronized void joined(String master, String masterIp, ContentItem item) {
    slaveOf = master;
    slaveOfIp = masterIp;
    standby = false;
    playing = item;
    push("<zoneUpdated />");
    push(volumeUpdated());
    push(nowPlayingUpdated());
  }

  private synchronized void left(String master) {
    if (master.equals(slaveOf)) {
      slaveOf = null;
      slaveOfIp = null;
      push("<zoneUpdated />");
      push(nowPlayingUpdated());
    }
  }

  private void dissolveAsSlave() {
    // A slave going to standby leaves its zone; the master forgets it on its next change.
    slaveOf = null;
    slaveOfIp = null;
  }

  // ---- updates

  private String volumeUpdated() {
    return "<volumeUpdated>" + volumeBody("<volume>") + "</volumeUpdated>";
  }

  private String nowPlayingUpdated() {
    return "<nowPlayingUpdated>" + nowPlaying() + "</nowPlayingUpdated>";
  }

  private void push(String update) {
    push(update, false);
  }

  private void push(String update, boolean ownRoot) {
    updates.accept(
        ownRoot ? update : "<updates deviceID=\"" + deviceId + "\">" + update + "</updates>");
  }

  /** For tests and the CLI: the slots in use. */
  synchronized Map<Integer, String> presetNames() {
    Map<Integer, String> names = new LinkedHashMap<>();
    presets.forEach((id, p) -> names.put(id, p.item().itemName()));
    return names;
  }

  synchronized void source(String source, boolean ready) {
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i).source().equals(source)) {
        Source s = sources.get(i);
        sources.set(i, new Source(s.source(), s.account(), ready, s.local(), s.display()));
      }
    }
    push("<sourcesUpdated />");
  }
}
