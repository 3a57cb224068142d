package dev.roadie.speaker;

import dev.roadie.config.SpeakerEntries;
import dev.roadie.config.Suggestions;
import dev.roadie.run.RunContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code speakers} in a playbook: the inventory ({@code speakers['kitchen']}, {@code
 * speakers.at('10.0.0.5')}, {@code speakers.all()}, {@code speakers.tagged('lobby')}) and the
 * fleet-wide operations ({@code health}, {@code backup}, {@code restore}). One per run: closing it
 * ends the run's notification subscriptions.
 */
public final class Speakers implements AutoCloseable {
  private final SpeakerClient client;
  private final Inventory inventory;
  private final RunContext run;
  private final Subscriptions subscriptions = new Subscriptions();

  public Speakers(SpeakerClient client, Inventory inventory, RunContext run) {
    this.client = client;
    this.inventory = inventory;
    this.run = run;
  }

  /** {@code speakers['kitchen']}: a configured name, or the name an unnamed device reports. */
  public Speaker getAt(String name) {
    NameLookup lookup = new NameLookup(this);
    Device found = lookup.find(name);
    if (found != null) {
      return speaker(found);
    }
    List<String> known = lookup.known();
    throw new SpeakerException(
        name,
        "no speaker named '"
            + name
            + "'"
            + Suggestions.didYouMean(name, known)
            + (known.isEmpty()
                ? "; the inventory is empty: set speakers.devices or speakers.hosts (DEVICE_HOSTS)"
                : "; known: " + String.join(", ", known)));
  }

  /** A device by address, {@code host} or {@code host:port}, in the inventory or not. */
  public Speaker at(String address) {
    if (address == null || !SpeakerEntries.validAddress(address)) {
      throw new InvalidValueException(
          String.valueOf(address), "address", address, "give host or host:port, like 10.0.0.5");
    }
    Device known = inventory.byAddress(address);
    return speaker(known == null ? Device.at(address) : known);
  }

  public Fleet all() {
    return fleet(inventory.devices());
  }

  /** The devices with this tag (any case). */
  public Fleet tagged(String tag) {
    return fleet(inventory.tagged(tag));
  }

  public Fleet room(String room) {
    return fleet(inventory.inRoom(room));
  }

  /** The configured names; devices from {@code speakers.hosts} have none until asked. */
  public List<String> getNames() {
    return inventory.names();
  }

  public int size() {
    return inventory.devices().size();
  }

  /** Pings every device once ({@code /info}, no retry) and reports each as healthy or not. */
  public Health health() {
    Fleet fleet = all();
    FleetResult pings = fleet.run("health", Speaker::ping);
    List<Health.DeviceHealth> devices = new ArrayList<>();
    int up = 0;
    for (int i = 0; i < pings.results().size(); i++) {
      DeviceResult result = pings.results().get(i);
      Device device = fleet.getSpeakers().get(i).device();
      devices.add(
          new Health.DeviceHealth(
              result.device(),
              result.address(),
              result.ok(),
              client.lastSeen(device),
              result.reason()));
      SpeakerMetrics.UP.labelValues(result.device()).set(result.ok() ? 1 : 0);
      if (result.ok()) up++;
    }
    SpeakerMetrics.CONNECTED.set(up);
    String state = up == devices.size() ? "ok" : "degraded";
    return new Health(state, devices, pings.took());
  }

  /**
   * Writes one timestamped JSON snapshot of every device (name, volume, bass, presets, zone,
   * sources) into {@code dir}; returns the file. Devices that did not answer are listed in it as
   * failed. Reads only, so it runs in a dry run too.
   */
  public Path backup(Object dir) {
    return Backups.backup(this, path(dir));
  }

  /**
   * The backup in {@code file}, read and checked whole as {@link #restore} checks it: {@code
   * devices} (each with its {@code name}) and {@code failed} (each with {@code name} and {@code
   * reason}), so a playbook can say what a backup kept. Reads only.
   */
  public Snapshot snapshot(Object file) {
    return Backups.load(path(file));
  }

  /**
   * Puts a snapshot back: {@code restore(file)} or {@code restore(file, only: ['kitchen'])}.
   * Refuses a file that does not parse, or names a device it lacks, before touching any device;
   * each change goes through {@code run.mutate}, so a dry run plans it.
   */
  public FleetResult restore(Map<String, ?> options, Object file) {
    Object only = options.get("only");
    List<String> names = new ArrayList<>();
    if (only instanceof Collection<?> items) {
      items.forEach(item -> names.add(String.valueOf(item)));
    } else if (only != null) {
      names.add(String.valueOf(only));
    }
    return Backups.restore(this, path(file), only == null ? null : names);
  }

  public FleetResult restore(Object file) {
    return Backups.restore(this, path(file), null);
  }

  private static Path path(Object value) {
    return value instanceof Path p
        ? p
        : value instanceof java.io.File f ? f.toPath() : Path.of(String.valueOf(value));
  }

  /**
   * The SoundTouch speakers that announce themselves over mDNS ({@code _soundtouch._tcp}) on this
   * machine's networks within {@code timeout}, sorted by name. Reads only; it does not add them to
   * the inventory: {@code speakers.at(found.address)} talks to one.
   */
  public List<Discovered> discover(Duration timeout) {
    return Discovery.discover(timeout, Discovery.interfaces());
  }

  /** {@code speakers.discover('5s')}. */
  public List<Discovered> discover(String timeout) {
    Duration parsed;
    try {
      parsed = dev.roadie.config.Durations.parse(timeout);
    } catch (RuntimeException e) {
      throw new InvalidValueException(
          "discover", "timeout", timeout, "give a duration, like '3s' (" + e.getMessage() + ")");
    }
    return discover(parsed);
  }

  /** Listens for 3 seconds: announcements answer a query within a second on a quiet network. */
  public List<Discovered> discover() {
    return discover(Duration.ofSeconds(3));
  }

  /** Discovery on the given interface addresses only (tests use loopback). */
  List<Discovered> discover(Duration timeout, List<java.net.InetAddress> on) {
    return Discovery.discover(timeout, on);
  }

  /** The Prometheus metrics of this process, as text. */
  public String metrics() {
    return SpeakerMetrics.scrape();
  }

  Speaker speaker(Device device) {
    return new Speaker(device, client, run, subscriptions);
  }

  /** How many {@code onUpdate} subscriptions of this run are open. */
  public int getSubscriptions() {
    return subscriptions.size();
  }

  /**
   * Ends the run's use of the speakers: closes every {@code onUpdate} subscription it made, so no
   * listener outlives its run. The engine calls this when the run ends.
   */
  @Override
  public void close() {
    subscriptions.closeAll();
  }

  Fleet fleet(List<Device> devices) {
    return new Fleet(devices.stream().map(this::speaker).toList(), client.config().concurrency());
  }

  SpeakerClient client() {
    return client;
  }

  RunContext run() {
    return run;
  }

  Inventory inventory() {
    return inventory;
  }

  @Override
  public String toString() {
    return "speakers ("
        + inventory.devices().size()
        + " in the inventory"
        + (inventory.names().isEmpty()
            ? ""
            : ": " + String.join(", ", inventory.names()).toLowerCase(Locale.ROOT))
        + ")";
  }
}
