package dev.roadie.speaker;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A fleet backup as written to JSON: every device's name, identity, volume, bass, presets, zone and
 * sources at one moment. Restore checks the whole file against this shape before touching a device.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Snapshot(
    String format, int version, String taken, List<DeviceState> devices, List<Failure> failed) {
  public static final String FORMAT = "roadie-speakers-backup";

  public Snapshot {
    devices = devices == null ? List.of() : List.copyOf(devices);
    failed = failed == null ? List.of() : List.copyOf(failed);
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DeviceState(
      String name,
      String address,
      String deviceId,
      String type,
      String deviceName,
      Integer volume,
      Integer bass,
      List<PresetState> presets,
      ZoneState zone,
      List<SourceState> sources) {
    public DeviceState {
      presets = presets == null ? List.of() : List.copyOf(presets);
      sources = sources == null ? List.of() : List.copyOf(sources);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PresetState(int id, ContentItem item) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ZoneState(String master, List<String> members) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SourceState(String source, String account, String status) {}

  public record Failure(String name, String reason) {}
}
