package dev.roadie.speaker;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Every device's outcome of one fleet operation: one device failing does not stop the others. */
public record FleetResult(String operation, List<DeviceResult> results, Duration took) {
  public FleetResult {
    results = List.copyOf(results);
  }

  public List<DeviceResult> getOk() {
    return results.stream().filter(DeviceResult::ok).toList();
  }

  public List<DeviceResult> getFailed() {
    return results.stream().filter(r -> !r.ok()).toList();
  }

  public boolean isAllOk() {
    return results.stream().allMatch(DeviceResult::ok);
  }

  /** Fails with every failed device's reason, one per line, when any failed. */
  public FleetResult orThrow() {
    if (!isAllOk()) {
      throw new SpeakerException(
          operation,
          operation
              + " failed on "
              + getFailed().size()
              + " of "
              + results.size()
              + " devices:\n  "
              + getFailed().stream().map(DeviceResult::reason).collect(Collectors.joining("\n  ")));
    }
    return this;
  }

  @Override
  public String toString() {
    return operation
        + ": "
        + getOk().size()
        + " ok, "
        + getFailed().size()
        + " failed"
        + (getFailed().isEmpty()
            ? ""
            : " ("
                + getFailed().stream().map(DeviceResult::device).collect(Collectors.joining(", "))
                + ")");
  }
}
