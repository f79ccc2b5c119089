package dev.gatehouse.enrich;

import dev.gatehouse.core.assess.HostNames;
import dev.gatehouse.core.net.IpAddress;
import dev.gatehouse.core.net.Locality;
import dev.gatehouse.core.net.NetworkMap;
import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.DnsLookup;
import dev.gatehouse.core.record.RecordSink;
import dev.gatehouse.core.record.SshSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects the names of internal addresses from Zeek dns.log rows: the query of an A or AAAA
 * lookup names each internal address among its answers, and a PTR lookup of an internal address
 * ({@code 50.8.47.10.in-addr.arpa} or its {@code ip6.arpa} form) is named by its answers.
 *
 * <p>Names are kept in the order first seen, without a trailing dot, compared without regard to
 * case, and at most {@value #MAX_NAMES_PER_ADDRESS} per address. Answers that are not internal
 * cost nothing, so memory grows with the internal addresses that appear in answers.
 *
 * <p>DNS answers come from the wire: a name is only what some resolver answered, not a verified
 * identity. Not thread-safe.
 */
public final class DnsNames implements RecordSink, HostNames {

  /** The maximum number of names kept per address. */
  public static final int MAX_NAMES_PER_ADDRESS = 8;

  private static final String IPV4_REVERSE = ".in-addr.arpa";
  private static final String IPV6_REVERSE = ".ip6.arpa";

  private final NetworkMap networks;
  private final Map<IpAddress, List<String>> names = new HashMap<>();
  private long rows;

  /** Creates a collector that keeps names of the addresses that {@code networks} calls internal. */
  public DnsNames(NetworkMap networks) {
    this.networks = networks;
  }

  @Override
  public void acceptSsh(SshSession session) {
    // Only dns.log rows carry names.
  }

  @Override
  public void acceptConn(ConnSummary connection) {
    // Only dns.log rows carry names.
  }

  @Override
  public void acceptDns(DnsLookup lookup) {
    rows++;
    if (lookup.query() == null || lookup.query().isEmpty()) {
      return;
    }
    String type = lookup.queryType() == null ? "" : lookup.queryType();
    if (type.equals("PTR")) {
      IpAddress address = reverseAddress(lookup.query());
      if (address != null && networks.locality(address) == Locality.INTERNAL) {
        for (String answer : lookup.answers()) {
          if (IpAddress.tryParse(answer) == null) {
            add(address, answer);
          }
        }
      }
      return;
    }
    for (String answer : lookup.answers()) {
      IpAddress address = IpAddress.tryParse(answer);
      if (address != null && networks.locality(address) == Locality.INTERNAL) {
        add(address, lookup.query());
      }
    }
  }

  private void add(IpAddress address, String rawName) {
    String name = rawName.endsWith(".") ? rawName.substring(0, rawName.length() - 1) : rawName;
    if (name.isEmpty()) {
      return;
    }
    List<String> known = names.computeIfAbsent(address, key -> new ArrayList<>(2));
    if (known.size() >= MAX_NAMES_PER_ADDRESS || known.stream().anyMatch(name::equalsIgnoreCase)) {
      return;
    }
    known.add(name);
  }

  /**
   * Returns the address of a reverse-lookup name such as {@code 50.8.47.10.in-addr.arpa}, or
   * {@code null} when the name is no complete reverse name.
   */
  static IpAddress reverseAddress(String query) {
    String name = query.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.endsWith(IPV4_REVERSE)) {
      String[] octets = name.substring(0, name.length() - IPV4_REVERSE.length()).split("\\.", -1);
      if (octets.length != 4) {
        return null;
      }
      return IpAddress.tryParse(octets[3] + "." + octets[2] + "." + octets[1] + "." + octets[0]);
    }
    if (name.endsWith(IPV6_REVERSE)) {
      String[] nibbles = name.substring(0, name.length() - IPV6_REVERSE.length()).split("\\.", -1);
      if (nibbles.length != 32) {
        return null;
      }
      StringBuilder text = new StringBuilder(39);
      for (int i = 31; i >= 0; i--) {
        if (nibbles[i].length() != 1) {
          return null;
        }
        text.append(nibbles[i]);
        if (i % 4 == 0 && i > 0) {
          text.append(':');
        }
      }
      return IpAddress.tryParse(text);
    }
    return null;
  }

  @Override
  public List<String> namesOf(IpAddress address) {
    List<String> known = names.get(address);
    return known == null ? List.of() : List.copyOf(known);
  }

  /** Returns the number of dns.log rows received. */
  public long rows() {
    return rows;
  }

  /** Returns the number of internal addresses with at least one name. */
  public int namedAddresses() {
    return names.size();
  }
}
