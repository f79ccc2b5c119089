package dev.gatehouse.core.net;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Classifies addresses as internal, external or unroutable from the site's internal networks
 * alone. What a sensor wrote about locality is never consulted.
 *
 * <p>The unroutable ranges come first and no internal network overrides them:
 *
 * <ul>
 *   <li>{@code 0.0.0.0/8}, "this network" (RFC 1122 section 3.2.1.3)
 *   <li>{@code 224.0.0.0/4}, IPv4 multicast (RFC 5771)
 *   <li>{@code 240.0.0.0/4}, reserved for future use (RFC 1112 section 4)
 *   <li>{@code 255.255.255.255}, limited broadcast (RFC 919 section 7)
 *   <li>{@code ::/128}, the unspecified address (RFC 4291 section 2.5.2)
 *   <li>{@code ff00::/8}, IPv6 multicast (RFC 4291 section 2.7)
 * </ul>
 *
 * <p>An address in none of them is internal when one of the internal networks contains it.
 * Loopback ({@code 127.0.0.0/8}, {@code ::1}) and link-local ({@code 169.254.0.0/16},
 * {@code fe80::/10}) addresses are internal even when no listed network contains them, because
 * routers never forward them, so they cannot come from outside the site. Every other address is
 * external. The documentation ranges ({@code 192.0.2.0/24}, {@code 198.51.100.0/24},
 * {@code 203.0.113.0/24}, {@code 2001:db8::/32}) are external unless the site lists them. Zeek 6
 * and later count them as local by default, so Zeek's {@code local_orig} and {@code local_resp}
 * may disagree on them.
 *
 * <p>When internal networks nest, the longest prefix decides, and its name (or lack of one) is
 * the one reported: a named {@code /24} inside an unnamed {@code /8} gives its name to the
 * addresses it contains. Of two equal networks, the first in the list passed to {@link #of}
 * decides.
 *
 * <p>IPv4 addresses are IPv4-mapped IPv6 addresses here (see {@link IpAddress}), so an IPv6
 * network that contains {@code ::ffff:0:0/96}, such as {@code ::/0}, also contains every IPv4
 * address.
 *
 * <p>Lookups take {@code O(log n)} time for {@code n} networks and allocate nothing. Instances are
 * immutable and safe to share between threads.
 */
public final class NetworkMap {

  /**
   * An internal network.
   *
   * @param name the name carried into classifications and detections, or {@code null} for an
   *     unnamed network such as one given with {@code --internal}
   * @param cidr the network
   */
  public record Network(String name, Cidr cidr) {

    /** Checks that {@code cidr} is present. */
    public Network {
      Objects.requireNonNull(cidr, "cidr");
    }
  }

  /** A range with a fixed locality, and the text that explains it. */
  private record Range(Cidr cidr, String description) {

    static Range of(String cidr, String description) {
      return new Range(Cidr.parse(cidr), description);
    }
  }

  private static final List<Range> UNROUTABLE = List.of(
      Range.of("0.0.0.0/8", "\"this network\" (0.0.0.0/8, RFC 1122)"),
      Range.of("224.0.0.0/4", "multicast (224.0.0.0/4, RFC 5771)"),
      Range.of("240.0.0.0/4", "reserved (240.0.0.0/4, RFC 1112)"),
      Range.of("255.255.255.255/32", "limited broadcast (255.255.255.255, RFC 919)"),
      Range.of("::/128", "unspecified (::/128, RFC 4291)"),
      Range.of("ff00::/8", "multicast (ff00::/8, RFC 4291)"));

  private static final List<Range> DEFAULT_INTERNAL = List.of(
      Range.of("10.0.0.0/8", "private-use, RFC 1918"),
      Range.of("172.16.0.0/12", "private-use, RFC 1918"),
      Range.of("192.168.0.0/16", "private-use, RFC 1918"),
      Range.of("100.64.0.0/10", "shared address space, RFC 6598"),
      Range.of("127.0.0.0/8", "loopback, RFC 1122"),
      Range.of("169.254.0.0/16", "link-local, RFC 3927"),
      Range.of("fc00::/7", "unique local, RFC 4193"),
      Range.of("::1/128", "loopback, RFC 4291"),
      Range.of("fe80::/10", "link-local, RFC 4291"));

  /** Scopes that never cross a router: internal whatever the site lists. */
  private static final List<Range> HOST_AND_LINK_SCOPE = List.of(
      Range.of("127.0.0.0/8", "loopback (127.0.0.0/8, RFC 1122), never routed, so always internal"),
      Range.of("169.254.0.0/16", "link-local (169.254.0.0/16, RFC 3927), never routed, so always internal"),
      Range.of("::1/128", "loopback (::1, RFC 4291), never routed, so always internal"),
      Range.of("fe80::/10", "link-local (fe80::/10, RFC 4291), never routed, so always internal"));

  private static final RangeTable HOST_AND_LINK_TABLE =
      RangeTable.of(HOST_AND_LINK_SCOPE.stream().map(Range::cidr).toList());

  private static final Classification[] HOST_AND_LINK_CLASSIFICATIONS = HOST_AND_LINK_SCOPE.stream()
      .map(range -> new Classification(Locality.INTERNAL, null, range.cidr().toString(),
          range.description()))
      .toArray(Classification[]::new);

  private static final RangeTable UNROUTABLE_TABLE =
      RangeTable.of(UNROUTABLE.stream().map(Range::cidr).toList());

  private static final Classification[] UNROUTABLE_CLASSIFICATIONS = UNROUTABLE.stream()
      .map(range -> new Classification(Locality.UNROUTABLE, null, range.cidr().toString(),
          range.description()))
      .toArray(Classification[]::new);

  private static final Classification EXTERNAL =
      new Classification(Locality.EXTERNAL, null, null, "outside every internal network");

  private static final Map<Cidr, String> DEFAULT_DESCRIPTIONS = DEFAULT_INTERNAL.stream()
      .collect(Collectors.toUnmodifiableMap(Range::cidr, Range::description));

  private static final NetworkMap DEFAULTS = new NetworkMap(defaultInternalNetworks());

  /** The internal networks, longest prefix first. {@link #table} returns indexes into this list. */
  private final List<Network> networks;
  private final RangeTable table;
  /** The classification of each network in {@link #networks}, built once. */
  private final Classification[] classifications;

  private NetworkMap(List<Network> internal) {
    List<Network> sorted = new ArrayList<>(internal);
    sorted.sort(Comparator.comparingInt((Network network) -> network.cidr().prefixLength()).reversed());
    this.networks = List.copyOf(sorted);
    this.table = RangeTable.of(networks.stream().map(Network::cidr).toList());
    this.classifications = networks.stream()
        .map(NetworkMap::classificationOf)
        .toArray(Classification[]::new);
  }

  private static Classification classificationOf(Network network) {
    String cidr = network.cidr().toString();
    String rule;
    if (network.name() != null) {
      rule = "network " + network.name() + " (" + cidr + ")";
    } else if (DEFAULT_DESCRIPTIONS.containsKey(network.cidr())) {
      rule = "network " + cidr + " (" + DEFAULT_DESCRIPTIONS.get(network.cidr()) + ")";
    } else {
      rule = "network " + cidr;
    }
    return new Classification(Locality.INTERNAL, network.name(), cidr, rule);
  }

  /** Returns a map whose internal networks are exactly {@code internal}. */
  public static NetworkMap of(List<Network> internal) {
    return new NetworkMap(List.copyOf(internal));
  }

  /** Returns the map used when neither a site file nor {@code --internal} is given. */
  public static NetworkMap defaults() {
    return DEFAULTS;
  }

  /**
   * Returns the default internal networks, all unnamed: the RFC 1918 private-use networks, the
   * RFC 6598 shared address space used by carrier-grade NAT, loopback, link-local and RFC 4193
   * unique local addresses.
   */
  public static List<Network> defaultInternalNetworks() {
    return DEFAULT_INTERNAL.stream().map(range -> new Network(null, range.cidr())).toList();
  }

  /**
   * Returns the description of the smallest unroutable range that contains every address of
   * {@code network}, such as {@code multicast (224.0.0.0/4, RFC 5771)}, or {@code null} when
   * none does. An internal network inside such a range never makes an address internal.
   */
  public static String unroutableRangeContaining(Cidr network) {
    Range smallest = null;
    for (Range range : UNROUTABLE) {
      if (range.cidr().contains(network)
          && (smallest == null || range.cidr().prefixLength() > smallest.cidr().prefixLength())) {
        smallest = range;
      }
    }
    return smallest == null ? null : smallest.description();
  }

  /** Returns the internal networks, longest prefix first. */
  public List<Network> networks() {
    return networks;
  }

  /** Returns the locality of {@code address}, without allocating. */
  public Locality locality(IpAddress address) {
    if (UNROUTABLE_TABLE.find(address) != RangeTable.NONE) {
      return Locality.UNROUTABLE;
    }
    if (table.find(address) != RangeTable.NONE
        || HOST_AND_LINK_TABLE.find(address) != RangeTable.NONE) {
      return Locality.INTERNAL;
    }
    return Locality.EXTERNAL;
  }

  /**
   * Returns the locality of the address whose 128-bit form has these upper and lower halves
   * (see {@link IpAddress#high()}), without allocating. Readers call it before they create an
   * {@link IpAddress}.
   */
  public Locality locality(long high, long low) {
    if (UNROUTABLE_TABLE.find(high, low) != RangeTable.NONE) {
      return Locality.UNROUTABLE;
    }
    return table.find(high, low) != RangeTable.NONE ? Locality.INTERNAL : Locality.EXTERNAL;
  }

  /**
   * Returns the locality of {@code address} with the network and rule that decided it, without
   * allocating: the classifications are built with the map.
   */
  public Classification classify(IpAddress address) {
    int unroutable = UNROUTABLE_TABLE.find(address);
    if (unroutable != RangeTable.NONE) {
      return UNROUTABLE_CLASSIFICATIONS[unroutable];
    }
    int internal = table.find(address);
    if (internal != RangeTable.NONE) {
      return classifications[internal];
    }
    int scoped = HOST_AND_LINK_TABLE.find(address);
    return scoped != RangeTable.NONE ? HOST_AND_LINK_CLASSIFICATIONS[scoped] : EXTERNAL;
  }

  /**
   * Returns the name of the internal network that decides the locality of {@code address}, or
   * {@code null} when that network is unnamed or the address is external or unroutable. Equal to
   * {@code classify(address).network()}.
   */
  public String networkName(IpAddress address) {
    return classify(address).network();
  }
}
