package dev.gatehouse.ingest.zeek;

import dev.gatehouse.core.model.SessionBatch;
import dev.gatehouse.core.net.IpAddress;
import dev.gatehouse.core.record.AuthOutcome;
import dev.gatehouse.ingest.LogType;

/**
 * Reads well-formed ssh.log and conn.log TSV rows straight from bytes into a {@link
 * SessionBatch}, without creating records or strings for values the model does not keep.
 *
 * <p>It declines every row that {@link RecordDecoder} would report on or that needs more than
 * plain parsing (a field count other than the header's, an unset or malformed required value, a
 * malformed optional value, a multi-byte separator), and changes nothing before it declines.
 * The caller then reads the row with {@link TsvLines}, which reports it exactly as before. A row
 * read here therefore ends in the same batch content and counters as one read there.
 */
final class TsvFastPath {

  private static final long IPV4_MAPPED = 0x0000_ffff_0000_0000L;

  private final SourceRun run;
  private final SessionBatch batch;
  private final ByteText text = new ByteText();
  private int[] starts = new int[64];
  private int[] ends = new int[64];
  private byte[] line;
  private TsvHeader header;

  // The endpoints of the row being read, set by readEndpoints.
  private long timestamp;
  private long originatorHigh;
  private long originatorLow;
  private int originatorPort;
  private long responderHigh;
  private long responderLow;
  private int responderPort;
  private long addressHigh;
  private long addressLow;
  private final long[] halves = new long[2];

  TsvFastPath(SourceRun run, SessionBatch batch) {
    this.run = run;
    this.batch = batch;
  }

  /**
   * Reads the data row {@code line[from, to)} under {@code header}, whose separators {@code
   * scanner} found, or returns false to decline it.
   */
  boolean accept(TsvHeader header, byte[] line, int from, int to, long number, LineScanner scanner) {
    int expected = header.fields().length;
    if (scanner.separatorCount != expected - 1) {
      return false;
    }
    if (starts.length < expected) {
      starts = new int[expected];
      ends = new int[expected];
    }
    int[] separators = scanner.separators;
    int fieldStart = from;
    for (int i = 0; i < expected - 1; i++) {
      starts[i] = fieldStart;
      ends[i] = separators[i];
      fieldStart = separators[i] + 1;
    }
    starts[expected - 1] = fieldStart;
    ends[expected - 1] = to;
    this.line = line;
    this.header = header;
    return header.type() == LogType.SSH ? readSsh(number) : readConn();
  }

  /**
   * Returns the separator of {@code header} when its rows can be read here: one byte that is
   * neither a newline nor a carriage return; else 0.
   */
  static byte separatorOf(TsvHeader header) {
    byte[] separator = header.separator();
    if (separator.length != 1 || separator[0] == '\n' || separator[0] == '\r' || separator[0] == 0) {
      return 0;
    }
    return separator[0];
  }

  private boolean readSsh(long number) {
    if (!readEndpoints()) {
      return false;
    }
    AuthOutcome auth = AuthOutcome.UNSET;
    if (!header.authSuccessMissing()) {
      int field = header.fieldIndex(Column.AUTH_SUCCESS);
      if (!isUnset(field)) {
        if (ends[field] - starts[field] != 1) {
          return false;
        }
        byte value = line[starts[field]];
        if (value == 'T') {
          auth = AuthOutcome.SUCCESS;
        } else if (value == 'F') {
          auth = AuthOutcome.FAILURE;
        } else {
          return false;
        }
      }
    }
    long attempts = count(header.fieldIndex(Column.AUTH_ATTEMPTS));
    if (attempts == -2) {
      return false;
    }
    int direction = direction(header.fieldIndex(Column.DIRECTION));

    giveUid();
    run.countSsh();
    boolean wantsProfile = batch.beginSsh(timestamp, originatorHigh, originatorLow, originatorPort,
        responderHigh, responderLow, responderPort, auth,
        attempts > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) attempts, direction, number);
    if (wantsProfile) {
      giveText(header.fieldIndex(Column.CLIENT));
      giveText(header.fieldIndex(Column.SERVER));
      int fingerprint = header.fieldIndex(Column.HOST_KEY_FINGERPRINT);
      giveText(fingerprint >= 0 && !isUnset(fingerprint) ? fingerprint : header.fieldIndex(Column.HOST_KEY));
      giveText(header.fieldIndex(Column.HOST_KEY_ALG));
      giveText(header.fieldIndex(Column.KEX_ALG));
      giveText(header.fieldIndex(Column.CIPHER_ALG));
      giveText(header.fieldIndex(Column.MAC_ALG));
      batch.endSsh();
    }
    return true;
  }

  private boolean readConn() {
    if (!readEndpoints()) {
      return false;
    }
    long duration = -1;
    int durationField = header.fieldIndex(Column.DURATION);
    if (durationField >= 0 && !isUnset(durationField)) {
      duration = ZeekValues.parseIntervalMicros(text.set(line, starts[durationField], ends[durationField]));
      if (duration == ZeekValues.INVALID) {
        return false;
      }
    }
    long originatorBytes = count(header.fieldIndex(Column.ORIG_BYTES));
    long responderBytes = count(header.fieldIndex(Column.RESP_BYTES));
    int localOriginator = local(header.fieldIndex(Column.LOCAL_ORIG));
    int localResponder = local(header.fieldIndex(Column.LOCAL_RESP));
    if (originatorBytes == -2 || responderBytes == -2 || localOriginator == -2 || localResponder == -2) {
      return false;
    }
    String connState = connState(header.fieldIndex(Column.CONN_STATE));

    giveUid();
    run.countConn();
    batch.addConn(originatorHigh, originatorLow, responderHigh, responderLow, localOriginator,
        localResponder, connState, duration, originatorBytes, responderBytes);
    return true;
  }

  /** Reads ts and the four endpoint fields, or returns false when one is unset or malformed. */
  private boolean readEndpoints() {
    int field = header.fieldIndex(Column.TS);
    if (isUnset(field)) {
      return false;
    }
    timestamp = ZeekValues.parseTimestampMicros(text.set(line, starts[field], ends[field]));
    if (timestamp == ZeekValues.INVALID || !readAddress(header.fieldIndex(Column.ORIG_H))) {
      return false;
    }
    originatorHigh = addressHigh;
    originatorLow = addressLow;
    originatorPort = port(header.fieldIndex(Column.ORIG_P));
    if (originatorPort < 0 || !readAddress(header.fieldIndex(Column.RESP_H))) {
      return false;
    }
    responderHigh = addressHigh;
    responderLow = addressLow;
    responderPort = port(header.fieldIndex(Column.RESP_P));
    return responderPort >= 0;
  }

  private boolean readAddress(int field) {
    if (isUnset(field)) {
      return false;
    }
    long bits = IpAddress.parseIpv4Bits(line, starts[field], ends[field]);
    if (bits >= 0) {
      addressHigh = 0;
      addressLow = IPV4_MAPPED | bits;
      return true;
    }
    ByteText value = text.set(line, starts[field], ends[field]);
    if (!IpAddress.parseHalves(value, 0, value.length(), halves)) {
      return false;
    }
    addressHigh = halves[0];
    addressLow = halves[1];
    return true;
  }

  private int port(int field) {
    return isUnset(field) ? -1 : ZeekValues.parsePort(text.set(line, starts[field], ends[field]));
  }

  /** Returns a count, -1 when absent or unset, or -2 when malformed. */
  private long count(int field) {
    if (field < 0 || isUnset(field)) {
      return -1;
    }
    long value = ZeekValues.parseCount(text.set(line, starts[field], ends[field]));
    return value < 0 ? -2 : value;
  }

  /** Returns a {@code LOCAL_} code, or -2 when the value is not a boolean. */
  private int local(int field) {
    if (field < 0 || isUnset(field)) {
      return SessionBatch.LOCAL_UNSET;
    }
    if (ends[field] - starts[field] != 1) {
      return -2;
    }
    byte value = line[starts[field]];
    if (value == 'T') {
      return SessionBatch.LOCAL_TRUE;
    }
    return value == 'F' ? SessionBatch.LOCAL_FALSE : -2;
  }

  private int direction(int field) {
    if (field < 0 || isUnset(field)) {
      return SessionBatch.DIRECTION_UNSET;
    }
    if (isEmpty(field)) {
      return SessionBatch.DIRECTION_OTHER;
    }
    if (hasEscape(field)) {
      return SessionBatch.directionCode(ZeekText.decode(line, starts[field], ends[field]));
    }
    return SessionBatch.directionCode(line, starts[field], ends[field]);
  }

  private String connState(int field) {
    if (field < 0 || isUnset(field)) {
      return null;
    }
    if (isEmpty(field)) {
      return "";
    }
    int from = starts[field];
    int to = ends[field];
    String known = SessionBatch.knownConnState(line, from, to);
    return known != null ? known : ZeekText.decode(line, from, to);
  }

  private void giveUid() {
    int field = header.fieldIndex(Column.UID);
    if (field < 0 || isUnset(field)) {
      batch.uid(null);
    } else if (isEmpty(field)) {
      batch.uid("");
    } else if (hasEscape(field)) {
      batch.uid(ZeekText.decode(line, starts[field], ends[field]));
    } else {
      batch.uid(line, starts[field], ends[field]);
    }
  }

  private void giveText(int field) {
    if (field < 0 || isUnset(field)) {
      batch.profileValue(null);
    } else if (isEmpty(field)) {
      batch.profileValue("");
    } else if (hasEscape(field)) {
      batch.profileValue(ZeekText.decode(line, starts[field], ends[field]));
    } else {
      // The model decodes the bytes as ZeekText.decode does, malformed UTF-8 included.
      batch.profileValue(line, starts[field], ends[field]);
    }
  }

  private boolean isUnset(int field) {
    return equalsRange(field, header.unsetField());
  }

  private boolean isEmpty(int field) {
    return equalsRange(field, header.emptyField());
  }

  private boolean equalsRange(int field, byte[] expected) {
    int from = starts[field];
    return ends[field] - from == expected.length && TsvRow.matches(line, from, expected);
  }

  private boolean hasEscape(int field) {
    for (int i = starts[field]; i < ends[field]; i++) {
      if (line[i] == '\\') {
        return true;
      }
    }
    return false;
  }
}
