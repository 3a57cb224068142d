package dev.roadie.speaker;

import dev.roadie.config.RoadieConfig.SpeakersConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The devices roadie knows: the named ones of {@code speakers.devices}, then every address of
 * {@code speakers.hosts} (and {@code DEVICE_HOSTS}) not already named. An address is listed once.
 */
public final class Inventory {
  private final List<Device> devices;

  public Inventory(List<Device> devices) {
    Map<String, Device> byAddress = new LinkedHashMap<>();
    for (Device device : devices) {
      byAddress.putIfAbsent(device.key(), device);
    }
    this.devices = List.copyOf(byAddress.values());
  }

  @SuppressWarnings("unchecked")
  public static Inventory from(SpeakersConfig config) {
    List<Device> devices = new ArrayList<>();
    config
        .devices()
        .forEach(
            (name, raw) -> {
              Map<String, Object> fields = (Map<String, Object>) raw;
              Device at = Device.at(String.valueOf(fields.get("host")));
              Object room = fields.get("room");
              List<String> tags = new ArrayList<>();
              if (fields.get("tags") instanceof List<?> list) {
                list.forEach(tag -> tags.add(String.valueOf(tag)));
              }
              Device named = at.named(name, room == null ? null : String.valueOf(room), tags);
              if (fields.get("websocket") instanceof Number port) {
                named = named.updatesOn(port.intValue());
              }
              devices.add(named);
            });
    config.hosts().forEach(host -> devices.add(Device.at(host)));
    return new Inventory(devices);
  }

  public List<Device> devices() {
    return devices;
  }

  /** The device configured under {@code name}, ignoring case, or null. */
  public Device named(String name) {
    for (Device device : devices) {
      if (device.name() != null && device.name().equalsIgnoreCase(name)) {
        return device;
      }
    }
    return null;
  }

  public Device byAddress(String address) {
    String key = Device.at(address).key();
    for (Device device : devices) {
      if (device.key().equals(key)) {
        return device;
      }
    }
    return null;
  }

  public List<String> names() {
    return devices.stream().map(Device::name).filter(n -> n != null).toList();
  }

  public List<Device> tagged(String tag) {
    return devices.stream().filter(d -> d.tagged(tag)).toList();
  }

  public List<Device> inRoom(String room) {
    return devices.stream()
        .filter(
            d ->
                d.room() != null
                    && d.room().toLowerCase(Locale.ROOT).equals(room.toLowerCase(Locale.ROOT)))
        .toList();
  }
}
