package dev.gatehouse.site;

import dev.gatehouse.core.model.LikelyThresholds;
import dev.gatehouse.core.net.NetworkMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The settings of one site file, with defaults for what the file leaves out.
 *
 * @param internal the internal networks in file order, each with its name or {@code null}. The
 *     list is empty when the file lists none, and the caller then uses {@link
 *     NetworkMap#defaults()}.
 * @param likely when a session with an unset authentication outcome counts as a likely login
 * @param maxEvidence the maximum number of evidence sessions listed per detection
 * @param source the file the settings were read from, or {@code null} for {@link #defaults()}
 * @param assessment the enrichment sources, scoring thresholds, novelty state and triage rules
 */
public record SiteConfig(
    List<NetworkMap.Network> internal, LikelyThresholds likely, int maxEvidence, Path source,
    SiteAssessment assessment) {

  /** The number of evidence sessions per detection when the file does not set one. */
  public static final int DEFAULT_MAX_EVIDENCE = 10;

  /**
   * Copies {@code internal} and checks the components.
   *
   * @throws IllegalArgumentException if {@code maxEvidence} is negative
   */
  public SiteConfig {
    internal = List.copyOf(internal);
    Objects.requireNonNull(likely, "likely");
    Objects.requireNonNull(assessment, "assessment");
    if (maxEvidence < 0) {
      throw new IllegalArgumentException("maxEvidence must not be negative: " + maxEvidence);
    }
  }

  /** Creates the settings without an assessment section: {@link SiteAssessment#NONE}. */
  public SiteConfig(List<NetworkMap.Network> internal, LikelyThresholds likely, int maxEvidence, Path source) {
    this(internal, likely, maxEvidence, source, SiteAssessment.NONE);
  }

  /** Returns the settings used without a site file. */
  public static SiteConfig defaults() {
    return new SiteConfig(List.of(), LikelyThresholds.DEFAULTS, DEFAULT_MAX_EVIDENCE, null);
  }

  /** Returns the map of the file's internal networks, or the default map when it lists none. */
  public NetworkMap networkMap() {
    return internal.isEmpty() ? NetworkMap.defaults() : NetworkMap.of(internal);
  }
}
