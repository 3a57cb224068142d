package dev.roadie.ops;

import java.time.Duration;
import java.time.Instant;

/**
 * A certificate's subject and validity, from a server or a PEM file.
 *
 * @param source {@code host:port} or the file it came from
 */
public record TlsInfo(
    String source, String subject, String issuer, Instant notBefore, Instant notAfter) {

  /** Whole days until it expires; negative once it has. */
  public long getDaysLeft() {
    return Math.floorDiv(Duration.between(Instant.now(), notAfter).toHours(), 24);
  }

  public boolean isExpired() {
    return Instant.now().isAfter(notAfter);
  }

  /** Fails when it expires in fewer than {@code days} days (or has expired). */
  public TlsInfo requireDays(int days) {
    if (getDaysLeft() < days) {
      throw new OpsException(
          source
              + ": the certificate for "
              + subject
              + (isExpired() ? " expired on " : " expires on ")
              + notAfter
              + " ("
              + getDaysLeft()
              + " days); at least "
              + days
              + " days must be left");
    }
    return this;
  }

  @Override
  public String toString() {
    return source + ": " + subject + ", expires " + notAfter + " (" + getDaysLeft() + " days)";
  }
}
