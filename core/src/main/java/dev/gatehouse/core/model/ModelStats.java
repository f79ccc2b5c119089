package dev.gatehouse.core.model;

/**
 * What the model did with the records it received, for the run summary.
 *
 * @param sshSessions ssh.log rows received
 * @param externalToInternal sessions from an external originator to an internal responder
 * @param internalToInternal sessions inside the site
 * @param internalToExternal sessions from the site to the outside
 * @param externalToExternal sessions between two external addresses
 * @param unroutable sessions with an unspecified, multicast, broadcast or reserved address
 * @param duplicateSessions ssh.log rows whose uid was already seen, counted once
 * @param connRecords conn.log rows received
 * @param connJoined conn.log rows joined to an external-to-internal session
 * @param zeekLocalityDisagreements rows whose {@code direction}, {@code local_orig} or
 *     {@code local_resp} disagree with the site's classification
 */
public record ModelStats(
    long sshSessions,
    long externalToInternal,
    long internalToInternal,
    long internalToExternal,
    long externalToExternal,
    long unroutable,
    long duplicateSessions,
    long connRecords,
    long connJoined,
    long zeekLocalityDisagreements) {}
