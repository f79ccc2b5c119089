package dev.gatehouse.core.assess;

import dev.gatehouse.core.model.Detection;
import java.util.Objects;

/**
 * A detection after the assessment stage: the model's detection unchanged, with what the
 * site's data sources return for it, the triage outcome and the score.
 *
 * @param detection the model's detection
 * @param enrichment what is known of the source and the destination, or {@code null} when the
 *     detection was not assessed
 * @param triage what triage did, or {@code null} when the detection was not assessed
 * @param score the severity, risk score and certainty with their factors, or {@code null} when
 *     the detection was not assessed
 */
public record Alert(Detection detection, Enrichment enrichment, TriageOutcome triage, Score score) {

  /** Checks that the detection is present and that the assessment is whole or absent. */
  public Alert {
    Objects.requireNonNull(detection, "detection");
    boolean none = enrichment == null && triage == null && score == null;
    boolean all = enrichment != null && triage != null && score != null;
    if (!none && !all) {
      throw new IllegalArgumentException("enrichment, triage and score must all be present or all absent");
    }
  }

  /** Returns the detection without an assessment, for writers that take alerts. */
  public static Alert unassessed(Detection detection) {
    return new Alert(detection, null, null, null);
  }

  /** Returns whether the assessment stage ran on this detection. */
  public boolean assessed() {
    return score != null;
  }

  /** Returns whether a triage rule suppressed this detection. */
  public boolean suppressed() {
    return triage != null && triage.suppressed();
  }
}
