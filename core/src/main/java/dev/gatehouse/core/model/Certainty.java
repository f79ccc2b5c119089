package dev.gatehouse.core.model;

import java.util.Locale;

/** How sure the model is that a session was a successful login, strongest first. */
public enum Certainty {
  /** The sensor saw the authentication succeed ({@code auth_success} T). */
  CONFIRMED,
  /**
   * The outcome is unset, but conn.log shows an established session with data both ways
   * beyond the {@link LikelyThresholds}.
   */
  LIKELY,
  /** The outcome is unset and nothing shows that the session went past authentication. */
  UNKNOWN,
  /** The sensor saw the authentication fail ({@code auth_success} F). */
  FAILED;

  /** Returns whether this certainty is at least as strong as {@code minimum}. */
  public boolean atLeast(Certainty minimum) {
    return ordinal() <= minimum.ordinal();
  }

  /** Returns the lower-case name used in output and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a label case-insensitively.
   *
   * @throws IllegalArgumentException naming the value and the accepted labels
   */
  public static Certainty parse(String text) {
    for (Certainty certainty : values()) {
      if (certainty.label().equalsIgnoreCase(text.strip())) {
        return certainty;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a certainty: expected confirmed, likely,"
        + " unknown or failed");
  }
}
