package dev.gatehouse.core.assess;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of triage for one detection.
 *
 * @param outcome none, downgraded or suppressed
 * @param rule the rule that decided, or {@code null} for {@link Outcome#NONE}
 * @param severityBefore the severity before triage, or {@code null} for {@link Outcome#NONE}
 * @param alsoMatched the ids of the other rules in force that matched, in file order
 */
public record TriageOutcome(Outcome outcome, TriageRule rule, Severity severityBefore, List<String> alsoMatched) {

  /** The kinds of triage result. */
  public enum Outcome {
    /** No rule in force matched. */
    NONE,
    /** A downgrade rule lowered the severity. */
    DOWNGRADED,
    /** A suppress rule matched. */
    SUPPRESSED;

    /** Returns the lower-case name used in output. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The outcome of a detection that no rule matched. */
  public static final TriageOutcome NONE = new TriageOutcome(Outcome.NONE, null, null, List.of());

  /** Copies the list and checks that a rule decided every outcome other than {@link Outcome#NONE}. */
  public TriageOutcome {
    Objects.requireNonNull(outcome, "outcome");
    alsoMatched = List.copyOf(alsoMatched);
    if ((outcome == Outcome.NONE) != (rule == null)) {
      throw new IllegalArgumentException("a rule decides every outcome but none: " + outcome);
    }
  }

  /** Returns whether a suppress rule matched. */
  public boolean suppressed() {
    return outcome == Outcome.SUPPRESSED;
  }
}
