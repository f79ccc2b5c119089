package dev.gatehouse.core.model;

import dev.gatehouse.core.net.Locality;
import dev.gatehouse.core.net.NetworkMap;
import dev.gatehouse.core.record.AuthOutcome;
import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.RecordOrigin;
import dev.gatehouse.core.record.RecordSink;
import dev.gatehouse.core.record.SshSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ssh_external_internal} model: successful SSH logins from an external source to an
 * internal host (MITRE ATT&amp;CK T1133, and T1048 for data carried out over the session).
 *
 * <h2>Design</h2>
 * Readers push ssh.log and conn.log rows in any order. Each ssh.log row is classified by the
 * site's {@link NetworkMap} alone; a row whose originator is external and whose responder is
 * internal is aggregated at once into its (source, destination, destination port) pair: counts
 * by {@link Certainty}, the first success, the failures before it, and for the sessions that
 * will be reported the first and last start, the traffic, the earliest evidence and the
 * distinct SSH profile values. conn.log rows are joined by uid whenever they arrive. A session
 * whose {@code auth_success} is unset can only be graded once its conn.log row is known, so it
 * waits in a compact form until the row arrives or the run ends. {@link #finish()} grades the
 * sessions still waiting and returns one {@link Detection} per pair whose strongest session
 * reaches the configured minimum.
 *
 * <p>Memory grows with the distinct pairs, with a 16-byte uid entry per external-to-internal
 * session (to drop repeated uids and to join conn.log), and with 36 bytes per session of unset
 * outcome whose conn.log row has not arrived. Rows between internal hosts, to the outside or
 * between outside hosts cost one counter each, and conn.log rows are kept only when they come
 * before the ssh.log row of an external-to-internal connection.
 *
 * <h2>What it assumes, and the known evasions</h2>
 * <ul>
 *   <li>NAT: a sensor behind NAT sees the translated address, so an outside login may appear as
 *       internal-to-internal. Place sensors where they see the real outside address, or list
 *       the NAT's inside address as external in the site file.
 *   <li>Reverse SSH: a session opened from inside to an outside server, whose direction is then
 *       reversed, has an internal originator and is not reported by this model.
 *   <li>Zeek's heuristics: {@code auth_success} is inferred from packet sizes and is unset for
 *       many sessions; the conn.log evidence behind {@link Certainty#LIKELY} covers part of
 *       them. A login with no ssh.log row at all (an analyzer miss) is not seen.
 *   <li>Log gaps: sessions that only appear in open_conn.log or fall in a rotation gap are not
 *       seen; rows repeated across overlapping files are counted once by uid.
 * </ul>
 *
 * <p>Not thread-safe: one instance per run, fed from one thread or under the caller's lock.
 * Reader threads may fill {@link SessionBatch}es in parallel for {@link #apply}. Rows given
 * after {@link #finish()} are not reflected in its result.
 */
public final class SshExternalInternalModel implements RecordSink {

  /** The model name written into every detection. */
  public static final String NAME = "ssh_external_internal";

  static final List<String> MITRE = List.of("T1133", "T1048");

  // Index values: a 2-bit tag and a payload (a pair id or a pending slot) above it.
  private static final int PENDING = 1;
  private static final int CONFIRMED = 2;
  private static final int FAILED = 3;
  /** The conn.log row is joined, or the session was graded without one. */
  private static final int DONE = 4;
  private static final AuthOutcome[] OUTCOMES = AuthOutcome.values();
  /** Rows whose table slots are read ahead together; see {@link #touch}. */
  private static final int TOUCH_BLOCK = 32;
  private final int[] blockPairs = new int[TOUCH_BLOCK];

  private final NetworkMap networks;
  private final ModelSettings settings;
  private final Certainty minimum;

  private final RowCounters counters = new RowCounters();
  private long externalToInternal;
  private long duplicateSessions;
  private long connJoined;

  private final PairTable pairs = new PairTable();
  /**
   * Every external-to-internal session with a uid, to the state of its conn.log join; a set of
   * the uids alone after {@link #expectNoConnRows()}.
   */
  private UidTable sessions = new UidTable(true);
  private final PendingSessions pending = new PendingSessions();
  private final FailureLog failures = new FailureLog();
  /** conn.log rows of external-to-internal connections whose ssh.log row has not arrived. */
  private final UidTable waiting = new UidTable(true);
  private final List<ConnFigures> waitingRows = new ArrayList<>();
  private final List<Integer> freeWaitingRows = new ArrayList<>();
  private long waitingCount;
  private final ProfileValues profiles = new ProfileValues();
  /** The profile value ids of the session being aggregated. */
  private final int[] profileIds = new int[ProfileValues.FIELDS];
  private boolean connRowsExpected = true;
  private boolean rowsSeen;
  private final List<String> sourceNames = new ArrayList<>();
  private final Map<String, Integer> sourceIds = new HashMap<>();
  private final UidCodec codec = new UidCodec();
  /** Counts sessions without a uid, to order them by arrival. */
  private long arrivals;
  private List<Detection> detections;
  /** The sum of the words {@link #touch} read, kept so that the reads are not optimized away. */
  private long touched;

  public SshExternalInternalModel(NetworkMap networks, ModelSettings settings) {
    this.networks = networks;
    this.settings = settings;
    this.minimum = settings.minimumCertainty();
  }

  /**
   * Returns whether a session with this outcome can be reported at {@code minimum}: a session of
   * unset outcome becomes likely or unknown, and only unknown when no conn.log rows are expected.
   */
  static boolean reportable(AuthOutcome auth, Certainty minimum, boolean connRowsExpected) {
    return switch (auth) {
      case SUCCESS -> true;
      case UNSET -> (connRowsExpected ? Certainty.LIKELY : Certainty.UNKNOWN).atLeast(minimum);
      case FAILURE -> minimum == Certainty.FAILED;
    };
  }

  /**
   * Promises that no conn.log row will join a session of unset outcome, so that such sessions
   * are graded as they arrive instead of waiting in memory for their conn.log row. A driver
   * calls it when none of its inputs is a conn log. A conn.log row that arrives before its
   * ssh.log row is still joined.
   *
   * @throws IllegalStateException if rows or batches were already given to the model
   */
  public void expectNoConnRows() {
    if (rowsSeen) {
      throw new IllegalStateException("expectNoConnRows() must come before the first row or batch");
    }
    connRowsExpected = false;
    sessions = new UidTable(false);
  }

  /** Returns an empty batch for a reader thread to fill; see {@link SessionBatch}. */
  public SessionBatch newBatch() {
    rowsSeen = true;
    return new SessionBatch(networks, minimum, connRowsExpected);
  }

  @Override
  public void acceptSsh(SshSession session) {
    rowsSeen = true;
    Locality originator = networks.locality(session.originator());
    Locality responder = networks.locality(session.responder());
    if (!counters.classifySsh(originator, responder, SessionBatch.directionCode(session.direction()))) {
      return;
    }
    byte uidKind;
    String uidText = null;
    if (session.uid() == null) {
      uidKind = SessionKey.NO_UID;
    } else if (codec.parse(session.uid())) {
      uidKind = SessionKey.PACKED;
    } else {
      uidKind = SessionKey.TEXT;
      uidText = session.uid();
    }
    boolean withProfile = reportable(session.auth(), minimum, connRowsExpected);
    if (withProfile) {
      profileIds[0] = profiles.intern(0, session.client());
      profileIds[1] = profiles.intern(1, session.server());
      profileIds[2] = profiles.intern(2, session.hostKey());
      profileIds[3] = profiles.intern(3, session.hostKeyAlgorithm());
      profileIds[4] = profiles.intern(4, session.kexAlgorithm());
      profileIds[5] = profiles.intern(5, session.cipherAlgorithm());
      profileIds[6] = profiles.intern(6, session.macAlgorithm());
    }
    RecordOrigin origin = session.origin();
    applySsh(-1, session.timestampMicros(), uidKind, codec.high, codec.low, uidText,
        session.originator().high(), session.originator().low(), session.originatorPort(),
        session.responder().high(), session.responder().low(), session.responderPort(),
        session.auth(), session.authAttempts(), withProfile,
        origin == null ? -1 : sourceId(origin.source()), origin == null ? 0 : origin.line());
  }

  @Override
  public void acceptConn(ConnSummary connection) {
    rowsSeen = true;
    counters.connRecords++;
    String uid = connection.uid();
    if (uid == null) {
      return;
    }
    Locality originator = networks.locality(connection.originator());
    Locality responder = networks.locality(connection.responder());
    counters.checkZeekLocal(local(connection.localOriginator()), originator);
    counters.checkZeekLocal(local(connection.localResponder()), responder);
    boolean canonical = codec.parse(uid);
    applyConn(canonical ? SessionKey.PACKED : SessionKey.TEXT, codec.high, codec.low,
        canonical ? null : uid, originator == Locality.EXTERNAL && responder == Locality.INTERNAL,
        connection.connState(), connection.durationMicros(), connection.originatorBytes(),
        connection.responderBytes());
  }

  private static int local(Boolean zeekLocal) {
    if (zeekLocal == null) {
      return SessionBatch.LOCAL_UNSET;
    }
    return zeekLocal ? SessionBatch.LOCAL_TRUE : SessionBatch.LOCAL_FALSE;
  }

  /**
   * Applies the rows of a batch in order, as if each had been passed to {@link #acceptSsh} or
   * {@link #acceptConn}.
   *
   * @param source the name of the source the rows were read from, for evidence
   * @param lineBase the number added to the batch's line numbers to make them lines of the source
   */
  public void apply(SessionBatch batch, String source, long lineBase) {
    rowsSeen = true;
    int sourceId = sourceId(source);
    for (int blockStart = 0; blockStart < batch.size; blockStart += TOUCH_BLOCK) {
      int blockEnd = Math.min(batch.size, blockStart + TOUCH_BLOCK);
      touch(batch, blockStart, blockEnd);
      findPairs(batch, blockStart, blockEnd);
      for (int row = blockStart; row < blockEnd; row++) {
        applyRow(batch, row, sourceId, lineBase, blockPairs[row - blockStart]);
      }
    }
    counters.add(batch.counters);
  }

  /**
   * Reads the table slots the rows of a block will look up, so that their cache misses overlap
   * instead of following one another. Looking up 3.6 million uids in a table of 85 MB took 87 ns
   * a uid one by one and 50 ns with the slots of each 16 read first (a 2-core VM with Java 17).
   */
  private void touch(SessionBatch batch, int from, int to) {
    long sum = 0;
    for (int row = from; row < to; row++) {
      if (batch.uidKinds[row] == SessionKey.PACKED) {
        sum += sessions.touch(batch.uidHighs[row], batch.uidLows[row]);
      }
      if (batch.kinds[row] == SessionBatch.SSH) {
        sum += pairs.touch(batch.sourceHighs[row], batch.sourceLows[row],
            batch.destinationHighs[row], batch.destinationLows[row], batch.destinationPorts[row]);
      }
    }
    touched += sum;
  }

  /**
   * Finds or creates the pairs of the ssh rows of a block, in row order, after {@link #touch}
   * brought their slots into the cache.
   */
  private void findPairs(SessionBatch batch, int from, int to) {
    int previous = -1;
    for (int row = from; row < to; row++) {
      if (batch.kinds[row] != SessionBatch.SSH) {
        continue;
      }
      // Scanners send runs of sessions to one pair: reuse the id of the row before.
      if (previous >= 0 && batch.sourceLows[row] == batch.sourceLows[previous]
          && batch.destinationLows[row] == batch.destinationLows[previous]
          && batch.destinationPorts[row] == batch.destinationPorts[previous]
          && batch.sourceHighs[row] == batch.sourceHighs[previous]
          && batch.destinationHighs[row] == batch.destinationHighs[previous]) {
        blockPairs[row - from] = blockPairs[previous - from];
      } else {
        blockPairs[row - from] = pairs.idOf(batch.sourceHighs[row], batch.sourceLows[row],
            batch.destinationHighs[row], batch.destinationLows[row], batch.destinationPorts[row]);
      }
      previous = row;
    }
  }

  private void applyRow(SessionBatch batch, int row, int sourceId, long lineBase, int pairId) {
    if (batch.kinds[row] == SessionBatch.SSH) {
      int start = batch.profileStarts[row];
      if (start >= 0) {
        for (int field = 0; field < ProfileValues.FIELDS; field++) {
          int length = batch.fieldLengths[start + field];
          int from = batch.fieldOffsets[start + field];
          profileIds[field] = length < 0 ? -1 : profiles.intern(field, batch.profileBytes, from,
              from + length, batch.fieldHashes[start + field]);
        }
      }
      applySsh(pairId, batch.timestamps[row], batch.uidKinds[row], batch.uidHighs[row],
          batch.uidLows[row], batch.uidTexts[row], batch.sourceHighs[row],
          batch.sourceLows[row], batch.sourcePorts[row], batch.destinationHighs[row],
          batch.destinationLows[row], batch.destinationPorts[row],
          OUTCOMES[batch.auths[row]], batch.attempts[row], start >= 0, sourceId,
          batch.lines[row] + lineBase);
    } else {
      applyConn(batch.uidKinds[row], batch.uidHighs[row], batch.uidLows[row],
          batch.uidTexts[row], batch.inbound[row], batch.connStates[row],
          batch.timestamps[row], batch.sourceHighs[row], batch.sourceLows[row]);
    }
  }

  private int sourceId(String source) {
    Integer id = sourceIds.get(source);
    if (id == null) {
      id = sourceNames.size();
      sourceNames.add(source);
      sourceIds.put(source, id);
    }
    return id;
  }

  /** Aggregates an external-to-internal session into its pair. */
  private void applySsh(int knownPairId, long ts, byte uidKind, long uidHigh, long uidLow,
      String uidText, long sourceHigh, long sourceLow, int sourcePort, long destinationHigh,
      long destinationLow, int destinationPort, AuthOutcome auth, int attempts,
      boolean withProfile, int sourceId, long line) {
    int[] profile = withProfile ? profileIds : null;
    int pairId = knownPairId >= 0 ? knownPairId
        : pairs.idOf(sourceHigh, sourceLow, destinationHigh, destinationLow, destinationPort);
    ConnFigures conn = null;
    if (uidKind != SessionKey.NO_UID) {
      if (waitingCount > 0) {
        conn = takeWaiting(uidKind, uidHigh, uidLow, uidText);
      }
      int state;
      if (conn != null) {
        state = DONE;
      } else {
        state = switch (auth) {
          case SUCCESS -> (pairId << 2) | CONFIRMED;
          case FAILURE -> (pairId << 2) | FAILED;
          case UNSET -> (pending.nextSlot() << 2) | PENDING;
        };
      }
      int present = uidKind == SessionKey.PACKED
          ? sessions.putIfAbsent(uidHigh, uidLow, state)
          : sessions.putIfAbsentText(uidText, state);
      if (present != 0) {
        // NOTE: the first row of a uid wins, so two rows with one uid but different outcomes or
        // pairs (not the identical rows of overlapping rotated files) depend on reading order.
        duplicateSessions++;
        return;
      }
      if (conn != null) {
        connJoined++;
      }
    }
    externalToInternal++;
    long arrival = uidKind == SessionKey.NO_UID ? ++arrivals : 0;
    switch (auth) {
      case FAILURE -> {
        pairs.failed[pairId]++;
        failures.add(pairId, ts);
        if (minimum == Certainty.FAILED) {
          Pair pair = pairs.details(pairId);
          SessionKey key = new SessionKey(ts, uidKind, uidHigh, uidLow, uidText, sourcePort, arrival);
          pair.offerFailed(key);
          report(pair, key, Certainty.FAILED, auth, attempts, conn, profile, sourceId, line);
        }
      }
      case SUCCESS -> {
        Pair pair = pairs.details(pairId);
        SessionKey key = offerNonFailed(pairId, ts, uidKind, uidHigh, uidLow, uidText, sourcePort, arrival);
        if (key == null) {
          key = new SessionKey(ts, uidKind, uidHigh, uidLow, uidText, sourcePort, arrival);
        }
        pair.report().confirmed++;
        pair.addSuccess(ts);
        report(pair, key, Certainty.CONFIRMED, auth, attempts, conn, profile, sourceId, line);
      }
      case UNSET -> {
        SessionKey key = offerNonFailed(pairId, ts, uidKind, uidHigh, uidLow, uidText, sourcePort, arrival);
        pairs.unset[pairId]++;
        if (uidKind == SessionKey.NO_UID || conn != null || !connRowsExpected) {
          Certainty certainty = SessionGrader.grade(AuthOutcome.UNSET, conn, settings.likely());
          if (certainty == Certainty.LIKELY || certainty.atLeast(minimum)) {
            if (key == null) {
              key = new SessionKey(ts, uidKind, uidHigh, uidLow, uidText, sourcePort, arrival);
            }
            gradeUnset(pairs.details(pairId), key, attempts, conn, profile, sourceId, line);
          }
        } else {
          pending.add(ts, sourcePort, attempts, sourceId, line, profile, pairId);
        }
      }
    }
  }


  /**
   * Makes the session the pair's first non-failed one when it is earlier, and returns its key,
   * or {@code null} when the key was not needed.
   */
  private SessionKey offerNonFailed(int pairId, long ts, byte uidKind, long uidHigh,
      long uidLow, String uidText, int sourcePort, long arrival) {
    if (ts > pairs.firstNonFailed[pairId]) {
      return null;
    }
    Pair pair = pairs.details(pairId);
    if (pair.firstNonFailed == null || SessionKey.compare(ts, uidKind, uidHigh, uidLow, uidText,
        sourcePort, arrival, pair.firstNonFailed) < 0) {
      pair.firstNonFailed = new SessionKey(ts, uidKind, uidHigh, uidLow, uidText, sourcePort, arrival);
      pairs.firstNonFailed[pairId] = ts;
      return pair.firstNonFailed;
    }
    return null;
  }

  /** Grades a session of unset outcome once its conn.log row, or its absence, is known. */
  private void gradeUnset(Pair pair, SessionKey key, int attempts, ConnFigures conn,
      int[] profile, int sourceId, long line) {
    Certainty certainty = SessionGrader.grade(AuthOutcome.UNSET, conn, settings.likely());
    if (certainty == Certainty.LIKELY) {
      pair.report().likely++;
      pair.addSuccess(key.timestampMicros);
    }
    if (certainty.atLeast(minimum)) {
      report(pair, key, certainty, AuthOutcome.UNSET, attempts, conn, profile, sourceId, line);
    }
  }

  private void report(Pair pair, SessionKey key, Certainty certainty, AuthOutcome auth,
      int attempts, ConnFigures conn, int[] profile, int sourceId, long line) {
    pair.report().addReported(key, certainty, auth, attempts, conn, profile, profiles,
        sourceId < 0 ? null : sourceNames.get(sourceId), line, settings.maxEvidence());
  }

  /** Joins a conn.log row with a uid to its session, or keeps it until the session arrives. */
  private void applyConn(byte uidKind, long uidHigh, long uidLow, String uidText, boolean inbound,
      String connState, long durationMicros, long originatorBytes, long responderBytes) {
    boolean canonical = uidKind == SessionKey.PACKED;
    int state = canonical ? sessions.get(uidHigh, uidLow) : sessions.getText(uidText);
    if (state == 0) {
      if (inbound) {
        keepWaiting(uidKind, uidHigh, uidLow, uidText,
            new ConnFigures(connState, durationMicros, originatorBytes, responderBytes));
      }
      return;
    }
    if (!connRowsExpected) {
      // The set does not tell sessions graded without conn.log from others: give up on all.
      throw new ConnRowsNotExpectedException("a conn.log row with uid "
          + (canonical ? UidCodec.format(uidHigh, uidLow) : uidText)
          + " arrived for an ssh.log session after expectNoConnRows()");
    }
    if (state == DONE) {
      return;
    }
    connJoined++;
    if (canonical) {
      sessions.replace(uidHigh, uidLow, DONE);
    } else {
      sessions.replaceText(uidText, DONE);
    }
    ConnFigures conn = new ConnFigures(connState, durationMicros, originatorBytes, responderBytes);
    int payload = state >>> 2;
    switch (state & 3) {
      case PENDING -> gradePending(payload, uidKind, uidHigh, uidLow, uidText, conn);
      case CONFIRMED -> pairs.details(payload).report().addTraffic(conn);
      default -> {
        if (minimum == Certainty.FAILED) {
          pairs.details(payload).report().addTraffic(conn);
        }
      }
    }
  }

  private void gradePending(int slot, byte uidKind, long uidHigh, long uidLow, String uidText,
      ConnFigures conn) {
    Pair pair = pairs.details(pending.pairId(slot));
    SessionKey key = new SessionKey(pending.timestamp(slot), uidKind, uidHigh, uidLow, uidText,
        pending.originatorPort(slot), 0);
    pending.profile(slot, profileIds);
    gradeUnset(pair, key, pending.authAttempts(slot), conn, profileIds, pending.sourceId(slot),
        pending.line(slot));
    pending.release(slot);
  }

  private void keepWaiting(byte uidKind, long uidHigh, long uidLow, String uidText, ConnFigures conn) {
    int row = freeWaitingRows.isEmpty() ? waitingRows.size() : freeWaitingRows.get(freeWaitingRows.size() - 1);
    int present = uidKind == SessionKey.PACKED
        ? waiting.putIfAbsent(uidHigh, uidLow, row + 1)
        : waiting.putIfAbsentText(uidText, row + 1);
    if (present != 0) {
      return;
    }
    if (row == waitingRows.size()) {
      waitingRows.add(conn);
    } else {
      freeWaitingRows.remove(freeWaitingRows.size() - 1);
      waitingRows.set(row, conn);
    }
    waitingCount++;
  }

  private ConnFigures takeWaiting(byte uidKind, long uidHigh, long uidLow, String uidText) {
    int row = uidKind == SessionKey.PACKED ? waiting.remove(uidHigh, uidLow) : waiting.removeText(uidText);
    if (row == 0) {
      return null;
    }
    waitingCount--;
    ConnFigures conn = waitingRows.get(row - 1);
    waitingRows.set(row - 1, null);
    freeWaitingRows.add(row - 1);
    return conn;
  }

  /** Returns the counters so far. */
  public ModelStats stats() {
    return new ModelStats(counters.sshSessions, externalToInternal, counters.internalToInternal,
        counters.internalToExternal, counters.externalToExternal, counters.unroutable,
        duplicateSessions, counters.connRecords, connJoined, counters.zeekLocalityDisagreements);
  }

  /**
   * Grades the sessions still waiting for a conn.log row and returns the detections, ordered by
   * first seen, then source, destination and port. Later calls return the same list.
   */
  public List<Detection> finish() {
    if (detections == null) {
      gradeRemainingPending();
      detections = new DetectionBuilder(networks, settings).build(pairs, failures);
    }
    return detections;
  }

  private void gradeRemainingPending() {
    if (!connRowsExpected) {
      return;
    }
    sessions.forEach((high, low, text, state) -> {
      if ((state & 3) == PENDING) {
        byte kind = text == null ? SessionKey.PACKED : SessionKey.TEXT;
        int slot = state >>> 2;
        Pair pair = pairs.details(pending.pairId(slot));
        SessionKey key = new SessionKey(pending.timestamp(slot), kind, high, low, text,
            pending.originatorPort(slot), 0);
        pending.profile(slot, profileIds);
        gradeUnset(pair, key, pending.authAttempts(slot), null, profileIds,
            pending.sourceId(slot), pending.line(slot));
      }
    });
  }
}
