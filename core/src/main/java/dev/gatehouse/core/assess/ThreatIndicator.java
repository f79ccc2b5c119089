package dev.gatehouse.core.assess;

import dev.gatehouse.core.net.Cidr;
import java.util.Objects;

/**
 * One entry of a threat-intelligence list: an address or network the list calls hostile.
 *
 * @param list the list's name from the site file
 * @param severity the list's severity
 * @param cidr the entry; a single address is a {@code /32} or {@code /128}
 * @param origin where the entry was read, as {@code file:line}
 */
public record ThreatIndicator(String list, Severity severity, Cidr cidr, String origin) {

  /** Checks that every component is present. */
  public ThreatIndicator {
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(cidr, "cidr");
    Objects.requireNonNull(origin, "origin");
  }
}
