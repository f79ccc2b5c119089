package dev.gatehouse.core.model;

import dev.gatehouse.core.net.IpAddress;
import dev.gatehouse.core.net.Locality;
import dev.gatehouse.core.net.NetworkMap;
import dev.gatehouse.core.record.AuthOutcome;
import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.RecordSink;
import dev.gatehouse.core.record.SshSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model as it was before it aggregated rows as they arrive: it keeps every
 * external-to-internal session until {@link #finish()}. Tests compare the aggregating model
 * with it on the same rows.
 */
final class RetainingModel implements RecordSink {

  /** The model name written into every detection. */
  static final String NAME = SshExternalInternalModel.NAME;

  static final List<String> MITRE = SshExternalInternalModel.MITRE;

  private static final int PROFILE_CAP = 8;

  private final NetworkMap networks;
  private final ModelSettings settings;

  private final Map<String, Kept> sessionsByUid = new HashMap<>();
  private final List<Kept> sessionsWithoutUid = new ArrayList<>();
  private final Map<String, ConnSummary> connWaiting = new HashMap<>();
  private final Set<String> seenUids = new HashSet<>();
  private final Map<IpAddress, Map<IpAddress, List<Long>>> failuresBySource = new HashMap<>();

  private long sshSessions;
  private long externalToInternal;
  private long internalToInternal;
  private long internalToExternal;
  private long externalToExternal;
  private long unroutable;
  private long duplicateSessions;
  private long connRecords;
  private long connJoined;
  private long zeekLocalityDisagreements;

  /** A kept external-to-internal session and its conn.log row once joined. */
  private static final class Kept {
    final SshSession session;
    ConnSummary conn;

    Kept(SshSession session) {
      this.session = session;
    }
  }

  RetainingModel(NetworkMap networks, ModelSettings settings) {
    this.networks = networks;
    this.settings = settings;
  }

  @Override
  public void acceptSsh(SshSession session) {
    sshSessions++;
    Locality originator = networks.locality(session.originator());
    Locality responder = networks.locality(session.responder());
    if (originator == Locality.UNROUTABLE || responder == Locality.UNROUTABLE) {
      unroutable++;
      return;
    }
    checkZeekDirection(session.direction(), originator, responder);
    boolean inbound = originator == Locality.EXTERNAL && responder == Locality.INTERNAL;
    if (!inbound) {
      countOtherRelation(originator, responder);
      return;
    }
    String uid = session.uid();
    if (uid != null && !seenUids.add(uid)) {
      duplicateSessions++;
      return;
    }
    externalToInternal++;
    Kept kept = new Kept(session);
    if (uid == null) {
      sessionsWithoutUid.add(kept);
    } else {
      sessionsByUid.put(uid, kept);
      ConnSummary waiting = connWaiting.remove(uid);
      if (waiting != null) {
        kept.conn = waiting;
        connJoined++;
      }
    }
    if (session.auth() == AuthOutcome.FAILURE) {
      failuresBySource
          .computeIfAbsent(session.originator(), key -> new HashMap<>())
          .computeIfAbsent(session.responder(), key -> new ArrayList<>())
          .add(session.timestampMicros());
    }
  }

  @Override
  public void acceptConn(ConnSummary connection) {
    connRecords++;
    String uid = connection.uid();
    if (uid == null) {
      return;
    }
    Locality originator = networks.locality(connection.originator());
    Locality responder = networks.locality(connection.responder());
    checkZeekLocal(connection.localOriginator(), originator);
    checkZeekLocal(connection.localResponder(), responder);
    Kept kept = sessionsByUid.get(uid);
    if (kept != null) {
      if (kept.conn == null) {
        kept.conn = connection;
        connJoined++;
      }
      return;
    }
    if (!seenUids.contains(uid) && originator == Locality.EXTERNAL && responder == Locality.INTERNAL) {
      // The ssh.log row may still come: keep inbound connections until then.
      connWaiting.putIfAbsent(uid, connection);
    }
  }

  private void checkZeekDirection(String direction, Locality originator, Locality responder) {
    if (direction == null) {
      return;
    }
    String expected = originator == Locality.INTERNAL
        ? (responder == Locality.INTERNAL ? "INTERNAL" : "OUTBOUND")
        : (responder == Locality.INTERNAL ? "INBOUND" : "EXTERNAL");
    if (!expected.equals(direction)) {
      zeekLocalityDisagreements++;
    }
  }

  private void checkZeekLocal(Boolean zeekLocal, Locality locality) {
    if (zeekLocal != null && locality != Locality.UNROUTABLE
        && zeekLocal != (locality == Locality.INTERNAL)) {
      zeekLocalityDisagreements++;
    }
  }

  private void countOtherRelation(Locality originator, Locality responder) {
    if (originator == Locality.INTERNAL) {
      if (responder == Locality.INTERNAL) {
        internalToInternal++;
      } else {
        internalToExternal++;
      }
    } else {
      externalToExternal++;
    }
  }

  /** Returns the counters so far. */
  public ModelStats stats() {
    return new ModelStats(sshSessions, externalToInternal, internalToInternal, internalToExternal,
        externalToExternal, unroutable, duplicateSessions, connRecords, connJoined,
        zeekLocalityDisagreements);
  }

  /**
   * Grades and groups every kept session and returns the detections, ordered by first seen,
   * then source, destination and port.
   */
  public List<Detection> finish() {
    Map<PairKey, List<RetainedGraded>> pairs = new LinkedHashMap<>();
    for (Kept kept : sessionsByUid.values()) {
      addRetainedGraded(pairs, kept);
    }
    for (Kept kept : sessionsWithoutUid) {
      addRetainedGraded(pairs, kept);
    }
    List<Detection> detections = new ArrayList<>();
    RetainingDetectionBuilder builder = new RetainingDetectionBuilder(networks, settings, failuresBySource, PROFILE_CAP);
    for (Map.Entry<PairKey, List<RetainedGraded>> pair : pairs.entrySet()) {
      Detection detection = builder.build(pair.getKey(), pair.getValue());
      if (detection != null) {
        detections.add(detection);
      }
    }
    detections.sort(Comparator.comparingLong(Detection::firstSeenMicros)
        .thenComparing(Detection::source)
        .thenComparing(Detection::destination)
        .thenComparingInt(Detection::destinationPort));
    return detections;
  }

  private void addRetainedGraded(Map<PairKey, List<RetainedGraded>> pairs, Kept kept) {
    SshSession session = kept.session;
    PairKey key = new PairKey(session.originator(), session.responder(), session.responderPort());
    // Grading itself is the production grader's: this model differs only in what it keeps.
    ConnFigures figures = kept.conn == null ? null : ConnFigures.of(kept.conn);
    RetainedGraded graded = new RetainedGraded(session, kept.conn,
        SessionGrader.grade(session.auth(), figures, settings.likely()),
        SessionGrader.reason(session.auth(), figures, settings.likely()));
    pairs.computeIfAbsent(key, k -> new ArrayList<>()).add(graded);
  }
}
