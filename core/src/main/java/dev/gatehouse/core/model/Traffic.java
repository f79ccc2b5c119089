package dev.gatehouse.core.model;

/**
 * Bytes and duration summed over a detection's reported sessions that have a conn.log row.
 *
 * @param sessionsWithConn how many of the reported sessions were joined to conn.log; when 0,
 *     bytes and duration are unknown and the other fields are -1
 * @param originatorBytes payload bytes from the external client, summed over the joined sessions
 *     whose conn.log row sets them; -1 when none does
 * @param responderBytes payload bytes from the internal server, likewise
 * @param durationMicros total duration in microseconds, likewise
 */
public record Traffic(long sessionsWithConn, long originatorBytes, long responderBytes, long durationMicros) {

  /** Returns whether any reported session was joined to conn.log. */
  public boolean known() {
    return sessionsWithConn > 0;
  }
}
