package dev.gatehouse.core.assess;

import java.util.List;

/**
 * The outcome of assessing one run's detections.
 *
 * @param alerts one alert per detection, in the detections' order, suppressed ones included
 * @param rules one entry per triage rule, in file order
 * @param noveltyEntriesAdded how many entries the run added to the novelty history, or -1 when
 *     novelty is off
 */
public record AssessmentResult(List<Alert> alerts, List<RuleUse> rules, int noveltyEntriesAdded) {

  /**
   * The use of one triage rule in the run.
   *
   * @param rule the rule
   * @param expired whether it had expired, so that it was not applied
   * @param decided how many detections it suppressed or downgraded
   * @param matched how many detections it matched, including those that another rule decided
   *     and, for an expired rule, those it would have matched
   */
  public record RuleUse(TriageRule rule, boolean expired, long decided, long matched) {}

  /** Copies the lists. */
  public AssessmentResult {
    alerts = List.copyOf(alerts);
    rules = List.copyOf(rules);
  }

  /** Returns the number of suppressed alerts. */
  public long suppressedCount() {
    return alerts.stream().filter(Alert::suppressed).count();
  }
}
