package dev.gatehouse.bench.generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats generated rows as Zeek 6 writes ssh.log and conn.log: TSV with its header block, or
 * JSON lines with epoch-float times, dotted {@code id.*} keys and unset fields left out.
 */
final class ZeekFormat {

  private static final String SSH_FIELDS = String.join("\t", "ts", "uid", "id.orig_h",
      "id.orig_p", "id.resp_h", "id.resp_p", "version", "auth_success", "auth_attempts",
      "direction", "client", "server", "cipher_alg", "mac_alg", "compression_alg", "kex_alg",
      "host_key_alg", "host_key");
  private static final String SSH_TYPES = String.join("\t", "time", "string", "addr", "port",
      "addr", "port", "count", "bool", "count", "enum", "string", "string", "string", "string",
      "string", "string", "string", "string");
  private static final String CONN_FIELDS = String.join("\t", "ts", "uid", "id.orig_h",
      "id.orig_p", "id.resp_h", "id.resp_p", "proto", "service", "duration", "orig_bytes",
      "resp_bytes", "conn_state", "local_orig", "local_resp", "missed_bytes", "history",
      "orig_pkts", "orig_ip_bytes", "resp_pkts", "resp_ip_bytes", "tunnel_parents");
  private static final String CONN_TYPES = String.join("\t", "time", "string", "addr", "port",
      "addr", "port", "enum", "string", "interval", "count", "count", "string", "bool", "bool",
      "count", "string", "count", "count", "count", "count", "set[string]");

  /** Zeek's #open and #close stamp. */
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd-HH-mm-ss").withZone(ZoneOffset.UTC);

  /** IP and TCP header bytes per packet, added to payload bytes for orig_ip_bytes. */
  private static final int HEADER_BYTES_PER_PACKET = 52;

  private ZeekFormat() {}

  /** Returns the header block that starts a TSV file of log {@code path} opened at {@code micros}. */
  static String tsvHeader(String path, long micros) {
    boolean ssh = path.equals("ssh");
    return "#separator \\x09\n"
        + "#set_separator\t,\n"
        + "#empty_field\t(empty)\n"
        + "#unset_field\t-\n"
        + "#path\t" + path + "\n"
        + "#open\t" + stamp(micros) + "\n"
        + "#fields\t" + (ssh ? SSH_FIELDS : CONN_FIELDS) + "\n"
        + "#types\t" + (ssh ? SSH_TYPES : CONN_TYPES) + "\n";
  }

  /** Returns the line that ends a TSV file closed at {@code micros}. */
  static String tsvFooter(long micros) {
    return "#close\t" + stamp(micros) + "\n";
  }

  private static String stamp(long micros) {
    return STAMP.format(Instant.ofEpochSecond(micros / 1_000_000L));
  }

  static void tsv(SshRow row, AsciiBuffer out) {
    out.appendSeconds(row.timestampMicros()).append('\t')
        .append(row.uid()).append('\t')
        .append(row.originator()).append('\t')
        .append(row.originatorPort()).append('\t')
        .append(row.responder()).append('\t')
        .append(row.responderPort()).append('\t');
    if (row.server() == null) {
      out.append('-');
    } else {
      out.append('2');
    }
    out.append('\t');
    out.append(row.authSuccess() == null ? "-" : row.authSuccess() ? "T" : "F").append('\t')
        .append(row.authAttempts()).append('\t')
        .append('-').append('\t');
    tsvText(out, row.client()).append('\t');
    tsvText(out, row.server()).append('\t');
    tsvText(out, row.cipher()).append('\t');
    tsvText(out, row.mac()).append('\t');
    tsvText(out, row.server() == null ? null : "none").append('\t');
    tsvText(out, row.kex()).append('\t');
    tsvText(out, row.hostKeyAlgorithm()).append('\t');
    tsvText(out, row.hostKey()).append('\n');
  }

  static void tsv(ConnRow row, AsciiBuffer out) {
    out.appendSeconds(row.timestampMicros()).append('\t')
        .append(row.uid()).append('\t')
        .append(row.originator()).append('\t')
        .append(row.originatorPort()).append('\t')
        .append(row.responder()).append('\t')
        .append(row.responderPort()).append('\t')
        .append(row.protocol()).append('\t');
    tsvText(out, row.service()).append('\t');
    if (row.durationMicros() < 0) {
      out.append('-');
    } else {
      out.appendSeconds(row.durationMicros());
    }
    out.append('\t');
    tsvCount(out, row.originatorBytes()).append('\t');
    tsvCount(out, row.responderBytes()).append('\t');
    out.append(row.connState()).append('\t')
        .append(row.localOriginator() ? 'T' : 'F').append('\t')
        .append(row.localResponder() ? 'T' : 'F').append('\t')
        .append('0').append('\t')
        .append(row.history()).append('\t');
    long originatorPackets = ConnRow.packetsFor(row.originatorBytes());
    long responderPackets = row.responderBytes() <= 0 && row.history().length() <= 1
        ? 0 : ConnRow.packetsFor(row.responderBytes());
    out.append(originatorPackets).append('\t')
        .append(Math.max(0, row.originatorBytes()) + originatorPackets * HEADER_BYTES_PER_PACKET)
        .append('\t')
        .append(responderPackets).append('\t')
        .append(Math.max(0, row.responderBytes()) + responderPackets * HEADER_BYTES_PER_PACKET)
        .append('\t')
        .append('-').append('\n');
  }

  static void json(SshRow row, AsciiBuffer out) {
    out.append("{\"ts\":").appendShortSeconds(row.timestampMicros());
    jsonString(out, "uid", row.uid());
    jsonString(out, "id.orig_h", row.originator());
    jsonNumber(out, "id.orig_p", row.originatorPort());
    jsonString(out, "id.resp_h", row.responder());
    jsonNumber(out, "id.resp_p", row.responderPort());
    if (row.server() != null) {
      jsonNumber(out, "version", 2);
    }
    if (row.authSuccess() != null) {
      out.append(",\"auth_success\":").append(row.authSuccess() ? "true" : "false");
    }
    jsonNumber(out, "auth_attempts", row.authAttempts());
    jsonString(out, "client", row.client());
    jsonString(out, "server", row.server());
    jsonString(out, "cipher_alg", row.cipher());
    jsonString(out, "mac_alg", row.mac());
    jsonString(out, "compression_alg", row.server() == null ? null : "none");
    jsonString(out, "kex_alg", row.kex());
    jsonString(out, "host_key_alg", row.hostKeyAlgorithm());
    jsonString(out, "host_key", row.hostKey());
    out.append("}\n");
  }

  static void json(ConnRow row, AsciiBuffer out) {
    out.append("{\"ts\":").appendShortSeconds(row.timestampMicros());
    jsonString(out, "uid", row.uid());
    jsonString(out, "id.orig_h", row.originator());
    jsonNumber(out, "id.orig_p", row.originatorPort());
    jsonString(out, "id.resp_h", row.responder());
    jsonNumber(out, "id.resp_p", row.responderPort());
    jsonString(out, "proto", row.protocol());
    jsonString(out, "service", row.service());
    if (row.durationMicros() >= 0) {
      out.append(",\"duration\":").appendShortSeconds(row.durationMicros());
    }
    if (row.originatorBytes() >= 0) {
      jsonNumber(out, "orig_bytes", row.originatorBytes());
    }
    if (row.responderBytes() >= 0) {
      jsonNumber(out, "resp_bytes", row.responderBytes());
    }
    jsonString(out, "conn_state", row.connState());

    out.append(",\"local_orig\":").append(row.localOriginator() ? "true" : "false");
    out.append(",\"local_resp\":").append(row.localResponder() ? "true" : "false");
    jsonNumber(out, "missed_bytes", 0);
    jsonString(out, "history", row.history());

    long originatorPackets = ConnRow.packetsFor(row.originatorBytes());
    long responderPackets = row.responderBytes() <= 0 && row.history().length() <= 1
        ? 0 : ConnRow.packetsFor(row.responderBytes());
    jsonNumber(out, "orig_pkts", originatorPackets);
    jsonNumber(out, "orig_ip_bytes",
        Math.max(0, row.originatorBytes()) + originatorPackets * HEADER_BYTES_PER_PACKET);
    jsonNumber(out, "resp_pkts", responderPackets);
    jsonNumber(out, "resp_ip_bytes",
        Math.max(0, row.responderBytes()) + responderPackets * HEADER_BYTES_PER_PACKET);
    out.append("}\n");
  }

  private static AsciiBuffer tsvText(AsciiBuffer out, String value) {
    if (value == null) {
      return out.append('-');
    }
    return value.isEmpty() ? out.append("(empty)") : out.append(value);
  }

  private static AsciiBuffer tsvCount(AsciiBuffer out, long value) {
    return value < 0 ? out.append('-') : out.append(value);
  }

  /** Appends a member unless {@code value} is unset. Generated text never needs escaping. */
  private static void jsonString(AsciiBuffer out, String key, String value) {
    if (value != null) {
      out.append(",\"").append(key).append("\":\"").append(value).append('"');
    }
  }

  private static void jsonNumber(AsciiBuffer out, String key, long value) {
    out.append(",\"").append(key).append("\":").append(value);
  }
}
