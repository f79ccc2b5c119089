package dev.gatehouse.core.model;

import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.SshSession;
import java.util.Locale;
import java.util.Set;

/** The session grader of {@link RetainingModel}. */
final class RetainingGrader {

  /**
   * Zeek conn_state values of a TCP session whose handshake completed: SF (normal close), S1
   * (still open), S2 and S3 (one side closed), RSTO and RSTR (reset by one side after setup).
   */
  static final Set<String> ESTABLISHED_STATES = Set.of("SF", "S1", "S2", "S3", "RSTO", "RSTR");

  private RetainingGrader() {}

  static RetainedGraded grade(SshSession session, ConnSummary conn, LikelyThresholds thresholds) {
    return switch (session.auth()) {
      case SUCCESS -> new RetainedGraded(session, conn, Certainty.CONFIRMED, "auth_success is T");
      case FAILURE -> new RetainedGraded(session, conn, Certainty.FAILED, "auth_success is F");
      case UNSET -> gradeUnset(session, conn, thresholds);
    };
  }

  private static RetainedGraded gradeUnset(SshSession session, ConnSummary conn, LikelyThresholds thresholds) {
    if (conn == null) {
      return new RetainedGraded(session, null, Certainty.UNKNOWN,
          "auth_success is unset and no conn.log row has this uid");
    }
    String observed = describe(conn);
    String shortfall = shortfall(conn, thresholds);
    if (shortfall == null) {
      return new RetainedGraded(session, conn, Certainty.LIKELY, "auth_success is unset; conn.log shows "
          + observed + ", at or above the thresholds " + describe(thresholds));
    }
    return new RetainedGraded(session, conn, Certainty.UNKNOWN,
        "auth_success is unset; conn.log shows " + observed + ", but " + shortfall);
  }

  /** Returns why {@code conn} falls short of a likely login, or {@code null} when it does not. */
  private static String shortfall(ConnSummary conn, LikelyThresholds thresholds) {
    if (conn.connState() == null || !ESTABLISHED_STATES.contains(conn.connState())) {
      return "the TCP session was never established";
    }
    if (conn.durationMicros() < thresholds.minDurationMicros()) {
      return "it lasted less than " + seconds(thresholds.minDurationMicros());
    }
    if (conn.originatorBytes() < thresholds.minOriginatorBytes()) {
      return "the client sent less than " + thresholds.minOriginatorBytes() + " bytes";
    }
    if (conn.responderBytes() < thresholds.minResponderBytes()) {
      return "the server sent less than " + thresholds.minResponderBytes() + " bytes";
    }
    return null;
  }

  static String describe(ConnSummary conn) {
    String state = conn.connState() == null ? "an unset state" : "state " + conn.connState();
    String duration = conn.durationMicros() < 0 ? "an unset duration" : seconds(conn.durationMicros());
    return state + ", " + duration + ", " + bytes(conn.originatorBytes()) + " from the client and "
        + bytes(conn.responderBytes()) + " from the server";
  }

  private static String describe(LikelyThresholds thresholds) {
    return seconds(thresholds.minDurationMicros()) + ", " + thresholds.minOriginatorBytes()
        + " bytes from the client, " + thresholds.minResponderBytes() + " bytes from the server";
  }

  private static String bytes(long count) {
    return count < 0 ? "unset bytes" : count + " bytes";
  }

  static String seconds(long micros) {
    return String.format(Locale.ROOT, "%.1f s", micros / 1_000_000.0);
  }
}
