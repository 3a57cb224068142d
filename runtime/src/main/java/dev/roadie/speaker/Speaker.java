package dev.roadie.speaker;

import dev.roadie.config.Suggestions;
import dev.roadie.run.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One SoundTouch, as a playbook sees it: {@code speakers['kitchen']} or {@code
 * speakers.at('10.0.0.5')}. Reads go to the device (some through short caches); every change goes
 * through {@link RunContext#mutate}, so a dry run plans it instead. Values are checked before
 * anything is sent.
 */
public final class Speaker {
  private final Device device;
  private final SpeakerClient client;
  private final RunContext run;
  private final Subscriptions subscriptions;

  Speaker(Device device, SpeakerClient client, RunContext run, Subscriptions subscriptions) {
    this.device = device;
    this.client = client;
    this.run = run;
    this.subscriptions = subscriptions;
  }

  public Device device() {
    return device;
  }

  /**
   * The configured name; for an address from {@code speakers.hosts}, the name the device reports
   * (read once an hour), or its address when it does not answer.
   */
  public String getName() {
    if (device.name() != null) {
      return device.name();
    }
    Info known = client.peek(device, "info");
    if (known != null) {
      return known.name();
    }
    try {
      return info().name();
    } catch (SpeakerException e) {
      return device.address();
    }
  }

  /** How messages and results name this device, without asking it. */
  String label() {
    if (device.name() != null) {
      return device.name();
    }
    Info known = client.peek(device, "info");
    return known == null ? device.address() : known.name() + " (" + device.address() + ")";
  }

  public String getAddress() {
    return device.address();
  }

  public String getRoom() {
    return device.room();
  }

  public List<String> getTags() {
    return device.tags();
  }

  @Override
  public String toString() {
    return label();
  }

  // ---- reads

  public Info info() {
    return client.cached(device, "info", SpeakerClient.INFO_TTL, () -> get("/info", Info.class));
  }

  public NowPlaying nowPlaying() {
    return get("/now_playing", NowPlaying.class);
  }

  /** True unless the device is in standby. */
  public boolean isOn() {
    return !nowPlaying().standby();
  }

  /** The volume the device plays at, 0..100 (cached for 5s). */
  public int volume() {
    return volumeStatus().actual();
  }

  /** Target, actual and mute, as {@code /volume} says (cached for 5s). */
  public Volume volumeStatus() {
    Volume volume =
        client.cached(
            device, "volume", SpeakerClient.VOLUME_TTL, () -> get("/volume", Volume.class));
    SpeakerMetrics.VOLUME.labelValues(label()).set(volume.actual());
    return volume;
  }

  public boolean isMuted() {
    return volumeStatus().muted();
  }

  public int bass() {
    return get("/bass", Bass.class).actual();
  }

  /** The bass range; read once a day, it never changes. */
  public BassCapabilities bassCapabilities() {
    return client.cached(
        device,
        "bassCapabilities",
        SpeakerClient.CAPABILITIES_TTL,
        () -> get("/bassCapabilities", BassCapabilities.class));
  }

  public List<Preset> presets() {
    return get("/presets", Presets.class).presets();
  }

  public Sources sources() {
    return get("/sources", Sources.class);
  }

  /** Optional features; read once a day. */
  public Capabilities capabilities() {
    return client.cached(
        device,
        "capabilities",
        SpeakerClient.CAPABILITIES_TTL,
        () -> get("/capabilities", Capabilities.class));
  }

  public Zone zone() {
    return get("/getZone", Zone.class);
  }

  // ---- changes

  /** Sets the volume, 0..100. */
  public void volume(int level) {
    check("volume", level, SoundTouch.VOLUME_MIN, SoundTouch.VOLUME_MAX);
    mutate(
        "set volume to " + level,
        () -> {
          post("/volume", "<volume>" + level + "</volume>");
          client.invalidate(device, "volume");
          SpeakerMetrics.VOLUME.labelValues(label()).set(level);
          return null;
        });
  }

  /** Groovy's {@code speaker.volume = 30}. */
  public void setVolume(int level) {
    volume(level);
  }

  /** Mutes, if not muted already (MUTE is a toggle: read, then press). */
  public void mute() {
    setMuted(true);
  }

  public void unmute() {
    setMuted(false);
  }

  private void setMuted(boolean wanted) {
    client.invalidate(device, "volume");
    if (volumeStatus().muted() == wanted) {
      return;
    }
    mutate(
        wanted ? "mute" : "unmute",
        () -> {
          pressAndRelease("MUTE");
          client.invalidate(device, "volume");
          return null;
        });
  }

  /** Sets the bass within the device's range ({@code /bassCapabilities}, -9..0 on ST10/ST20). */
  public void bass(int level) {
    BassCapabilities range = bassCapabilities();
    if (!range.available() || range.min() == null || range.max() == null) {
      throw new InvalidValueException(label(), "bass", level, "this device has no bass control");
    }
    check("bass", level, range.min(), range.max());
    mutate(
        "set bass to " + level,
        () -> {
          post("/bass", "<bass>" + level + "</bass>");
          return null;
        });
  }

  public void setBass(int level) {
    bass(level);
  }

  /** Presses and releases a key, as the remote does. Key names as in the API: {@code PLAY}. */
  public void press(String key) {
    checkKey(key);
    mutate(
        "press " + key,
        () -> {
          pressAndRelease(key);
          if (key.startsWith("VOLUME") || key.equals("MUTE")) {
            client.invalidate(device, "volume");
          }
          return null;
        });
  }

  private void pressAndRelease(String key) {
    post("/key", "<key state=\"press\" sender=\"Gabbo\">" + key + "</key>");
    post("/key", "<key state=\"release\" sender=\"Gabbo\">" + key + "</key>");
  }

  /** Wakes the device if it is in standby (POWER is a toggle: read, then press). */
  public void powerOn() {
    if (!isOn()) {
      mutate(
          "power on",
          () -> {
            pressAndRelease("POWER");
            return null;
          });
    }
  }

  /** Puts the device in standby if it is on. */
  public void powerOff() {
    if (isOn()) {
      mutate(
          "power off (standby)",
          () -> {
            pressAndRelease("POWER");
            return null;
          });
    }
  }

  /** Plays preset 1..6 (the release of PRESET_n, as the remote sends it). */
  public void selectPreset(int id) {
    check("preset", id, SoundTouch.PRESET_MIN, SoundTouch.PRESET_MAX);
    mutate(
        "play preset " + id,
        () -> {
          pressAndRelease("PRESET_" + id);
          return null;
        });
  }

  /** Stores {@code item} in slot 1..6; returns the presets after. */
  public List<Preset> storePreset(int id, ContentItem item) {
    check("preset", id, SoundTouch.PRESET_MIN, SoundTouch.PRESET_MAX);
    if (item == null || item.source() == null) {
      throw new InvalidValueException(
          label(), "preset item", item, "give a ContentItem with a source");
    }
    long now = System.currentTimeMillis() / 1000;
    String body =
        "<preset id=\""
            + id
            + "\" createdOn=\""
            + now
            + "\" updatedOn=\""
            + now
            + "\">"
            + item.toXml()
            + "</preset>";
    Presets after =
        mutate(
            "store preset " + id + ": " + describe(item),
            () -> post("/storePreset", body, Presets.class));
    return after == null ? null : after.presets();
  }

  /** Stores what the device plays now in slot 1..6. */
  public List<Preset> storePreset(int id) {
    check("preset", id, SoundTouch.PRESET_MIN, SoundTouch.PRESET_MAX);
    NowPlaying now = nowPlaying();
    if (now.contentItem() == null || now.standby()) {
      throw new InvalidValueException(
          label(), "preset " + id, "(nothing playing)", "play something to store first");
    }
    return storePreset(id, now.contentItem());
  }

  /** Empties slot 1..6; returns the presets after. */
  public List<Preset> removePreset(int id) {
    check("preset", id, SoundTouch.PRESET_MIN, SoundTouch.PRESET_MAX);
    Presets after =
        mutate(
            "remove preset " + id,
            () -> post("/removePreset", "<preset id=\"" + id + "\"></preset>", Presets.class));
    return after == null ? null : after.presets();
  }

  /** Selects a source by name: {@code AUX}, {@code BLUETOOTH}... ({@code AUX} uses account AUX). */
  public void select(String source) {
    select(Map.of("source", source));
  }

  /**
   * Selects {@code source:} with optional {@code account:}, {@code location:}, {@code type:},
   * {@code name:}: {@code select(source: 'SPOTIFY', account: 'me', location: 'spotify:...')}.
   */
  public void select(Map<String, ?> item) {
    Object source = item.get("source");
    String name = source == null ? null : source.toString();
    String account = text(item.get("account"));
    if (account == null && "AUX".equals(name)) {
      account = "AUX";
    }
    select(
        new ContentItem(
            name,
            text(item.get("type")),
            text(item.get("location")),
            account,
            null,
            text(item.get("name")),
            null));
  }

  public void select(ContentItem item) {
    String source = item == null ? null : item.source();
    if (source == null || !SoundTouch.SOURCES.contains(source)) {
      throw new InvalidValueException(
          label(),
          "source",
          source,
          "known sources are "
              + String.join(", ", SoundTouch.SOURCES)
              + Suggestions.didYouMean(source == null ? "" : source, SoundTouch.SOURCES));
    }
    mutate(
        "select " + describe(item),
        () -> {
          post("/select", item.toXml());
          SpeakerMetrics.SOURCE_CHANGES.labelValues(source).inc();
          return null;
        });
  }

  /** Renames the device. */
  public void name(String newName) {
    if (newName == null || newName.isBlank() || newName.length() > 64) {
      throw new InvalidValueException(label(), "name", newName, "a name is 1 to 64 characters");
    }
    mutate(
        "rename to '" + newName + "'",
        () -> {
          Info info = post("/name", "<name>" + Xml.escape(newName) + "</name>", Info.class);
          client.remember(device, "info", SpeakerClient.INFO_TTL, info);
          return null;
        });
  }

  public void setName(String newName) {
    name(newName);
  }

  // ---- zones

  /**
   * Makes this device the master of a zone with {@code members} ({@code /setZone}, master first).
   * {@code /setZone} only adds: members already in the zone stay.
   */
  public void createZone(List<Speaker> members) {
    if (members == null || members.isEmpty()) {
      throw new InvalidValueException(
          label(), "zone members", "[]", "give at least one other speaker");
    }
    Info master = info();
    List<String> lines = new ArrayList<>();
    lines.add(member(this, master));
    for (Speaker member : members) {
      if (member.device.key().equals(device.key())) {
        continue;
      }
      lines.add(member(member, member.info()));
    }
    String body =
        "<zone master=\""
            + master.deviceId()
            + "\" senderIPAddress=\""
            + Xml.escape(ip(this, master))
            + "\">"
            + String.join("", lines)
            + "</zone>";
    mutate(
        "create zone with " + String.join(", ", members.stream().map(Speaker::label).toList()),
        () -> {
          post("/setZone", body);
          SpeakerMetrics.ZONE_CHANGES.labelValues("create").inc();
          return null;
        });
  }

  public void createZone(Speaker... members) {
    createZone(List.of(members));
  }

  /** Adds one member to this master's zone ({@code /addZoneSlave}). */
  public void addToZone(Speaker member) {
    zoneChange("/addZoneSlave", "add", member);
  }

  /** Removes one member ({@code /removeZoneSlave}); removing the last dissolves the zone. */
  public void removeFromZone(Speaker member) {
    zoneChange("/removeZoneSlave", "remove", member);
  }

  private void zoneChange(String endpoint, String action, Speaker member) {
    Info master = info();
    Info other = member.info();
    String body = "<zone master=\"" + master.deviceId() + "\">" + member(member, other) + "</zone>";
    mutate(
        action + " " + member.label() + (action.equals("add") ? " to" : " from") + " the zone",
        () -> {
          post(endpoint, body);
          SpeakerMetrics.ZONE_CHANGES.labelValues(action).inc();
          return null;
        });
  }

  private static String member(Speaker speaker, Info info) {
    return "<member ipaddress=\""
        + Xml.escape(ip(speaker, info))
        + "\">"
        + info.deviceId()
        + "</member>";
  }

  private static String ip(Speaker speaker, Info info) {
    String reported = info.ipAddress();
    return reported == null ? speaker.device.host() : reported;
  }

  // ---- notifications

  /**
   * {@code speakers['kitchen'].onUpdate { event -> ... }}: every push of the device's notification
   * WebSocket as a {@link SpeakerEvent} (volume, now playing, presets, zone, and the socket's own
   * connected / disconnected / reconnecting), reconnecting with backoff until the subscription is
   * closed or the run ends. Returns at once; the first event is {@code CONNECTED}, or {@code
   * DISCONNECTED} and {@code RECONNECTING} when the device cannot be reached.
   */
  public Subscription onUpdate(java.util.function.Consumer<SpeakerEvent> listener) {
    if (listener == null) {
      throw new InvalidValueException(
          label(), "listener", null, "give a closure: { event -> ... }");
    }
    UpdateSocket[] made = new UpdateSocket[1];
    made[0] =
        new UpdateSocket(
            this,
            client.updatesHttp(),
            client.timer(),
            client.backoff(),
            listener,
            () -> subscriptions.closed(made[0]));
    subscriptions.open(made[0], label());
    return made[0];
  }

  // ---- plumbing

  SpeakerClient client() {
    return client;
  }

  /** One GET /info, tried once, as health checks do; refreshes the info cache. */
  public Info ping() {
    Info info = client.getOnce(device, label(), "/info", Info.class);
    client.remember(device, "info", SpeakerClient.INFO_TTL, info);
    return info;
  }

  <T> T get(String endpoint, Class<T> type) {
    return client.get(device, label(), endpoint, type);
  }

  private void post(String endpoint, String body) {
    post(endpoint, body, Status.class);
  }

  private <T> T post(String endpoint, String body, Class<T> type) {
    return client.post(device, label(), endpoint, body, type);
  }

  private <T> T mutate(String description, Callable<T> action) {
    try {
      return run.mutate(label(), description, action);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new SpeakerException(
          label(), label() + ": " + description + " failed: " + e.getMessage(), e);
    }
  }

  private void check(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidValueException(label(), field, value, field + " is " + min + ".." + max);
    }
  }

  private void checkKey(String key) {
    if (key == null || !SoundTouch.KEYS.contains(key)) {
      String upper = key == null ? "" : key.toUpperCase(Locale.ROOT);
      String hint =
          SoundTouch.KEYS.contains(upper)
              ? "; key names are upper case: " + upper
              : Suggestions.didYouMean(key == null ? "" : key, SoundTouch.KEYS);
      throw new InvalidValueException(
          label(), "key", key, "keys are " + String.join(", ", SoundTouch.KEYS) + hint);
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static String describe(ContentItem item) {
    StringBuilder out = new StringBuilder(item.source());
    if (item.itemName() != null) {
      out.append(" '").append(item.itemName()).append('\'');
    } else if (item.location() != null) {
      out.append(' ').append(item.location());
    }
    return out.toString();
  }
}
