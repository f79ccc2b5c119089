package dev.gatehouse.core.assess;

import dev.gatehouse.core.model.Certainty;
import dev.gatehouse.core.model.Detection;
import dev.gatehouse.core.net.Cidr;
import dev.gatehouse.core.net.IpAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the logins of a run in the {@link NoveltyHistory} and turns the history into factors:
 * which properties of a login's source never logged in to its destination before.
 */
final class NoveltyJudge {

  static final int NEW_ADDRESS_SEVERITY = 5;
  static final int NEW_NETWORK_SEVERITY = 5;
  static final int NEW_ASN_SEVERITY = 5;
  static final int NEW_COUNTRY_SEVERITY = 10;

  private final NoveltyHistory history;
  private final NoveltySettings settings;

  NoveltyJudge(NoveltyHistory history, NoveltySettings settings) {
    this.history = history;
    this.settings = settings;
  }

  /**
   * Records every property of a confirmed or likely login. Detections of weaker certainty are
   * not logins and are not recorded.
   *
   * @return how many entries were new
   */
  int recordAll(List<Detection> detections, List<SourceGeo> geos) {
    int added = 0;
    for (int i = 0; i < detections.size(); i++) {
      Detection d = detections.get(i);
      if (!d.certainty().atLeast(Certainty.LIKELY)) {
        continue;
      }
      SourceGeo geo = geos.get(i);
      long first = d.firstSeenMicros();
      long last = d.lastSeenMicros();
      IpAddress destination = d.destination();
      added += count(history.record(destination, NoveltyKind.ADDRESS, d.source().toString(), first, last));
      added += count(history.record(destination, NoveltyKind.NETWORK, network(d.source()).toString(), first,
          last));
      if (geo.hasAsNumber()) {
        added += count(history.record(destination, NoveltyKind.ASN, Long.toString(geo.asNumber()), first, last));
      }
      if (geo.countryIsoCode() != null) {
        added += count(history.record(destination, NoveltyKind.COUNTRY, geo.countryIsoCode(), first, last));
      }
    }
    return added;
  }

  private static int count(boolean added) {
    return added ? 1 : 0;
  }

  /** Returns the novelty factors of {@code d}, judged against logins before its first session. */
  List<Factor> judge(Detection d, SourceGeo geo) {
    IpAddress destination = d.destination();
    long first = d.firstSeenMicros();
    if (!history.hasLoginBefore(destination, first)) {
      return List.of(new Factor("no_login_history", 0, 0, "No earlier login to " + destination
          + " is in the novelty history, so the source is judged neither new nor known."));
    }

    List<Factor> factors = new ArrayList<>();
    String source = d.source().toString();
    if (!history.seenBefore(destination, NoveltyKind.ADDRESS, source, first)) {
      factors.add(new Factor("new_source_address", NEW_ADDRESS_SEVERITY, 0,
          source + " never logged in to " + destination + " before."));
    }

    String network = network(d.source()).toString();
    if (!history.seenBefore(destination, NoveltyKind.NETWORK, network, first)) {
      factors.add(new Factor("new_source_network", NEW_NETWORK_SEVERITY, 0,
          "No address in " + network + " logged in to " + destination + " before."));
    }

    if (geo.hasAsNumber()
        && !history.seenBefore(destination, NoveltyKind.ASN, Long.toString(geo.asNumber()), first)) {
      String organization = geo.asOrganization() == null ? "" : " (" + geo.asOrganization() + ")";
      factors.add(new Factor("new_source_asn", NEW_ASN_SEVERITY, 0,
          "No address of AS" + geo.asNumber() + organization + " logged in to " + destination + " before."));
    }

    if (geo.countryIsoCode() != null
        && !history.seenBefore(destination, NoveltyKind.COUNTRY, geo.countryIsoCode(), first)) {
      String name = geo.countryName() == null ? "" : " (" + geo.countryName() + ")";
      factors.add(new Factor("new_source_country", NEW_COUNTRY_SEVERITY, 0,
          "No address in " + geo.countryIsoCode() + name + " logged in to " + destination + " before."));
    }

    if (factors.isEmpty()) {
      factors.add(new Factor("known_source", 0, 0,
          source + " logged in to " + destination + " before."));
    }
    return factors;
  }

  /** Returns the network of {@code address} at the configured prefix length. */
  Cidr network(IpAddress address) {
    int length = address.isIpv4() ? 96 + settings.ipv4PrefixLength() : settings.ipv6PrefixLength();
    return new Cidr(IpAddress.of(address.high() & Cidr.highMask(length),
        address.low() & Cidr.lowMask(length)), length);
  }
}
