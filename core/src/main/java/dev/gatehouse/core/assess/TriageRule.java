package dev.gatehouse.core.assess;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A site's decision to suppress or downgrade the detections that match some conditions, with
 * who made it and why.
 *
 * @param id a name unique within the site file, written into the detections it applies to
 * @param owner the person or team responsible for the rule
 * @param reason why the matching detections are expected
 * @param expires the last day (UTC) on which the rule applies, or {@code null} for no end
 * @param action what the rule does to a matching detection
 * @param downgradeTo for {@link TriageAction#DOWNGRADE}, the severity to lower to, or {@code
 *     null} for one level lower
 * @param conditions what the rule matches
 * @param line the line of the rule in the site file, or 0
 */
public record TriageRule(
    String id,
    String owner,
    String reason,
    LocalDate expires,
    TriageAction action,
    Severity downgradeTo,
    RuleConditions conditions,
    int line) {

  /** Checks that the id, owner, reason, action and conditions are present. */
  public TriageRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(conditions, "conditions");
  }

  /** Returns whether the rule has expired on {@code today}: it has an end and today is after it. */
  public boolean expiredOn(LocalDate today) {
    return expires != null && today.isAfter(expires);
  }
}
