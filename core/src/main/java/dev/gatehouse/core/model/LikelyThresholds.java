package dev.gatehouse.core.model;

/**
 * When a session whose authentication outcome is unset counts as a likely login: conn.log must
 * show an established TCP session that lasted and carried data both ways beyond what a key
 * exchange and a failed attempt need.
 *
 * @param minDurationMicros the minimum duration, in microseconds
 * @param minOriginatorBytes the minimum payload bytes from the client
 * @param minResponderBytes the minimum payload bytes from the server
 */
public record LikelyThresholds(long minDurationMicros, long minOriginatorBytes, long minResponderBytes) {

  /** The defaults: 10 seconds, 4,000 bytes from the client and 4,000 from the server. */
  public static final LikelyThresholds DEFAULTS = new LikelyThresholds(10_000_000L, 4_000L, 4_000L);
}
