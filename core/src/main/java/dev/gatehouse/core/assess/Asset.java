package dev.gatehouse.core.assess;

import dev.gatehouse.core.net.Cidr;
import java.util.Objects;

/**
 * One row of the asset inventory: what an internal address or network is. Text fields are
 * {@code null} when the inventory leaves them empty.
 *
 * @param cidr the address or network the row describes
 * @param hostname the host's name
 * @param owner the person or team responsible for the host, such as a team or a mail address
 * @param role what the host is for, such as {@code bastion} or {@code database}
 * @param criticality how much the host matters, or {@code null} when not given
 * @param origin where the row was read, as {@code file:line}
 */
public record Asset(
    Cidr cidr, String hostname, String owner, String role, Severity criticality, String origin) {

  /** Checks that the network and the origin are present. */
  public Asset {
    Objects.requireNonNull(cidr, "cidr");
    Objects.requireNonNull(origin, "origin");
  }
}
