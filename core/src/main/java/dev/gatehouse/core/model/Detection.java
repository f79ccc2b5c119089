package dev.gatehouse.core.model;

import dev.gatehouse.core.net.IpAddress;
import java.util.List;

/**
 * One detection of the {@code ssh_external_internal} model: logins from one external source to
 * one internal destination and port.
 *
 * @param id a stable id: the same input gives the same id on every run
 * @param certainty the strongest certainty among the pair's sessions
 * @param sourceNetwork the name of the source's network, or {@code null}
 * @param destinationNetwork the name of the destination's internal network, or {@code null}
 * @param firstSeenMicros the first reported session, in microseconds since the epoch
 * @param lastSeenMicros the last reported session
 * @param failuresBeforeFirstSuccess failed sessions of this pair before its first confirmed or
 *     likely session
 * @param sourceFailuresElsewhere failed sessions of this source against other internal hosts
 * @param sourceHostsFailedElsewhere how many other internal hosts those failures were against
 * @param evidence up to the configured number of reported sessions, earliest first
 * @param evidenceTotal how many sessions are reported in all
 * @param mitre the ATT&amp;CK technique ids
 */
public record Detection(
    String id,
    String model,
    Certainty certainty,
    IpAddress source,
    String sourceNetwork,
    IpAddress destination,
    int destinationPort,
    String destinationNetwork,
    long firstSeenMicros,
    long lastSeenMicros,
    SessionCounts sessions,
    long failuresBeforeFirstSuccess,
    long sourceFailuresElsewhere,
    long sourceHostsFailedElsewhere,
    Traffic traffic,
    SshProfile ssh,
    List<Evidence> evidence,
    long evidenceTotal,
    List<String> mitre) {}
