package dev.gatehouse.cli;

import dev.gatehouse.core.model.LikelyThresholds;
import dev.gatehouse.core.net.Cidr;
import dev.gatehouse.core.net.NetworkMap;
import dev.gatehouse.site.SiteAssessment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The site configuration a command runs with: the site file if given, the {@code --internal}
 * networks added to it, and the defaults for everything neither sets.
 *
 * @param assessment the site file's data sources, scoring thresholds, novelty state file and
 *     triage rules, or {@link SiteAssessment#NONE} without a site file
 */
record SiteSettings(NetworkMap networks, LikelyThresholds likely, int maxEvidence, String description,
    SiteAssessment assessment) {

  /**
   * Loads and merges the site file and {@code --internal} networks, printing every problem.
   *
   * @return the settings, or {@code null} when the configuration has errors
   */
  static SiteSettings resolve(Path siteFile, List<String> internalCidrs, PrintWriter err) {
    List<NetworkMap.Network> networks = new ArrayList<>();
    LikelyThresholds likely = LikelyThresholds.DEFAULTS;
    int maxEvidence = 10;
    SiteAssessment assessment = SiteAssessment.NONE;
    boolean failed = false;
    if (siteFile != null) {
      dev.gatehouse.site.SiteConfig loaded = SiteFiles.load(siteFile, err);
      if (loaded == null) {
        failed = true;
      } else {
        networks.addAll(loaded.internal());
        likely = loaded.likely();
        maxEvidence = loaded.maxEvidence();
        assessment = loaded.assessment();
      }
    }
    for (String text : internalCidrs) {
      try {
        networks.add(new NetworkMap.Network(null, Cidr.parse(text)));
      } catch (IllegalArgumentException e) {
        err.println("gatehouse: --internal " + e.getMessage());
        failed = true;
      }
    }
    if (failed) {
      return null;
    }
    if (networks.isEmpty()) {
      return new SiteSettings(NetworkMap.defaults(), likely, maxEvidence,
          "defaults (RFC 1918, 100.64.0.0/10, loopback, link-local, fc00::/7)", assessment);
    }
    String description = networks.stream()
        .map(n -> n.name() == null ? n.cidr().toString() : n.name() + " " + n.cidr())
        .collect(Collectors.joining(", "));
    return new SiteSettings(NetworkMap.of(networks), likely, maxEvidence, description, assessment);
  }
}
