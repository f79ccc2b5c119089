package dev.gatehouse.core.net;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Classifies addresses as internal, external or unroutable from the site's internal networks
 * alone; what a sensor wrote about locality is never consulted.
 *
 * <p>Unroutable ranges are checked first, then the internal networks by longest prefix, so a
 * named {@code /24} inside an unnamed {@code /8} gives its name to the addresses it holds.
 */
public final class NetworkMap {

  /** A named internal network; the name may be {@code null} for networks given on the command line. */
  public record Network(String name, Cidr cidr) {}

  private record Special(Cidr cidr, String rule) {}

  private static final List<Special> UNROUTABLE = List.of(
      new Special(Cidr.parse("0.0.0.0/8"), "\"this network\" (0.0.0.0/8, RFC 1122)"),
      new Special(Cidr.parse("255.255.255.255/32"), "limited broadcast (255.255.255.255, RFC 919)"),
      new Special(Cidr.parse("224.0.0.0/4"), "multicast (224.0.0.0/4, RFC 5771)"),
      new Special(Cidr.parse("240.0.0.0/4"), "reserved (240.0.0.0/4, RFC 1112)"),
      new Special(Cidr.parse("::/128"), "unspecified (::/128, RFC 4291)"),
      new Special(Cidr.parse("ff00::/8"), "multicast (ff00::/8, RFC 4291)"));

  private static final List<String> DEFAULT_INTERNAL = List.of(
      "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8",
      "169.254.0.0/16", "fc00::/7", "::1/128", "fe80::/10");

  private final List<Network> networks;

  private NetworkMap(List<Network> networks) {
    List<Network> sorted = new ArrayList<>(networks);
    sorted.sort(Comparator.comparingInt((Network n) -> n.cidr().prefixLength()).reversed());
    this.networks = List.copyOf(sorted);
  }

  /** Returns a map whose internal networks are exactly {@code internal}. */
  public static NetworkMap of(List<Network> internal) {
    return new NetworkMap(internal);
  }

  /** Returns the map used when neither a site file nor {@code --internal} is given. */
  public static NetworkMap defaults() {
    return new NetworkMap(defaultInternalNetworks());
  }

  /**
   * Returns the default internal networks: RFC 1918, RFC 6598 shared space, loopback,
   * link-local and unique local addresses.
   */
  public static List<Network> defaultInternalNetworks() {
    return DEFAULT_INTERNAL.stream().map(text -> new Network(null, Cidr.parse(text))).toList();
  }

  /** Returns the internal networks, longest prefix first. */
  public List<Network> networks() {
    return networks;
  }

  /** Returns the locality of {@code address}; the allocation-free form of {@link #classify}. */
  public Locality locality(IpAddress address) {
    for (Special special : UNROUTABLE) {
      if (special.cidr().contains(address)) {
        return Locality.UNROUTABLE;
      }
    }
    for (Network network : networks) {
      if (network.cidr().contains(address)) {
        return Locality.INTERNAL;
      }
    }
    return Locality.EXTERNAL;
  }

  /** Returns the locality of {@code address} with the network and rule that decided it. */
  public Classification classify(IpAddress address) {
    for (Special special : UNROUTABLE) {
      if (special.cidr().contains(address)) {
        return new Classification(Locality.UNROUTABLE, null, special.cidr().toString(), special.rule());
      }
    }
    for (Network network : networks) {
      if (network.cidr().contains(address)) {
        String named = network.name() == null ? "" : " " + network.name();
        return new Classification(Locality.INTERNAL, network.name(), network.cidr().toString(),
            "inside internal network" + named + " (" + network.cidr() + ")");
      }
    }
    return new Classification(Locality.EXTERNAL, null, null, "outside every internal network");
  }

  /** Returns the named network holding {@code address}, or {@code null}. */
  public String networkName(IpAddress address) {
    for (Network network : networks) {
      if (network.cidr().contains(address)) {
        return network.name();
      }
    }
    return null;
  }
}
