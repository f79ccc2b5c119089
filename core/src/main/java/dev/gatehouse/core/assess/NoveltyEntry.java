package dev.gatehouse.core.assess;

import dev.gatehouse.core.net.IpAddress;
import java.util.Objects;

/**
 * One remembered property of a login: a source address, network, autonomous system or country
 * that logged in to a destination, and when, in event time from the logs.
 *
 * @param destination the internal host
 * @param kind which property of the source
 * @param value the property, such as {@code 89.160.20.0/24}, {@code 29518} or {@code SE}
 * @param firstSeenMicros the first login with this property, in microseconds since the epoch
 * @param lastSeenMicros the last login with this property
 */
public record NoveltyEntry(IpAddress destination, NoveltyKind kind, String value, long firstSeenMicros,
    long lastSeenMicros) {

  /** Checks that the fields are present and the times in order. */
  public NoveltyEntry {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if (lastSeenMicros < firstSeenMicros) {
      throw new IllegalArgumentException("last seen " + lastSeenMicros + " is before first seen "
          + firstSeenMicros + " for " + kind.label() + " " + value + " at " + destination);
    }
  }
}
