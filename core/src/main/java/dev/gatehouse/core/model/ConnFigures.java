package dev.gatehouse.core.model;

import dev.gatehouse.core.record.ConnSummary;

/**
 * What the model keeps of a conn.log row joined to a session: enough to grade an unset outcome
 * and to sum bytes and duration.
 *
 * @param connState Zeek's {@code conn_state}, or {@code null}
 * @param durationMicros the duration, or -1 when unset
 * @param originatorBytes payload bytes from the client, or -1 when unset
 * @param responderBytes payload bytes from the server, or -1 when unset
 */
record ConnFigures(String connState, long durationMicros, long originatorBytes, long responderBytes) {

  static ConnFigures of(ConnSummary conn) {
    return new ConnFigures(conn.connState(), conn.durationMicros(), conn.originatorBytes(),
        conn.responderBytes());
  }
}
