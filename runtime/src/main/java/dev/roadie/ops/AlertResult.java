package dev.roadie.ops;

import java.util.List;

/**
 * What became of one {@code alerts.raise}: folded into an earlier one, or sent to each channel.
 *
 * @param count how many times it has been raised within the fold window, this one included
 */
public record AlertResult(
    String severity, String title, boolean folded, int count, List<Delivery> deliveries) {

  /**
   * One channel's delivery.
   *
   * @param outcome {@code sent}, {@code failed}, {@code would-send} (dry run) or {@code skipped}
   *     (below the channel's min severity)
   * @param error why it failed, or null
   */
  public record Delivery(String channel, String outcome, int attempts, String error) {}

  /** Sent to every channel that takes it (or would be, in a dry run). */
  public boolean isDelivered() {
    return !folded && deliveries.stream().noneMatch(d -> d.outcome().equals("failed"));
  }
}
