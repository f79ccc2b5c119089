package dev.gatehouse.core.model;

import dev.gatehouse.core.record.AuthOutcome;
import java.util.Arrays;
import java.util.List;

/**
 * The aggregates of one pair's successful and reported sessions, created with the pair's first
 * such session. They are the counts of confirmed and likely sessions and the first success, and
 * for the reported sessions the first and last start, the traffic, the earliest evidence and
 * the distinct SSH profile values.
 *
 * <p>Every part is bounded: the evidence keeps the {@code maxEvidence} earliest sessions and
 * each profile field the {@link ProfileList#CAPACITY} values that appear first, so memory does
 * not grow with the number of sessions.
 */
final class PairReport {

  long confirmed;
  long likely;
  /** The start of the earliest confirmed or likely session, or {@link Long#MAX_VALUE}. */
  long firstSuccess = Long.MAX_VALUE;

  long firstSeen = Long.MAX_VALUE;
  long lastSeen = Long.MIN_VALUE;

  long sessionsWithConn;
  /** Sums over the joined sessions that have the value; -1 while none has it. */
  long originatorBytes = -1;
  long responderBytes = -1;
  long durationMicros = -1;

  private EvidenceEntry[] evidence = new EvidenceEntry[0];
  private int evidenceSize;
  private final ProfileList[] profile = new ProfileList[ProfileValues.FIELDS];

  /** One reported session kept as evidence. */
  record EvidenceEntry(SessionKey key, Certainty certainty, AuthOutcome auth, int authAttempts,
      ConnFigures conn, String source, long line) {}

  /** Adds a reported session. */
  void addReported(SessionKey key, Certainty certainty, AuthOutcome auth, int authAttempts,
      ConnFigures conn, int[] profileIds, ProfileValues profileValues, String source, long line,
      int maxEvidence) {
    long ts = key.timestampMicros;
    firstSeen = Math.min(firstSeen, ts);
    lastSeen = Math.max(lastSeen, ts);
    if (conn != null) {
      addTraffic(conn);
    }
    addEvidence(new EvidenceEntry(key, certainty, auth, authAttempts, conn, source, line), maxEvidence);
    if (profileIds != null) {
      for (int i = 0; i < ProfileValues.FIELDS; i++) {
        String value = profileValues.value(i, profileIds[i]);
        if (value != null && !value.isEmpty()) {
          if (profile[i] == null) {
            profile[i] = new ProfileList();
          }
          profile[i].offer(value, key);
        }
      }
    }
  }

  /** Adds the conn.log row of a reported session to the traffic sums. */
  void addTraffic(ConnFigures conn) {
    sessionsWithConn++;
    originatorBytes = addKnown(originatorBytes, conn.originatorBytes());
    responderBytes = addKnown(responderBytes, conn.responderBytes());
    durationMicros = addKnown(durationMicros, conn.durationMicros());
  }

  /** Returns {@code sum} plus {@code value}, where -1 in either means unset. */
  private static long addKnown(long sum, long value) {
    if (value < 0) {
      return sum;
    }
    return sum < 0 ? value : sum + value;
  }

  private void addEvidence(EvidenceEntry entry, int maxEvidence) {
    if (maxEvidence == 0) {
      return;
    }
    if (evidenceSize == maxEvidence && entry.key.compareTo(evidence[evidenceSize - 1].key) >= 0) {
      return;
    }
    if (evidenceSize == evidence.length) {
      evidence = Arrays.copyOf(evidence, Math.min(maxEvidence, Math.max(4, evidence.length * 2)));
    }
    int position = evidenceSize;
    while (position > 0 && entry.key.compareTo(evidence[position - 1].key) < 0) {
      position--;
    }
    int moved = Math.min(evidenceSize, maxEvidence - 1) - position;
    System.arraycopy(evidence, position, evidence, position + 1, moved);
    evidence[position] = entry;
    evidenceSize = Math.min(evidenceSize + 1, maxEvidence);
  }

  /** Returns the evidence, earliest first. */
  List<EvidenceEntry> evidence() {
    return List.of(Arrays.copyOf(evidence, evidenceSize));
  }

  /** Returns the distinct values of profile field {@code field}, in order of first appearance. */
  List<String> profileValues(int field) {
    return profile[field] == null ? List.of() : profile[field].values();
  }

  /**
   * The first {@link #CAPACITY} distinct values of one profile field, each with the earliest
   * session that carried it, ordered by that session.
   *
   * <p>A value that falls off the end has at least {@code CAPACITY} values with earlier
   * sessions, and those sessions only get earlier, so it can only come back with an earlier
   * session of its own. The list therefore contains the first values of all sessions seen.
   */
  static final class ProfileList {

    static final int CAPACITY = 8;

    private String[] values = new String[1];
    private SessionKey[] keys = new SessionKey[1];
    private int size;

    void offer(String value, SessionKey key) {
      if (size == values.length && size < CAPACITY) {
        values = Arrays.copyOf(values, Math.min(CAPACITY, size * 2));
        keys = Arrays.copyOf(keys, values.length);
      }
      for (int i = 0; i < size; i++) {
        if (values[i].equals(value)) {
          if (key.compareTo(keys[i]) >= 0) {
            return;
          }
          System.arraycopy(values, i + 1, values, i, size - i - 1);
          System.arraycopy(keys, i + 1, keys, i, size - i - 1);
          size--;
          break;
        }
      }
      if (size == CAPACITY && key.compareTo(keys[size - 1]) >= 0) {
        return;
      }
      int position = size == CAPACITY ? CAPACITY - 1 : size;
      while (position > 0 && key.compareTo(keys[position - 1]) < 0) {
        position--;
      }
      int moved = Math.min(size, CAPACITY - 1) - position;
      System.arraycopy(values, position, values, position + 1, moved);
      System.arraycopy(keys, position, keys, position + 1, moved);
      values[position] = value;
      keys[position] = key;
      size = Math.min(size + 1, CAPACITY);
    }

    List<String> values() {
      return List.of(Arrays.copyOf(values, size));
    }
  }
}
