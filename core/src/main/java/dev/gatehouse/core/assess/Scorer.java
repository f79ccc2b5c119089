package dev.gatehouse.core.assess;

import dev.gatehouse.core.model.Certainty;
import dev.gatehouse.core.model.Detection;
import dev.gatehouse.core.model.Traffic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns a detection and its enrichment into a {@link Score}. The points of each factor are
 * fixed here and documented in docs/enrichment.md; the thresholds come from {@link
 * ScoringSettings}.
 */
final class Scorer {

  static final int CONFIRMED_SEVERITY = 30;
  static final int CONFIRMED_CERTAINTY = 90;
  static final int LIKELY_SEVERITY = 25;
  static final int LIKELY_CERTAINTY = 60;
  static final int UNKNOWN_SEVERITY = 10;
  static final int UNKNOWN_CERTAINTY = 25;
  static final int FAILED_CERTAINTY = 5;
  static final int CORROBORATION_CERTAINTY = 5;
  static final int REPEATED_SUCCESS_CERTAINTY = 5;
  static final int BRUTE_FORCE_SEVERITY = 20;
  static final int SPRAYING_SEVERITY = 15;
  static final int TRANSFER_OUT_SEVERITY = 20;
  static final int LONG_SESSION_SEVERITY = 10;

  private final ScoringSettings settings;

  Scorer(ScoringSettings settings) {
    this.settings = settings;
  }

  /** Returns the score of {@code detection}; {@code novelty} lists the novelty factors, if any. */
  Score score(Detection detection, Enrichment enrichment, List<Factor> novelty) {
    List<Factor> factors = new ArrayList<>();
    addCertainty(factors, detection);
    addFailures(factors, detection);
    addTraffic(factors, detection.traffic());
    addThreats(factors, detection, enrichment);
    addCriticality(factors, detection, enrichment);
    factors.addAll(novelty);

    int severityPoints = factors.stream().mapToInt(Factor::severityPoints).sum();
    int certaintyPoints = factors.stream().mapToInt(Factor::certaintyPoints).sum();
    int value = Math.min(100, Math.max(0, severityPoints));
    int certainty = Math.min(100, Math.max(0, certaintyPoints));
    return new Score(Score.severityOf(value), value, certainty, factors);
  }

  private static void addCertainty(List<Factor> factors, Detection d) {
    long successes = d.sessions().confirmed() + d.sessions().likely();
    switch (d.certainty()) {
      case CONFIRMED -> factors.add(new Factor("confirmed", CONFIRMED_SEVERITY, CONFIRMED_CERTAINTY,
          "Zeek saw the authentication succeed (auth_success T) in " + sessions(d.sessions().confirmed())
              + "."));
      case LIKELY -> factors.add(new Factor("likely", LIKELY_SEVERITY, LIKELY_CERTAINTY,
          "auth_success is unset, but conn.log shows " + sessions(d.sessions().likely())
              + " established long enough and carrying enough data both ways to be a login."));
      case UNKNOWN -> factors.add(new Factor("unknown", UNKNOWN_SEVERITY, UNKNOWN_CERTAINTY,
          "auth_success is unset and conn.log does not show that a session went past"
              + " authentication."));
      case FAILED -> factors.add(new Factor("failed", 0, FAILED_CERTAINTY,
          "Zeek saw every authentication of this pair fail."));
    }
    Traffic traffic = d.traffic();
    if (d.certainty() == Certainty.CONFIRMED && traffic.known()
        && traffic.originatorBytes() > 0 && traffic.responderBytes() > 0) {
      factors.add(new Factor("conn_corroborates", 0, CORROBORATION_CERTAINTY,
          "conn.log shows " + traffic.originatorBytes() + " bytes from the client and "
              + traffic.responderBytes() + " bytes from the server in the same sessions."));
    }
    if (successes >= 2) {
      factors.add(new Factor("repeated_success", 0, REPEATED_SUCCESS_CERTAINTY,
          successes + " sessions of this source to this destination succeeded."));
    }
  }

  private void addFailures(List<Factor> factors, Detection d) {
    if (d.failuresBeforeFirstSuccess() >= settings.bruteForceMinFailures()
        && d.certainty().atLeast(Certainty.LIKELY)) {
      factors.add(new Factor("brute_force", BRUTE_FORCE_SEVERITY, 0,
          d.failuresBeforeFirstSuccess() + " failed sessions from " + d.source() + " to "
              + d.destination() + " came before the first success (threshold "
              + settings.bruteForceMinFailures() + ")."));
    }
    if (d.sourceHostsFailedElsewhere() >= settings.sprayingMinHosts()) {
      factors.add(new Factor("spraying", SPRAYING_SEVERITY, 0,
          d.source() + " also failed " + d.sourceFailuresElsewhere() + " times against "
              + d.sourceHostsFailedElsewhere() + " other internal hosts (threshold "
              + settings.sprayingMinHosts() + " hosts)."));
    }
  }

  private void addTraffic(List<Factor> factors, Traffic traffic) {
    if (!traffic.known()) {
      return;
    }
    if (traffic.responderBytes() >= settings.exfiltrationMinBytes()) {
      factors.add(new Factor("large_transfer_out", TRANSFER_OUT_SEVERITY, 0,
          "The server sent " + traffic.responderBytes() + " bytes to the client, at or above "
              + settings.exfiltrationMinBytes() + ": data may have left over the session (T1048)."));
    }
    if (traffic.durationMicros() >= settings.longSessionMinMicros()) {
      factors.add(new Factor("long_session", LONG_SESSION_SEVERITY, 0,
          "The sessions lasted " + seconds(traffic.durationMicros()) + " in all, at or above "
              + seconds(settings.longSessionMinMicros()) + "."));
    }
  }

  private static void addThreats(List<Factor> factors, Detection d, Enrichment enrichment) {
    if (enrichment.threats().isEmpty()) {
      return;
    }
    Severity highest = Severity.LOW;
    for (ThreatIndicator indicator : enrichment.threats()) {
      if (indicator.severity().ordinal() > highest.ordinal()) {
        highest = indicator.severity();
      }
    }
    String lists = enrichment.threats().stream()
        .map(t -> t.list() + " (" + t.severity().label() + ", entry " + t.cidr() + " at " + t.origin() + ")")
        .collect(Collectors.joining(", "));
    String noun = enrichment.threats().size() == 1 ? "threat list " : "threat lists ";
    factors.add(new Factor("threat_list", threatPoints(highest), 0,
        d.source() + " is on the " + noun + lists + "."));
  }

  /** Returns the severity points of a threat list match of {@code severity}. */
  static int threatPoints(Severity severity) {
    return switch (severity) {
      case LOW -> 10;
      case MEDIUM -> 20;
      case HIGH -> 35;
      case CRITICAL -> 50;
    };
  }

  private static void addCriticality(List<Factor> factors, Detection d, Enrichment enrichment) {
    Asset asset = enrichment.asset();
    if (asset == null || asset.criticality() == null) {
      return;
    }
    StringBuilder what = new StringBuilder(d.destination().toString());
    List<String> names = new ArrayList<>();
    if (asset.hostname() != null) {
      names.add(asset.hostname());
    }
    if (asset.role() != null) {
      names.add("role " + asset.role());
    }
    if (!names.isEmpty()) {
      what.append(" (").append(String.join(", ", names)).append(')');
    }
    factors.add(new Factor("destination_criticality", criticalityPoints(asset.criticality()), 0,
        what + " has criticality " + asset.criticality().label() + " in the inventory ("
            + asset.origin() + ")."));
  }

  /** Returns the severity points of a destination of {@code criticality}. */
  static int criticalityPoints(Severity criticality) {
    return switch (criticality) {
      case LOW -> 0;
      case MEDIUM -> 5;
      case HIGH -> 15;
      case CRITICAL -> 25;
    };
  }

  private static String sessions(long count) {
    return count == 1 ? "1 session" : count + " sessions";
  }

  private static String seconds(long micros) {
    return String.format(Locale.ROOT, "%.0f s", micros / 1_000_000.0);
  }
}
