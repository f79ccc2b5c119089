package dev.gatehouse.core.record;

import dev.gatehouse.core.net.IpAddress;

/**
 * The fields of one Zeek conn.log row that the SSH model uses.
 *
 * @param timestampMicros the connection's start, in microseconds since the epoch (UTC)
 * @param durationMicros the connection's duration in microseconds, or -1 when unset
 * @param originatorBytes payload bytes sent by the originator, or -1 when unset
 * @param responderBytes payload bytes sent by the responder, or -1 when unset
 * @param connState Zeek's {@code conn_state} (SF, S1, REJ, ...), or {@code null}
 * @param history Zeek's {@code history} string, or {@code null}
 * @param localOriginator Zeek's {@code local_orig}: advisory, {@code null} when unset
 * @param localResponder Zeek's {@code local_resp}: advisory, {@code null} when unset
 * @param origin where the row was read
 */
public record ConnSummary(
    long timestampMicros,
    String uid,
    IpAddress originator,
    int originatorPort,
    IpAddress responder,
    int responderPort,
    String protocol,
    String service,
    long durationMicros,
    long originatorBytes,
    long responderBytes,
    String connState,
    String history,
    Boolean localOriginator,
    Boolean localResponder,
    RecordOrigin origin) {}
