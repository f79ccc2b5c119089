package dev.gatehouse.enrich;

import dev.gatehouse.core.assess.Asset;
import dev.gatehouse.core.assess.AssetInventory;
import dev.gatehouse.core.assess.GeoLookup;
import dev.gatehouse.core.assess.ThreatIndicator;
import dev.gatehouse.core.assess.ThreatIntel;
import dev.gatehouse.site.SiteAssessment;
import dev.gatehouse.site.SiteAssessment.ThreatListFile;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The data sources that a site file names, loaded: the GeoIP databases, the threat lists and
 * the asset inventory.
 *
 * <p>Loading never throws for a bad file. Every problem is in {@link #problems()}: an error for a
 * file that cannot be used (missing, unreadable, not a MaxMind database, a CSV file without its
 * address column) and a warning, with the line, for each malformed line that was skipped. A
 * caller that finds an error should stop, because the site's configuration does not say what the
 * site meant. The GeoIP databases stay open until {@link #close()}.
 */
public final class EnrichmentSources implements Closeable {

  private final MaxMindGeo geo;
  private final ThreatIntel threats;
  private final int threatListCount;
  private final AssetInventory inventory;
  private final List<FileProblem> problems;

  private EnrichmentSources(MaxMindGeo geo, ThreatIntel threats, int threatListCount, AssetInventory inventory,
      List<FileProblem> problems) {
    this.geo = geo;
    this.threats = threats;
    this.threatListCount = threatListCount;
    this.inventory = inventory;
    this.problems = List.copyOf(problems);
  }

  /** Loads every data source that {@code assessment} names. */
  public static EnrichmentSources open(SiteAssessment assessment) {
    List<FileProblem> problems = new ArrayList<>();
    MaxMindGeo geo = null;
    if (assessment.geoip() != null) {
      geo = MaxMindGeo.open(assessment.geoip().location(), assessment.geoip().asn(), problems);
    }
    List<ThreatIndicator> indicators = new ArrayList<>();
    for (ThreatListFile list : assessment.threatLists()) {
      indicators.addAll(ThreatListReader.read(list, problems));
    }
    List<Asset> assets = assessment.inventory() == null
        ? List.of() : InventoryReader.read(assessment.inventory(), problems);
    return new EnrichmentSources(geo, ThreatIntel.of(indicators), assessment.threatLists().size(),
        AssetInventory.of(assets), problems);
  }

  /** Returns every problem found in the files, errors and warnings, in the order found. */
  public List<FileProblem> problems() {
    return problems;
  }

  /** Returns whether a file cannot be used. */
  public boolean hasErrors() {
    return problems.stream().anyMatch(FileProblem::isError);
  }

  /** Returns the GeoIP lookup, or {@link GeoLookup#NONE} when no database is configured. */
  public GeoLookup geo() {
    return geo == null ? GeoLookup.NONE : geo;
  }

  /** Returns the entries of every threat list. */
  public ThreatIntel threats() {
    return threats;
  }

  /** Returns the asset inventory, empty when none is configured. */
  public AssetInventory inventory() {
    return inventory;
  }

  /** Returns the number of GeoIP lookups that failed on a damaged database. */
  public long failedGeoLookups() {
    return geo == null ? 0 : geo.failedLookups();
  }

  /** Returns the address and message of the first failed GeoIP lookup, or {@code null}. */
  public String firstGeoFailure() {
    return geo == null ? null : geo.firstFailure();
  }

  /**
   * Returns what was loaded, for the run summary, such as {@code geoip GeoLite2-City and
   * GeoLite2-ASN; 2 threat lists with 130 entries; inventory of 12 rows}, or {@code none}.
   */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (geo != null) {
      parts.add("geoip " + geo.describe());
    }
    if (threatListCount > 0) {
      parts.add(threatListCount + (threatListCount == 1 ? " threat list with " : " threat lists with ")
          + threats.size() + (threats.size() == 1 ? " entry" : " entries"));
    }
    if (inventory.size() > 0) {
      parts.add("inventory of " + inventory.size() + (inventory.size() == 1 ? " row" : " rows"));
    }
    return parts.isEmpty() ? "none" : String.join("; ", parts);
  }

  /** Closes the GeoIP databases. */
  @Override
  public void close() throws IOException {
    if (geo != null) {
      geo.close();
    }
  }
}
