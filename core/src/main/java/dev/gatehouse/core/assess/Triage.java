package dev.gatehouse.core.assess;

import dev.gatehouse.core.model.Detection;
import dev.gatehouse.core.net.Cidr;
import dev.gatehouse.core.net.IpAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies the site's triage rules to scored detections.
 *
 * <p>Precedence when several rules in force match one detection: a suppress rule beats a
 * downgrade rule, and among rules of the same action the first in file order decides. The
 * other matching rules are listed in the outcome. Only the deciding rule changes the detection,
 * so downgrades never add up. Expired rules are not applied, but the detections they would have
 * matched are counted.
 */
final class Triage {

  private final List<TriageRule> rules;
  private final LocalDate today;
  private final long[] decided;
  private final long[] matched;

  Triage(List<TriageRule> rules, LocalDate today) {
    this.rules = List.copyOf(rules);
    this.today = today;
    this.decided = new long[rules.size()];
    this.matched = new long[rules.size()];
  }

  /** The outcome of one detection and its score after triage. */
  record Result(TriageOutcome outcome, Score score) {}

  Result apply(Detection detection, Enrichment enrichment, Score score) {
    int suppress = -1;
    int downgrade = -1;
    List<Integer> matching = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      TriageRule rule = rules.get(i);
      if (!matches(rule.conditions(), detection, enrichment)) {
        continue;
      }
      matched[i]++;
      if (rule.expiredOn(today)) {
        continue;
      }
      matching.add(i);
      if (rule.action() == TriageAction.SUPPRESS && suppress < 0) {
        suppress = i;
      } else if (rule.action() == TriageAction.DOWNGRADE && downgrade < 0) {
        downgrade = i;
      }
    }

    int deciding = suppress >= 0 ? suppress : downgrade;
    if (deciding < 0) {
      return new Result(TriageOutcome.NONE, score);
    }

    decided[deciding]++;
    TriageRule rule = rules.get(deciding);
    List<String> others = new ArrayList<>();
    for (int i : matching) {
      if (i != deciding) {
        others.add(rules.get(i).id());
      }
    }

    if (rule.action() == TriageAction.SUPPRESS) {
      return new Result(new TriageOutcome(TriageOutcome.Outcome.SUPPRESSED, rule, score.severity(), others),
          score);
    }
    Severity target = rule.downgradeTo() != null ? rule.downgradeTo() : score.severity().lower();
    Severity lowered = score.severity().min(target);
    return new Result(new TriageOutcome(TriageOutcome.Outcome.DOWNGRADED, rule, score.severity(), others),
        score.withSeverity(lowered));
  }

  /** Returns, per rule in file order, how many detections it decided. */
  long[] decidedCounts() {
    return decided.clone();
  }

  /** Returns, per rule in file order, how many detections it matched, in force or not. */
  long[] matchedCounts() {
    return matched.clone();
  }

  static boolean matches(RuleConditions c, Detection d, Enrichment e) {
    if (!c.sourceCidrs().isEmpty() && !anyContains(c.sourceCidrs(), d.source())) {
      return false;
    }
    if (!c.destinationCidrs().isEmpty() && !anyContains(c.destinationCidrs(), d.destination())) {
      return false;
    }
    if (!c.destinationPorts().isEmpty() && !c.destinationPorts().contains(d.destinationPort())) {
      return false;
    }
    SourceGeo geo = e.sourceGeo();
    if (!c.sourceAsns().isEmpty() && !(geo.hasAsNumber() && c.sourceAsns().contains(geo.asNumber()))) {
      return false;
    }
    if (!c.sourceCountries().isEmpty() && !(geo.countryIsoCode() != null
        && c.sourceCountries().contains(geo.countryIsoCode().toUpperCase(Locale.ROOT)))) {
      return false;
    }
    if (!c.hosts().isEmpty() && !hostMatches(c.hosts(), e)) {
      return false;
    }
    if (!c.roles().isEmpty() && !roleMatches(c.roles(), e.asset())) {
      return false;
    }
    if (!c.clientBanners().isEmpty() && !allMatch(c.clientBanners(), d.ssh().clients())) {
      return false;
    }
    if (!c.hostKeys().isEmpty() && !allListed(c.hostKeys(), d.ssh().hostKeys())) {
      return false;
    }
    return c.time() == null
        || (c.time().contains(d.firstSeenMicros()) && c.time().contains(d.lastSeenMicros()));
  }

  private static boolean anyContains(List<Cidr> networks, IpAddress address) {
    for (Cidr network : networks) {
      if (network.contains(address)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hostMatches(List<Glob> patterns, Enrichment e) {
    List<String> names = new ArrayList<>(e.destinationNames());
    if (e.asset() != null && e.asset().hostname() != null) {
      names.add(0, e.asset().hostname());
    }
    for (String name : names) {
      for (Glob pattern : patterns) {
        if (pattern.matches(name)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean roleMatches(List<String> roles, Asset asset) {
    if (asset == null || asset.role() == null) {
      return false;
    }
    for (String role : roles) {
      if (role.equalsIgnoreCase(asset.role())) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether {@code values} is not empty and every value matches one of {@code patterns}. */
  private static boolean allMatch(List<Glob> patterns, List<String> values) {
    if (values.isEmpty()) {
      return false;
    }
    for (String value : values) {
      boolean any = false;
      for (Glob pattern : patterns) {
        if (pattern.matches(value)) {
          any = true;
          break;
        }
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }

  /** Returns whether {@code values} is not empty and every value is in {@code listed}, ignoring case. */
  private static boolean allListed(List<String> listed, List<String> values) {
    if (values.isEmpty()) {
      return false;
    }
    for (String value : values) {
      if (listed.stream().noneMatch(value::equalsIgnoreCase)) {
        return false;
      }
    }
    return true;
  }
}
