package dev.gatehouse.site;

import dev.gatehouse.core.assess.NoveltySettings;
import dev.gatehouse.core.assess.ScoringSettings;
import dev.gatehouse.core.assess.Severity;
import dev.gatehouse.core.assess.TriageRule;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The site file's settings of the assessment stage: the data sources that enrich detections,
 * the scoring thresholds, the novelty state file and the triage rules. Paths are resolved
 * against the site file's directory; the files are read by the {@code dev.gatehouse.enrich}
 * package, not here.
 *
 * @param geoip the GeoIP databases, or {@code null} when none is configured
 * @param threatLists the threat lists in file order
 * @param inventory the asset inventory, or {@code null}
 * @param scoring the scoring thresholds
 * @param novelty the novelty state file, or {@code null} when novelty is off
 * @param rules the triage rules in file order
 */
public record SiteAssessment(
    GeoIpFiles geoip,
    List<ThreatListFile> threatLists,
    InventoryFile inventory,
    ScoringSettings scoring,
    NoveltyFile novelty,
    List<TriageRule> rules) {

  /** No data source, default thresholds, novelty off and no rule. */
  public static final SiteAssessment NONE =
      new SiteAssessment(null, List.of(), null, ScoringSettings.DEFAULTS, null, List.of());

  /** Copies the lists and checks that the thresholds are present. */
  public SiteAssessment {
    threatLists = List.copyOf(threatLists);
    Objects.requireNonNull(scoring, "scoring");
    rules = List.copyOf(rules);
  }

  /**
   * The GeoIP databases.
   *
   * @param location a City or Country database, or {@code null}
   * @param asn an ASN database, or {@code null}
   * @param line the line in the site file where the value of {@code geoip} starts
   */
  public record GeoIpFiles(Path location, Path asn, int line) {}

  /** The formats of a threat list. */
  public enum ListFormat {
    /** One address or CIDR per line, with {@code #} comments. */
    TEXT,
    /** Comma-separated values with a header line; one column contains the address or CIDR. */
    CSV
  }

  /**
   * One threat list.
   *
   * @param name the list's name, unique in the site file
   * @param severity the severity of a match
   * @param file the list's file
   * @param format the file's format
   * @param column for {@link ListFormat#CSV}, the header name of the address column, else {@code null}
   * @param line the line of the entry in the site file
   */
  public record ThreatListFile(String name, Severity severity, Path file, ListFormat format, String column,
      int line) {}

  /**
   * The asset inventory.
   *
   * @param file the CSV file
   * @param line the line in the site file where the value of {@code inventory} starts
   */
  public record InventoryFile(Path file, int line) {}

  /**
   * The novelty state file.
   *
   * @param file where the history of logins is kept between runs
   * @param settings the prefix lengths that group sources into networks
   * @param line the line in the site file where the value of {@code novelty} starts
   */
  public record NoveltyFile(Path file, NoveltySettings settings, int line) {}
}
