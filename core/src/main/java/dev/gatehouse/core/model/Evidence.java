package dev.gatehouse.core.model;

import dev.gatehouse.core.record.AuthOutcome;

/**
 * One session listed as evidence of a detection.
 *
 * @param uid Zeek's connection id, or {@code null}
 * @param timestampMicros the session's start, in microseconds since the epoch
 * @param certainty what the model concluded for this session
 * @param auth the sensor's {@code auth_success}, kept three-valued
 * @param authAttempts Zeek's {@code auth_attempts}, or -1 when unset
 * @param reason a sentence stating why the session has its certainty
 * @param source where the ssh.log row was read, as {@code file:line}
 */
public record Evidence(
    String uid,
    long timestampMicros,
    int originatorPort,
    Certainty certainty,
    AuthOutcome auth,
    int authAttempts,
    String reason,
    String source) {}
