package dev.gatehouse.core.model;

/**
 * Settings of the {@code ssh_external_internal} model.
 *
 * @param likely when an unset outcome counts as a likely login
 * @param minimumCertainty the weakest certainty that is reported (default {@link Certainty#LIKELY})
 * @param maxEvidence how many evidence sessions each detection lists; the total is always given
 */
public record ModelSettings(LikelyThresholds likely, Certainty minimumCertainty, int maxEvidence) {

  /** The defaults: {@link LikelyThresholds#DEFAULTS}, likely and stronger, ten evidence sessions. */
  public static final ModelSettings DEFAULTS =
      new ModelSettings(LikelyThresholds.DEFAULTS, Certainty.LIKELY, 10);

  public ModelSettings {
    if (maxEvidence < 0) {
      throw new IllegalArgumentException("maxEvidence is " + maxEvidence + ", expected 0 or more");
    }
  }
}
