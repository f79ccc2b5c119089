package dev.gatehouse.core.model;

import dev.gatehouse.core.net.Locality;

/**
 * The counters that depend on one row alone: ssh.log rows by the locality of their endpoints,
 * conn.log rows, and rows on which Zeek's own locality fields disagree with the site's
 * networks. Reader threads keep their own and the model adds them up.
 */
final class RowCounters {

  static final int DIRECTION_UNSET = SessionBatch.DIRECTION_UNSET;

  long sshSessions;
  long internalToInternal;
  long internalToExternal;
  long externalToExternal;
  long unroutable;
  long connRecords;
  long zeekLocalityDisagreements;

  /**
   * Counts an ssh.log row and returns whether it goes from an external originator to an
   * internal responder, the only rows the model keeps.
   */
  boolean classifySsh(Locality originator, Locality responder, int direction) {
    sshSessions++;
    if (originator == Locality.UNROUTABLE || responder == Locality.UNROUTABLE) {
      unroutable++;
      return false;
    }
    if (direction != DIRECTION_UNSET) {
      int expected = originator == Locality.INTERNAL
          ? (responder == Locality.INTERNAL ? SessionBatch.DIRECTION_INTERNAL : SessionBatch.DIRECTION_OUTBOUND)
          : (responder == Locality.INTERNAL ? SessionBatch.DIRECTION_INBOUND : SessionBatch.DIRECTION_EXTERNAL);
      if (direction != expected) {
        zeekLocalityDisagreements++;
      }
    }
    if (originator == Locality.EXTERNAL && responder == Locality.INTERNAL) {
      return true;
    }
    if (originator == Locality.INTERNAL) {
      if (responder == Locality.INTERNAL) {
        internalToInternal++;
      } else {
        internalToExternal++;
      }
    } else {
      externalToExternal++;
    }
    return false;
  }

  /**
   * Compares Zeek's {@code local_orig} or {@code local_resp}, given as -1 (unset), 0 (F) or 1
   * (T), with the site's classification.
   */
  void checkZeekLocal(int zeekLocal, Locality locality) {
    if (zeekLocal >= 0 && locality != Locality.UNROUTABLE
        && (zeekLocal == 1) != (locality == Locality.INTERNAL)) {
      zeekLocalityDisagreements++;
    }
  }

  void add(RowCounters other) {
    sshSessions += other.sshSessions;
    internalToInternal += other.internalToInternal;
    internalToExternal += other.internalToExternal;
    externalToExternal += other.externalToExternal;
    unroutable += other.unroutable;
    connRecords += other.connRecords;
    zeekLocalityDisagreements += other.zeekLocalityDisagreements;
  }

  void clear() {
    sshSessions = 0;
    internalToInternal = 0;
    internalToExternal = 0;
    externalToExternal = 0;
    unroutable = 0;
    connRecords = 0;
    zeekLocalityDisagreements = 0;
  }
}
