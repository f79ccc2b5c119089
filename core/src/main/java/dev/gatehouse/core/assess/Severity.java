package dev.gatehouse.core.assess;

import java.util.Locale;

/**
 * The severity levels of a detection, from the lowest to the highest. The same levels grade threat
 * lists and the criticality of inventory assets.
 */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** Returns the lower-case name used in the site file and in output. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the next lower level, or {@link #LOW} for {@link #LOW}. */
  public Severity lower() {
    return this == LOW ? LOW : values()[ordinal() - 1];
  }

  /** Returns the lower of this level and {@code other}. */
  public Severity min(Severity other) {
    return ordinal() <= other.ordinal() ? this : other;
  }

  /**
   * Parses a label case-insensitively.
   *
   * @return the level, or {@code null} when {@code text} is none of low, medium, high, critical
   */
  public static Severity parse(String text) {
    for (Severity severity : values()) {
      if (severity.label().equalsIgnoreCase(text.strip())) {
        return severity;
      }
    }
    return null;
  }
}
