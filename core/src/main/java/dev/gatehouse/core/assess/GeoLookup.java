package dev.gatehouse.core.assess;

import dev.gatehouse.core.net.IpAddress;

/** Looks up where an address is registered, in GeoIP databases or any other source. */
@FunctionalInterface
public interface GeoLookup {

  /** A lookup that returns {@link SourceGeo#UNKNOWN} for every address. */
  GeoLookup NONE = address -> SourceGeo.UNKNOWN;

  /** Returns what is known of {@code address}, or {@link SourceGeo#UNKNOWN}; never {@code null}. */
  SourceGeo lookup(IpAddress address);
}
