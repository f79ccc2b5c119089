package dev.gatehouse.core.assess;

import dev.gatehouse.core.net.IpAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The entries of every configured threat list, searchable by address. Immutable and safe to
 * share between threads.
 */
public final class ThreatIntel {

  /** No list at all. */
  public static final ThreatIntel EMPTY = new ThreatIntel(List.of());

  private final PrefixIndex<ThreatIndicator> index;
  private final int size;

  private ThreatIntel(List<ThreatIndicator> indicators) {
    this.index = new PrefixIndex<>(indicators, ThreatIndicator::cidr);
    this.size = indicators.size();
  }

  /** Returns the lists made of {@code indicators}. */
  public static ThreatIntel of(List<ThreatIndicator> indicators) {
    return new ThreatIntel(List.copyOf(indicators));
  }

  /**
   * Returns one match per list that contains {@code address}: the list's most specific entry,
   * and of equal entries the first read. Lists come in order of their most specific match.
   */
  public List<ThreatIndicator> matches(IpAddress address) {
    List<ThreatIndicator> matches = new ArrayList<>();
    Set<String> lists = new HashSet<>();
    for (ThreatIndicator indicator : index.all(address)) {
      if (lists.add(indicator.list())) {
        matches.add(indicator);
      }
    }
    return matches;
  }

  /** Returns the number of entries over all lists. */
  public int size() {
    return size;
  }
}
