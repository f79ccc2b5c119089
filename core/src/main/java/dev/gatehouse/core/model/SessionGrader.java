package dev.gatehouse.core.model;

import dev.gatehouse.core.record.AuthOutcome;
import java.math.BigDecimal;
import java.util.Set;

/** Gives one session its {@link Certainty} and the sentence that explains it. */
final class SessionGrader {

  /**
   * Zeek conn_state values of a TCP session whose handshake completed: SF (normal close), S1
   * (still open), S2 and S3 (one side closed), RSTO and RSTR (reset by one side after setup).
   */
  static final Set<String> ESTABLISHED_STATES = Set.of("SF", "S1", "S2", "S3", "RSTO", "RSTR");

  private SessionGrader() {}

  /** Returns the certainty of a session with outcome {@code auth} and conn.log row {@code conn}. */
  static Certainty grade(AuthOutcome auth, ConnFigures conn, LikelyThresholds thresholds) {
    return switch (auth) {
      case SUCCESS -> Certainty.CONFIRMED;
      case FAILURE -> Certainty.FAILED;
      case UNSET -> conn != null && shortfall(conn, thresholds) == null
          ? Certainty.LIKELY
          : Certainty.UNKNOWN;
    };
  }

  /** Returns the sentence that explains {@link #grade} for the same arguments. */
  static String reason(AuthOutcome auth, ConnFigures conn, LikelyThresholds thresholds) {
    return switch (auth) {
      case SUCCESS -> "auth_success is T";
      case FAILURE -> "auth_success is F";
      case UNSET -> unsetReason(conn, thresholds);
    };
  }

  private static String unsetReason(ConnFigures conn, LikelyThresholds thresholds) {
    if (conn == null) {
      return "auth_success is unset and no conn.log row has this uid";
    }
    String observed = describe(conn);
    String shortfall = shortfall(conn, thresholds);
    if (shortfall == null) {
      return "auth_success is unset; conn.log shows " + observed + ", at or above the thresholds "
          + describe(thresholds);
    }
    return "auth_success is unset; conn.log shows " + observed + ", but " + shortfall;
  }

  /** Returns why {@code conn} falls short of a likely login, or {@code null} when it does not. */
  private static String shortfall(ConnFigures conn, LikelyThresholds thresholds) {
    if (conn.connState() == null || !ESTABLISHED_STATES.contains(conn.connState())) {
      return "the TCP session was never established";
    }
    if (conn.durationMicros() < 0) {
      return "its duration is unset";
    }
    if (conn.durationMicros() < thresholds.minDurationMicros()) {
      return "it lasted less than " + seconds(thresholds.minDurationMicros());
    }
    if (conn.originatorBytes() < 0) {
      return "the client's byte count is unset";
    }
    if (conn.originatorBytes() < thresholds.minOriginatorBytes()) {
      return "the client sent less than " + thresholds.minOriginatorBytes() + " bytes";
    }
    if (conn.responderBytes() < 0) {
      return "the server's byte count is unset";
    }
    if (conn.responderBytes() < thresholds.minResponderBytes()) {
      return "the server sent less than " + thresholds.minResponderBytes() + " bytes";
    }
    return null;
  }

  static String describe(ConnFigures conn) {
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

  /** Returns {@code micros} in seconds without rounding, such as {@code 9.999999 s} or {@code 10 s}. */
  static String seconds(long micros) {
    return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString() + " s";
  }
}
