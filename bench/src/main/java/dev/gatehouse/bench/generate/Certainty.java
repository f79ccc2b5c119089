package dev.gatehouse.bench.generate;

import java.util.Locale;
import java.util.Set;

/**
 * A session's certainty, graded by the generator from the values it wrote. The rule is that of
 * docs/detection-schema.md. T is confirmed and F is failed. An unset outcome is likely when
 * the conn.log row shows an established TCP session of at least 10 s with at least 4000 payload
 * bytes each way, unknown otherwise. It does not call gatehouse's grading, so comparing the
 * two checks gatehouse.
 */
enum Certainty {
  CONFIRMED, LIKELY, UNKNOWN, FAILED;

  private static final Set<String> ESTABLISHED = Set.of("SF", "S1", "S2", "S3", "RSTO", "RSTR");
  private static final long MIN_DURATION_MICROS = 10_000_000L;
  private static final long MIN_BYTES = 4_000L;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Grades {@code ssh}, joined to {@code conn} or to no conn.log row when it is {@code null}. */
  static Certainty of(SshRow ssh, ConnRow conn) {
    if (ssh.authSuccess() != null) {
      return ssh.authSuccess() ? CONFIRMED : FAILED;
    }
    if (conn == null) {
      return UNKNOWN;
    }
    boolean likely = ESTABLISHED.contains(conn.connState())
        && conn.durationMicros() >= MIN_DURATION_MICROS
        && conn.originatorBytes() >= MIN_BYTES
        && conn.responderBytes() >= MIN_BYTES;
    return likely ? LIKELY : UNKNOWN;
  }
}
