package dev.gatehouse.core.assess;

import java.util.Locale;

/** The action a triage rule takes on the detections it matches. */
public enum TriageAction {
  /** Leaves the detection out of the output; it is counted in the summary. */
  SUPPRESS,
  /** Lowers the detection's severity. */
  DOWNGRADE;

  /** Returns the lower-case name used in the site file. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
