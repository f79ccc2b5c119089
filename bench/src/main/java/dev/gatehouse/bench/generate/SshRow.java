package dev.gatehouse.bench.generate;

/**
 * One generated ssh.log row.
 *
 * @param timestampMicros the session start, in microseconds since the epoch
 * @param authSuccess {@code TRUE} for T, {@code FALSE} for F, {@code null} when unset
 * @param authAttempts Zeek's auth_attempts
 */
record SshRow(
    long timestampMicros,
    String uid,
    String originator,
    int originatorPort,
    String responder,
    int responderPort,
    Boolean authSuccess,
    int authAttempts,
    String client,
    String server,
    String cipher,
    String mac,
    String kex,
    String hostKeyAlgorithm,
    String hostKey) {}
