package dev.gatehouse.core.model;

import dev.gatehouse.core.net.IpAddress;
import dev.gatehouse.core.net.Locality;
import dev.gatehouse.core.net.NetworkMap;
import dev.gatehouse.core.record.AuthOutcome;
import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.SshSession;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A block of ssh.log and conn.log rows in primitive form, filled by one reader thread and then
 * applied by {@link SshExternalInternalModel#apply} in order, so that several threads can parse
 * while one model aggregates.
 *
 * <p>The batch already does the work that depends on one row alone: it classifies the
 * endpoints, counts the rows the model does not keep, and keeps only external-to-internal ssh
 * sessions and conn.log rows with a uid. Applying a batch gives the same state as passing the
 * same rows to {@link SshExternalInternalModel#acceptSsh} and {@link
 * SshExternalInternalModel#acceptConn} one by one.
 *
 * <p>Rows are added with a short protocol. For an ssh.log row: {@link #uid}, then {@link
 * #beginSsh}; when it returns true, the seven profile values in the order of {@link SshProfile}
 * ({@link #profileValue}) and {@link #endSsh}. For a conn.log row: {@link #uid}, then {@link
 * #addConn}. Text given as bytes is UTF-8 with any escapes of the log format already decoded.
 *
 * <p>Get a batch from {@link SshExternalInternalModel#newBatch()}. Not thread-safe: one thread
 * fills it, then one thread applies it.
 */
public final class SessionBatch {

  /** {@code direction} unset. */
  public static final int DIRECTION_UNSET = 0;
  /** {@code direction} is {@code INBOUND}. */
  public static final int DIRECTION_INBOUND = 1;
  /** {@code direction} is {@code OUTBOUND}. */
  public static final int DIRECTION_OUTBOUND = 2;
  /** {@code direction} is {@code INTERNAL}. */
  public static final int DIRECTION_INTERNAL = 3;
  /** {@code direction} is {@code EXTERNAL}. */
  public static final int DIRECTION_EXTERNAL = 4;
  /** {@code direction} has any other value, which always disagrees with the site. */
  public static final int DIRECTION_OTHER = 5;

  /** {@code local_orig} or {@code local_resp} unset. */
  public static final int LOCAL_UNSET = -1;
  /** {@code local_orig} or {@code local_resp} is F. */
  public static final int LOCAL_FALSE = 0;
  /** {@code local_orig} or {@code local_resp} is T. */
  public static final int LOCAL_TRUE = 1;

  static final byte SSH = 1;
  static final byte CONN = 2;

  private static final byte[][] DIRECTIONS = {
      null,
      "INBOUND".getBytes(StandardCharsets.US_ASCII),
      "OUTBOUND".getBytes(StandardCharsets.US_ASCII),
      "INTERNAL".getBytes(StandardCharsets.US_ASCII),
      "EXTERNAL".getBytes(StandardCharsets.US_ASCII)};

  private static final String[] CONN_STATES = {
      "S0", "S1", "SF", "REJ", "S2", "S3", "RSTO", "RSTR", "RSTOS0", "RSTRH", "SH", "SHR", "OTH"};
  private static final byte[][] CONN_STATE_BYTES = Arrays.stream(CONN_STATES)
      .map(state -> state.getBytes(StandardCharsets.US_ASCII))
      .toArray(byte[][]::new);

  private final NetworkMap networks;
  private final Certainty minimum;
  private final boolean connRowsExpected;
  final RowCounters counters = new RowCounters();
  private final UidCodec codec = new UidCodec();

  int size;
  byte[] kinds = new byte[256];
  long[] timestamps = new long[256];
  long[] sourceHighs = new long[256];
  long[] sourceLows = new long[256];
  long[] destinationHighs = new long[256];
  long[] destinationLows = new long[256];
  int[] sourcePorts = new int[256];
  int[] destinationPorts = new int[256];
  byte[] auths = new byte[256];
  int[] attempts = new int[256];
  long[] lines = new long[256];
  byte[] uidKinds = new byte[256];
  long[] uidLows = new long[256];
  long[] uidHighs = new long[256];
  /** The uid of rows whose uid is not packable ({@link UidCodec}). */
  String[] uidTexts = new String[256];
  /** The conn_state of conn rows. */
  String[] connStates = new String[256];
  /** For conn rows: whether the connection goes from an external to an internal address. */
  boolean[] inbound = new boolean[256];
  /** The index of a row's first profile value in {@link #fieldOffsets}, or -1 when it has none. */
  int[] profileStarts = new int[256];
  /** Per profile value: its offset in {@link #profileBytes}, length (-1 when unset) and hash. */
  int[] fieldOffsets = new int[256 * ProfileValues.FIELDS];
  int[] fieldLengths = new int[256 * ProfileValues.FIELDS];
  int[] fieldHashes = new int[256 * ProfileValues.FIELDS];
  int fieldCount;
  byte[] profileBytes = new byte[4096];
  int profileSize;

  private byte pendingUidKind;
  private long pendingUidLow;
  private long pendingUidHigh;
  private String pendingUidText;
  private int profileFieldsGiven;

  SessionBatch(NetworkMap networks, Certainty minimum, boolean connRowsExpected) {
    this.networks = networks;
    this.minimum = minimum;
    this.connRowsExpected = connRowsExpected;
  }

  /** Empties the batch for reuse. */
  public void clear() {
    Arrays.fill(uidTexts, 0, size, null);
    Arrays.fill(connStates, 0, size, null);
    size = 0;
    profileSize = 0;
    fieldCount = 0;
    counters.clear();
  }

  /** Returns the number of rows kept, which is at most the number added. */
  public int size() {
    return size;
  }

  /** Returns the direction code of Zeek's {@code direction} value in ASCII bytes. */
  public static int directionCode(byte[] bytes, int from, int to) {
    for (int code = DIRECTION_INBOUND; code <= DIRECTION_EXTERNAL; code++) {
      byte[] name = DIRECTIONS[code];
      if (to - from == name.length && Arrays.equals(bytes, from, to, name, 0, name.length)) {
        return code;
      }
    }
    return DIRECTION_OTHER;
  }

  /** Returns the direction code of a {@code direction} value, {@code null} when unset. */
  public static int directionCode(String direction) {
    if (direction == null) {
      return DIRECTION_UNSET;
    }
    return switch (direction) {
      case "INBOUND" -> DIRECTION_INBOUND;
      case "OUTBOUND" -> DIRECTION_OUTBOUND;
      case "INTERNAL" -> DIRECTION_INTERNAL;
      case "EXTERNAL" -> DIRECTION_EXTERNAL;
      default -> DIRECTION_OTHER;
    };
  }

  /**
   * Returns the shared string of a conn_state that Zeek defines (S0, SF, REJ, ...) in ASCII
   * bytes, or {@code null} for any other value, which the caller then decodes itself.
   */
  public static String knownConnState(byte[] bytes, int from, int to) {
    for (int i = 0; i < CONN_STATE_BYTES.length; i++) {
      byte[] state = CONN_STATE_BYTES[i];
      if (to - from == state.length && Arrays.equals(bytes, from, to, state, 0, state.length)) {
        return CONN_STATES[i];
      }
    }
    return null;
  }

  /** Sets the uid of the next row from its ASCII text in {@code bytes[from, to)}. */
  public void uid(byte[] bytes, int from, int to) {
    if (codec.parse(bytes, from, to)) {
      pendingUidKind = SessionKey.PACKED;
      pendingUidLow = codec.low;
      pendingUidHigh = codec.high;
      pendingUidText = null;
    } else {
      uid(new String(bytes, from, to - from, StandardCharsets.UTF_8));
    }
  }

  /** Sets the uid of the next row; {@code null} when the row has none. */
  public void uid(String uid) {
    pendingUidText = null;
    if (uid == null) {
      pendingUidKind = SessionKey.NO_UID;
    } else if (codec.parse(uid)) {
      pendingUidKind = SessionKey.PACKED;
      pendingUidLow = codec.low;
      pendingUidHigh = codec.high;
    } else {
      pendingUidKind = SessionKey.TEXT;
      pendingUidText = uid;
    }
  }

  /**
   * Adds an ssh.log row whose uid was set with {@link #uid}. Addresses are given by the halves
   * of their 128-bit form ({@link IpAddress#high()}, {@link IpAddress#low()}).
   *
   * @param direction a {@code DIRECTION_} code
   * @param line the row's line, counted from the start of this batch's part of the source
   * @return true when the model keeps the row and needs its profile values: the caller then
   *     gives the seven values and calls {@link #endSsh}. False when the row is complete.
   */
  public boolean beginSsh(long timestampMicros, long originatorHigh, long originatorLow,
      int originatorPort, long responderHigh, long responderLow, int responderPort,
      AuthOutcome auth, int authAttempts, int direction, long line) {
    Locality originator = networks.locality(originatorHigh, originatorLow);
    Locality responder = networks.locality(responderHigh, responderLow);
    if (!counters.classifySsh(originator, responder, direction)) {
      return false;
    }
    int row = reserve();
    kinds[row] = SSH;
    timestamps[row] = timestampMicros;
    sourceHighs[row] = originatorHigh;
    sourceLows[row] = originatorLow;
    destinationHighs[row] = responderHigh;
    destinationLows[row] = responderLow;
    sourcePorts[row] = originatorPort;
    destinationPorts[row] = responderPort;
    auths[row] = (byte) auth.ordinal();
    attempts[row] = authAttempts;
    lines[row] = line;
    takeUid(row);
    profileStarts[row] = -1;
    profileFieldsGiven = 0;
    if (!SshExternalInternalModel.reportable(auth, minimum, connRowsExpected)) {
      size++;
      return false;
    }
    profileStarts[row] = fieldCount;
    return true;
  }

  /** Gives the next profile value of the current ssh row as UTF-8 bytes. */
  public void profileValue(byte[] bytes, int from, int to) {
    int length = to - from;
    if (profileSize + length > profileBytes.length) {
      profileBytes = Arrays.copyOf(profileBytes, Math.max(profileBytes.length * 2, profileSize + length));
    }
    System.arraycopy(bytes, from, profileBytes, profileSize, length);
    int field = addField();
    fieldOffsets[field] = profileSize;
    fieldLengths[field] = length;
    fieldHashes[field] = ProfileValues.hash(bytes, from, to);
    profileSize += length;
  }

  /** Gives the next profile value of the current ssh row; {@code null} when unset. */
  public void profileValue(String value) {
    if (value == null) {
      int field = addField();
      fieldLengths[field] = -1;
    } else {
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      profileValue(bytes, 0, bytes.length);
    }
  }

  private int addField() {
    if (profileFieldsGiven == ProfileValues.FIELDS) {
      throw new IllegalStateException("more than " + ProfileValues.FIELDS + " profile values were given");
    }
    if (fieldCount == fieldOffsets.length) {
      fieldOffsets = Arrays.copyOf(fieldOffsets, fieldCount * 2);
      fieldLengths = Arrays.copyOf(fieldLengths, fieldCount * 2);
      fieldHashes = Arrays.copyOf(fieldHashes, fieldCount * 2);
    }
    profileFieldsGiven++;
    return fieldCount++;
  }

  /** Ends the current ssh row after its seven profile values. */
  public void endSsh() {
    if (profileFieldsGiven != ProfileValues.FIELDS) {
      throw new IllegalStateException(
          profileFieldsGiven + " profile values were given, expected " + ProfileValues.FIELDS);
    }
    size++;
  }

  /**
   * Adds a conn.log row whose uid was set with {@link #uid}.
   *
   * @param localOriginator Zeek's {@code local_orig} as a {@code LOCAL_} code
   * @param localResponder Zeek's {@code local_resp} as a {@code LOCAL_} code
   * @param connState Zeek's {@code conn_state}, or {@code null}
   * @param durationMicros the duration, or -1 when unset
   * @param originatorBytes payload bytes from the originator, or -1 when unset
   * @param responderBytes payload bytes from the responder, or -1 when unset
   */
  public void addConn(long originatorHigh, long originatorLow, long responderHigh,
      long responderLow, int localOriginator, int localResponder, String connState,
      long durationMicros, long originatorBytes, long responderBytes) {
    counters.connRecords++;
    if (pendingUidKind == SessionKey.NO_UID) {
      return;
    }
    Locality originator = networks.locality(originatorHigh, originatorLow);
    Locality responder = networks.locality(responderHigh, responderLow);
    counters.checkZeekLocal(localOriginator, originator);
    counters.checkZeekLocal(localResponder, responder);
    int row = reserve();
    kinds[row] = CONN;
    takeUid(row);
    inbound[row] = originator == Locality.EXTERNAL && responder == Locality.INTERNAL;
    connStates[row] = connState;
    timestamps[row] = durationMicros;
    sourceHighs[row] = originatorBytes;
    sourceLows[row] = responderBytes;
    size++;
  }

  /** Adds a decoded ssh.log row, as a reader does for rows its fast path does not handle. */
  public void addSsh(SshSession session) {
    uid(session.uid());
    long line = session.origin() == null ? 0 : session.origin().line();
    boolean wantsProfile = beginSsh(session.timestampMicros(), session.originator().high(),
        session.originator().low(), session.originatorPort(), session.responder().high(),
        session.responder().low(), session.responderPort(), session.auth(), session.authAttempts(),
        directionCode(session.direction()), line);
    if (wantsProfile) {
      profileValue(session.client());
      profileValue(session.server());
      profileValue(session.hostKey());
      profileValue(session.hostKeyAlgorithm());
      profileValue(session.kexAlgorithm());
      profileValue(session.cipherAlgorithm());
      profileValue(session.macAlgorithm());
      endSsh();
    }
  }

  /** Adds a decoded conn.log row. */
  public void addConn(ConnSummary connection) {
    uid(connection.uid());
    addConn(connection.originator().high(), connection.originator().low(),
        connection.responder().high(), connection.responder().low(),
        local(connection.localOriginator()), local(connection.localResponder()),
        connection.connState(), connection.durationMicros(), connection.originatorBytes(),
        connection.responderBytes());
  }

  private static int local(Boolean zeekLocal) {
    if (zeekLocal == null) {
      return LOCAL_UNSET;
    }
    return zeekLocal ? LOCAL_TRUE : LOCAL_FALSE;
  }

  private void takeUid(int row) {
    uidKinds[row] = pendingUidKind;
    uidLows[row] = pendingUidLow;
    uidHighs[row] = pendingUidHigh;
    uidTexts[row] = pendingUidText;
  }

  private int reserve() {
    if (size == kinds.length) {
      int capacity = size * 2;
      kinds = Arrays.copyOf(kinds, capacity);
      timestamps = Arrays.copyOf(timestamps, capacity);
      sourceHighs = Arrays.copyOf(sourceHighs, capacity);
      sourceLows = Arrays.copyOf(sourceLows, capacity);
      destinationHighs = Arrays.copyOf(destinationHighs, capacity);
      destinationLows = Arrays.copyOf(destinationLows, capacity);
      sourcePorts = Arrays.copyOf(sourcePorts, capacity);
      destinationPorts = Arrays.copyOf(destinationPorts, capacity);
      auths = Arrays.copyOf(auths, capacity);
      attempts = Arrays.copyOf(attempts, capacity);
      lines = Arrays.copyOf(lines, capacity);
      uidKinds = Arrays.copyOf(uidKinds, capacity);
      uidLows = Arrays.copyOf(uidLows, capacity);
      uidHighs = Arrays.copyOf(uidHighs, capacity);
      uidTexts = Arrays.copyOf(uidTexts, capacity);
      connStates = Arrays.copyOf(connStates, capacity);
      inbound = Arrays.copyOf(inbound, capacity);
      profileStarts = Arrays.copyOf(profileStarts, capacity);
    }
    return size;
  }
}
