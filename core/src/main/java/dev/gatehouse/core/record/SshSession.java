package dev.gatehouse.core.record;

import dev.gatehouse.core.net.IpAddress;

/**
 * One row of Zeek's ssh.log: a single SSH connection with what the sensor learned of it.
 *
 * <p>Text fields are {@code null} when the sensor left them unset and may be empty when it
 * wrote an empty value; both are kept apart. The text fields come from the wire and are
 * attacker-controlled.
 *
 * @param timestampMicros the connection's start, in microseconds since the epoch (UTC)
 * @param uid Zeek's connection id, shared with conn.log; {@code null} when absent
 * @param authAttempts the authentication attempts Zeek counted, or -1 when unset
 * @param direction Zeek's {@code direction} value, advisory only, or {@code null}
 * @param hostKey the host key fingerprint ({@code host_key} or {@code host_key_fingerprint})
 * @param origin where the row was read
 */
public record SshSession(
    long timestampMicros,
    String uid,
    IpAddress originator,
    int originatorPort,
    IpAddress responder,
    int responderPort,
    AuthOutcome auth,
    int authAttempts,
    String direction,
    String client,
    String server,
    String cipherAlgorithm,
    String macAlgorithm,
    String kexAlgorithm,
    String hostKeyAlgorithm,
    String hostKey,
    RecordOrigin origin) {}
