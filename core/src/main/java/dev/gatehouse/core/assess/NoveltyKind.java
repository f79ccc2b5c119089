package dev.gatehouse.core.assess;

import java.util.Locale;

/** A property of a login's source that the novelty history remembers per destination. */
public enum NoveltyKind {
  /** The source address. */
  ADDRESS,
  /** The source's network: a {@code /24} for IPv4 and a {@code /48} for IPv6 by default. */
  NETWORK,
  /** The source's autonomous system number, when a GeoIP ASN database is configured. */
  ASN,
  /** The source's country code, when a GeoIP location database is configured. */
  COUNTRY;

  /** Returns the lower-case name used in the state file. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the kind with this label, or {@code null}. */
  public static NoveltyKind parse(String label) {
    for (NoveltyKind kind : values()) {
      if (kind.label().equals(label)) {
        return kind;
      }
    }
    return null;
  }
}
