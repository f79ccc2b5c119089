package dev.gatehouse.core.assess;

/**
 * The thresholds of the scoring factors that depend on counts, bytes and time.
 *
 * @param bruteForceMinFailures failed sessions of the pair before its first success from which
 *     the {@code brute_force} factor applies
 * @param sprayingMinHosts other internal hosts the source failed against from which the {@code
 *     spraying} factor applies
 * @param exfiltrationMinBytes payload bytes from the internal server to the client from which
 *     the {@code large_transfer_out} factor applies
 * @param longSessionMinMicros total session time, in microseconds, from which the {@code
 *     long_session} factor applies
 */
public record ScoringSettings(
    long bruteForceMinFailures, long sprayingMinHosts, long exfiltrationMinBytes, long longSessionMinMicros) {

  /** The defaults: 5 failures, 3 other hosts, 10,000,000 bytes out and one hour. */
  public static final ScoringSettings DEFAULTS =
      new ScoringSettings(5, 3, 10_000_000L, 3_600_000_000L);

  /** Checks that every threshold is at least 1. */
  public ScoringSettings {
    if (bruteForceMinFailures < 1 || sprayingMinHosts < 1 || exfiltrationMinBytes < 1
        || longSessionMinMicros < 1) {
      throw new IllegalArgumentException("every scoring threshold must be at least 1: " + bruteForceMinFailures
          + ", " + sprayingMinHosts + ", " + exfiltrationMinBytes + ", " + longSessionMinMicros);
    }
  }
}
