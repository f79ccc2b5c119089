package dev.gatehouse.core.assess;

import dev.gatehouse.core.net.IpAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sources that logged in to each destination, with first and last seen times in event time.
 * The io module loads it from a state file before a run and saves it after.
 *
 * <p>A property counts as seen before a login when its first-seen time is strictly earlier than
 * the login's first session. Every login of a run is recorded before any is judged, so the
 * judgement does not depend on the order of detections, and a rerun over the same logs judges
 * them as the first run did.
 *
 * <p>Not thread-safe.
 */
public final class NoveltyHistory {

  private record Property(NoveltyKind kind, String value) {}

  /** First and last seen, in microseconds since the epoch. */
  private static final class Seen {
    long first;
    long last;

    Seen(long first, long last) {
      this.first = first;
      this.last = last;
    }
  }

  private final Map<IpAddress, Map<Property, Seen>> byDestination = new HashMap<>();
  private int size;

  private NoveltyHistory() {}

  /** Returns a history without entries. */
  public static NoveltyHistory empty() {
    return new NoveltyHistory();
  }

  /** Returns a history of {@code entries}; repeated entries are merged. */
  public static NoveltyHistory of(List<NoveltyEntry> entries) {
    NoveltyHistory history = new NoveltyHistory();
    for (NoveltyEntry entry : entries) {
      history.record(entry.destination(), entry.kind(), entry.value(), entry.firstSeenMicros(),
          entry.lastSeenMicros());
    }
    return history;
  }

  /**
   * Records a login with this property between {@code firstMicros} and {@code lastMicros}.
   *
   * @return whether the property was new for the destination
   */
  public boolean record(IpAddress destination, NoveltyKind kind, String value, long firstMicros,
      long lastMicros) {
    Map<Property, Seen> properties = byDestination.computeIfAbsent(destination, key -> new HashMap<>());
    Property property = new Property(kind, value);
    Seen seen = properties.get(property);
    if (seen == null) {
      properties.put(property, new Seen(firstMicros, Math.max(firstMicros, lastMicros)));
      size++;
      return true;
    }
    seen.first = Math.min(seen.first, firstMicros);
    seen.last = Math.max(seen.last, lastMicros);
    return false;
  }

  /** Returns whether any source logged in to {@code destination} before {@code micros}. */
  public boolean hasLoginBefore(IpAddress destination, long micros) {
    Map<Property, Seen> properties = byDestination.get(destination);
    if (properties == null) {
      return false;
    }
    for (Map.Entry<Property, Seen> entry : properties.entrySet()) {
      if (entry.getKey().kind() == NoveltyKind.ADDRESS && entry.getValue().first < micros) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether the property logged in to {@code destination} before {@code micros}. */
  public boolean seenBefore(IpAddress destination, NoveltyKind kind, String value, long micros) {
    Map<Property, Seen> properties = byDestination.get(destination);
    Seen seen = properties == null ? null : properties.get(new Property(kind, value));
    return seen != null && seen.first < micros;
  }

  /** Returns the number of entries. */
  public int size() {
    return size;
  }

  /** Returns every entry, ordered by destination, kind, value. */
  public List<NoveltyEntry> entries() {
    List<NoveltyEntry> entries = new ArrayList<>(size);
    byDestination.forEach((destination, properties) -> properties.forEach((property, seen) ->
        entries.add(new NoveltyEntry(destination, property.kind(), property.value(), seen.first, seen.last))));
    entries.sort(Comparator.comparing(NoveltyEntry::destination)
        .thenComparing(NoveltyEntry::kind)
        .thenComparing(NoveltyEntry::value));
    return entries;
  }
}
