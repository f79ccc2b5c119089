package dev.gatehouse.core.assess;

import java.util.List;
import java.util.Objects;

/**
 * The severity, risk score and certainty of a detection, with the reasons.
 *
 * <p>The risk score is the sum of the factors' severity points, capped at 100, and the severity
 * follows from it: below 25 low, below 50 medium, below 75 high, else critical. A triage rule
 * may lower the severity afterwards without changing the risk score. The certainty is the sum of
 * the factors' certainty points, from 0 to 100: how sure gatehouse is that an external party
 * logged in.
 *
 * @param severity the severity after triage
 * @param value the risk score, from 0 to 100
 * @param certainty how sure gatehouse is that the login happened, from 0 to 100
 * @param factors the reasons, in the order they were evaluated
 */
public record Score(Severity severity, int value, int certainty, List<Factor> factors) {

  /** Copies the factors and checks the ranges. */
  public Score {
    Objects.requireNonNull(severity, "severity");
    factors = List.copyOf(factors);
    if (value < 0 || value > 100) {
      throw new IllegalArgumentException("value is " + value + ", expected 0 to 100");
    }
    if (certainty < 0 || certainty > 100) {
      throw new IllegalArgumentException("certainty is " + certainty + ", expected 0 to 100");
    }
  }

  /** Returns the severity of a risk score: below 25 low, below 50 medium, below 75 high, else critical. */
  public static Severity severityOf(int value) {
    if (value < 25) {
      return Severity.LOW;
    }
    if (value < 50) {
      return Severity.MEDIUM;
    }
    return value < 75 ? Severity.HIGH : Severity.CRITICAL;
  }

  /** Returns this score with {@code lowered} as its severity. */
  Score withSeverity(Severity lowered) {
    return new Score(lowered, value, certainty, factors);
  }
}
