package dev.gatehouse.ingest.zeek;

import dev.gatehouse.core.diag.Diagnostics;
import dev.gatehouse.core.net.IpAddress;
import dev.gatehouse.core.record.AuthOutcome;
import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.DnsLookup;
import dev.gatehouse.core.record.RecordOrigin;
import dev.gatehouse.core.record.SshSession;
import java.util.List;

/**
 * Turns a {@link Row} into an {@link SshSession} or a {@link ConnSummary}.
 *
 * <p>A malformed required value (ts, the four endpoint fields, auth_success) is an error and the
 * row is skipped. A malformed optional count, interval or boolean is a warning and the row is
 * read with that value unset.
 */
final class RecordDecoder {

  static final String BAD_TIMESTAMP = "bad-timestamp";
  static final String BAD_ADDRESS = "bad-address";
  static final String BAD_PORT = "bad-port";
  static final String BAD_AUTH_SUCCESS = "bad-auth-success";
  static final String BAD_COUNT = "bad-count";
  static final String BAD_DURATION = "bad-duration";
  static final String BAD_BOOL = "bad-bool";

  private static final String TIMESTAMP_FORMS =
      "seconds since the epoch such as 1521911799.739898 or an ISO 8601 time with a zone"
          + " such as 2018-03-24T17:16:39.739898Z";

  private final Diagnostics diagnostics;
  private final String source;

  /** Fields shared by both record types, filled by {@link #decodeEndpoints}. */
  private long timestampMicros;
  private IpAddress originator;
  private int originatorPort;
  private IpAddress responder;
  private int responderPort;

  RecordDecoder(Diagnostics diagnostics, String source) {
    this.diagnostics = diagnostics;
    this.source = source;
  }

  /**
   * Returns the session in {@code row}, or {@code null} after reporting an error.
   *
   * @param authSuccessMissing whether the row's header has no auth_success column, so that the
   *     outcome is {@link AuthOutcome#UNSET} without a per-row diagnostic
   */
  SshSession decodeSsh(Row row, long line, boolean authSuccessMissing) {
    if (!decodeEndpoints(row, line)) {
      return null;
    }
    AuthOutcome auth = AuthOutcome.UNSET;
    if (!authSuccessMissing && row.state(Column.AUTH_SUCCESS) == Row.State.PRESENT) {
      Boolean success = row.bool(Column.AUTH_SUCCESS);
      if (success == null) {
        diagnostics.error(source, line, BAD_AUTH_SUCCESS,
            "auth_success is " + ZeekText.quote(row.raw(Column.AUTH_SUCCESS)) + ", expected "
                + row.booleanForms());
        return null;
      }
      auth = success ? AuthOutcome.SUCCESS : AuthOutcome.FAILURE;
    }
    long attempts = count(row, Column.AUTH_ATTEMPTS, line);
    String hostKey = row.text(Column.HOST_KEY_FINGERPRINT);
    if (hostKey == null) {
      hostKey = row.text(Column.HOST_KEY);
    }
    return new SshSession(
        timestampMicros,
        row.text(Column.UID),
        originator,
        originatorPort,
        responder,
        responderPort,
        auth,
        attempts > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) attempts,
        row.text(Column.DIRECTION),
        row.text(Column.CLIENT),
        row.text(Column.SERVER),
        row.text(Column.CIPHER_ALG),
        row.text(Column.MAC_ALG),
        row.text(Column.KEX_ALG),
        row.text(Column.HOST_KEY_ALG),
        hostKey,
        new RecordOrigin(source, line));
  }

  /**
   * Returns the query and answers in {@code row}. Nothing in a dns.log row is required, so this
   * never reports: an unset or malformed ts is read as -1.
   */
  DnsLookup decodeDns(Row row, long line) {
    long micros = row.state(Column.TS) == Row.State.PRESENT
        ? ZeekValues.parseTimestampMicros(row.raw(Column.TS)) : ZeekValues.INVALID;
    List<String> answers = row.items(Column.ANSWERS);
    return new DnsLookup(
        micros == ZeekValues.INVALID ? -1 : micros,
        row.text(Column.UID),
        row.text(Column.QUERY),
        row.text(Column.QTYPE_NAME),
        answers == null ? List.of() : answers,
        new RecordOrigin(source, line));
  }

  /** Returns the connection in {@code row}, or {@code null} after reporting an error. */
  ConnSummary decodeConn(Row row, long line) {
    if (!decodeEndpoints(row, line)) {
      return null;
    }
    return new ConnSummary(
        timestampMicros,
        row.text(Column.UID),
        originator,
        originatorPort,
        responder,
        responderPort,
        row.text(Column.PROTO),
        row.text(Column.SERVICE),
        duration(row, line),
        count(row, Column.ORIG_BYTES, line),
        count(row, Column.RESP_BYTES, line),
        row.text(Column.CONN_STATE),
        row.text(Column.HISTORY),
        bool(row, Column.LOCAL_ORIG, line),
        bool(row, Column.LOCAL_RESP, line),
        new RecordOrigin(source, line));
  }

  private boolean decodeEndpoints(Row row, long line) {
    timestampMicros = timestamp(row, line);
    if (timestampMicros == ZeekValues.INVALID) {
      return false;
    }
    originator = address(row, Column.ORIG_H, line);
    if (originator == null) {
      return false;
    }
    originatorPort = port(row, Column.ORIG_P, line);
    if (originatorPort < 0) {
      return false;
    }
    responder = address(row, Column.RESP_H, line);
    if (responder == null) {
      return false;
    }
    responderPort = port(row, Column.RESP_P, line);
    return responderPort >= 0;
  }

  private long timestamp(Row row, long line) {
    if (row.state(Column.TS) != Row.State.PRESENT) {
      diagnostics.error(source, line, BAD_TIMESTAMP, "ts is unset, expected " + TIMESTAMP_FORMS);
      return ZeekValues.INVALID;
    }
    CharSequence raw = row.raw(Column.TS);
    long micros = ZeekValues.parseTimestampMicros(raw);
    if (micros == ZeekValues.INVALID) {
      diagnostics.error(source, line, BAD_TIMESTAMP,
          "ts is " + ZeekText.quote(raw) + ", expected " + TIMESTAMP_FORMS);
    }
    return micros;
  }

  private IpAddress address(Row row, Column column, long line) {
    if (row.state(column) != Row.State.PRESENT) {
      diagnostics.error(source, line, BAD_ADDRESS,
          column.zeekName + " is unset, expected an IPv4 or IPv6 address");
      return null;
    }
    CharSequence raw = row.raw(column);
    IpAddress address = IpAddress.tryParse(raw);
    if (address == null) {
      diagnostics.error(source, line, BAD_ADDRESS,
          column.zeekName + " is " + ZeekText.quote(raw) + ", expected an IPv4 or IPv6 address");
    }
    return address;
  }

  private int port(Row row, Column column, long line) {
    if (row.state(column) != Row.State.PRESENT) {
      diagnostics.error(source, line, BAD_PORT,
          column.zeekName + " is unset, expected a port number from 0 to 65535");
      return -1;
    }
    CharSequence raw = row.raw(column);
    int port = ZeekValues.parsePort(raw);
    if (port < 0) {
      diagnostics.error(source, line, BAD_PORT,
          column.zeekName + " is " + ZeekText.quote(raw) + ", expected a port number from 0 to 65535");
    }
    return port;
  }

  /** Returns a count, or -1 when it is absent, unset or malformed. */
  private long count(Row row, Column column, long line) {
    if (row.state(column) != Row.State.PRESENT) {
      return -1;
    }
    CharSequence raw = row.raw(column);
    long value = ZeekValues.parseCount(raw);
    if (value < 0) {
      diagnostics.warning(source, line, BAD_COUNT,
          column.zeekName + " is " + ZeekText.quote(raw)
              + ", expected a non-negative integer; the row is read with " + column.zeekName
              + " unset");
    }
    return value;
  }

  /** Returns the duration in microseconds, or -1 when it is absent, unset or malformed. */
  private long duration(Row row, long line) {
    if (row.state(Column.DURATION) != Row.State.PRESENT) {
      return -1;
    }
    CharSequence raw = row.raw(Column.DURATION);
    long micros = ZeekValues.parseIntervalMicros(raw);
    if (micros == ZeekValues.INVALID) {
      diagnostics.warning(source, line, BAD_DURATION,
          "duration is " + ZeekText.quote(raw)
              + ", expected a non-negative number of seconds; the row is read with duration unset");
      return -1;
    }
    return micros;
  }

  /** Returns a boolean, or {@code null} when it is absent, unset or malformed. */
  private Boolean bool(Row row, Column column, long line) {
    if (row.state(column) != Row.State.PRESENT) {
      return null;
    }
    Boolean value = row.bool(column);
    if (value == null) {
      diagnostics.warning(source, line, BAD_BOOL,
          column.zeekName + " is " + ZeekText.quote(row.raw(column)) + ", expected "
              + row.booleanForms() + "; the row is read with " + column.zeekName + " unset");
    }
    return value;
  }
}
