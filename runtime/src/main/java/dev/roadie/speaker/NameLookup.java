package dev.roadie.speaker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds a device by name as {@code speakers['kitchen']} does: a configured name first, then the
 * name a device without one reports. The unnamed devices are asked once, on the first name that is
 * not configured, so looking up many names (a restore) costs one fleet read, not one per name.
 */
final class NameLookup {
  private final Speakers speakers;
  private Map<String, Device> reported; // lower-cased reported name -> device; null until asked
  private final List<String> reportedNames = new ArrayList<>();

  NameLookup(Speakers speakers) {
    this.speakers = speakers;
  }

  /** The device of this name, any case, or null. */
  Device find(String name) {
    Device named = speakers.inventory().named(name);
    if (named != null) {
      return named;
    }
    return reported().get(name.toLowerCase(Locale.ROOT));
  }

  /** The names it knows: configured, then reported. */
  List<String> known() {
    List<String> known = new ArrayList<>(speakers.inventory().names());
    reported();
    known.addAll(reportedNames);
    return known;
  }

  private Map<String, Device> reported() {
    if (reported == null) {
      reported = new LinkedHashMap<>();
      List<Device> unnamed =
          speakers.inventory().devices().stream().filter(d -> d.name() == null).toList();
      if (!unnamed.isEmpty()) {
        FleetResult names = speakers.fleet(unnamed).run("read names", s -> s.info().name());
        for (DeviceResult result : names.results()) {
          if (result.ok()) {
            String name = String.valueOf(result.value());
            reportedNames.add(name);
            reported.putIfAbsent(
                name.toLowerCase(Locale.ROOT), speakers.inventory().byAddress(result.address()));
          }
        }
      }
    }
    return reported;
  }
}
