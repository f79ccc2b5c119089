package dev.gatehouse.bench.generate;

/**
 * One generated conn.log row.
 *
 * @param timestampMicros the connection start, in microseconds since the epoch
 * @param service the detected service, or {@code null} when unset
 * @param durationMicros the duration in microseconds, or -1 when unset
 * @param originatorBytes payload bytes from the originator, or -1 when unset
 * @param responderBytes payload bytes from the responder, or -1 when unset
 */
record ConnRow(
    long timestampMicros,
    String uid,
    String originator,
    int originatorPort,
    String responder,
    int responderPort,
    String protocol,
    String service,
    long durationMicros,
    long originatorBytes,
    long responderBytes,
    String connState,
    boolean localOriginator,
    boolean localResponder,
    String history) {

  /** Returns the packets one side sent for {@code payload} bytes: an estimate, never below 1. */
  static long packetsFor(long payload) {
    return payload <= 0 ? 1 : payload / 1200 + 2;
  }
}
