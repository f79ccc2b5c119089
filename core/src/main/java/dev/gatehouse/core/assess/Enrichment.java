package dev.gatehouse.core.assess;

import java.util.List;
import java.util.Objects;

/**
 * The facts that the site's data sources hold about a detection's source and destination.
 *
 * @param sourceGeo the source's country, city and autonomous system; {@link SourceGeo#UNKNOWN}
 *     when no GeoIP database is configured or none contains the address
 * @param threats one match per threat list that contains the source
 * @param asset the inventory row of the destination, or {@code null}
 * @param destinationNames the destination's names seen in DNS answers, first seen first
 */
public record Enrichment(
    SourceGeo sourceGeo, List<ThreatIndicator> threats, Asset asset, List<String> destinationNames) {

  /** Nothing known. */
  public static final Enrichment NONE = new Enrichment(SourceGeo.UNKNOWN, List.of(), null, List.of());

  /** Copies the lists and checks that the source's geography is present. */
  public Enrichment {
    Objects.requireNonNull(sourceGeo, "sourceGeo");
    threats = List.copyOf(threats);
    destinationNames = List.copyOf(destinationNames);
  }

  /**
   * Returns the destination's host name: the inventory's, else the first name from DNS, else
   * {@code null}.
   */
  public String destinationHost() {
    if (asset != null && asset.hostname() != null) {
      return asset.hostname();
    }
    return destinationNames.isEmpty() ? null : destinationNames.get(0);
  }
}
