package dev.gatehouse.core.model;

/**
 * The place of one session in the chronological order of its pair: start time, then uid (a
 * session without a uid after every uid), then originator port, then arrival order.
 *
 * <p>Two sessions with a uid never tie, because a repeated uid is dropped as a duplicate.
 * Sessions without a uid and with the same time and port keep the order in which they arrived,
 * as a stable sort of the arrival order would.
 *
 * <p>The uid is kept packed ({@link UidCodec}) until its text is needed; packed uids compare in
 * text order without being unpacked.
 */
final class SessionKey implements Comparable<SessionKey> {

  static final byte NO_UID = 0;
  static final byte PACKED = 1;
  static final byte TEXT = 2;

  final long timestampMicros;
  final byte uidKind;
  final long uidHigh;
  final long uidLow;
  private String uidText;
  final int originatorPort;
  /** The arrival number, which orders sessions without a uid; 0 for sessions with one. */
  final long arrival;

  SessionKey(long timestampMicros, byte uidKind, long uidHigh, long uidLow, String uidText,
      int originatorPort, long arrival) {
    this.timestampMicros = timestampMicros;
    this.uidKind = uidKind;
    this.uidHigh = uidHigh;
    this.uidLow = uidLow;
    this.uidText = uidText;
    this.originatorPort = originatorPort;
    this.arrival = arrival;
  }

  /** Returns the uid text, or {@code null} when the session has no uid. */
  String uid() {
    if (uidText == null && uidKind == PACKED) {
      uidText = UidCodec.format(uidHigh, uidLow);
    }
    return uidText;
  }

  @Override
  public int compareTo(SessionKey other) {
    return compare(timestampMicros, uidKind, uidHigh, uidLow, uidText, originatorPort, arrival, other);
  }

  /**
   * Compares a session given by its parts with {@code other}, without creating a key. Only
   * sessions that start in the same microsecond compare their uids.
   */
  static int compare(long timestampMicros, byte uidKind, long uidHigh, long uidLow, String uidText,
      int originatorPort, long arrival, SessionKey other) {
    int order = Long.compare(timestampMicros, other.timestampMicros);
    if (order != 0) {
      return order;
    }
    order = compareUids(uidKind, uidHigh, uidLow, uidText, other);
    if (order != 0) {
      return order;
    }
    order = Integer.compare(originatorPort, other.originatorPort);
    return order != 0 ? order : Long.compare(arrival, other.arrival);
  }

  private static int compareUids(byte kind, long high, long low, String text, SessionKey other) {
    if (kind == NO_UID || other.uidKind == NO_UID) {
      return Boolean.compare(kind == NO_UID, other.uidKind == NO_UID);
    }
    if (kind == PACKED && other.uidKind == PACKED) {
      int order = Long.compareUnsigned(high, other.uidHigh);
      return order != 0 ? order : Long.compareUnsigned(low, other.uidLow);
    }
    String mine = text != null ? text : UidCodec.format(high, low);
    return mine.compareTo(other.uid());
  }
}
