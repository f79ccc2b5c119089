package dev.gatehouse.ingest.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.net.IpAddress;
import dev.gatehouse.core.record.AuthOutcome;
import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.RecordOrigin;
import dev.gatehouse.core.record.SshSession;
import dev.gatehouse.ingest.LogType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReadingTest {

  static final String SSH_LINE = "{\"_path\":\"ssh\",\"_write_ts\":\"2018-03-24T17:16:40.284346Z\","
      + "\"ts\":\"2018-03-24T17:16:39.739898Z\",\"uid\":\"C2MugGdsn3ZVI1wn6\","
      + "\"id.orig_h\":\"10.0.0.227\",\"id.orig_p\":59849,\"id.resp_h\":\"10.47.8.50\","
      + "\"id.resp_p\":22,\"version\":2,\"auth_success\":true,\"auth_attempts\":1,"
      + "\"client\":\"SSH-2.0-OpenSSH_7.6\",\"server\":\"SSH-2.0-OpenSSH_7.4p1 Raspbian-10+deb9u3\","
      + "\"cipher_alg\":\"chacha20-poly1305@openssh.com\",\"mac_alg\":\"umac-64-etm@openssh.com\","
      + "\"compression_alg\":\"none\",\"kex_alg\":\"curve25519-sha256\","
      + "\"host_key_alg\":\"ecdsa-sha2-nistp256\","
      + "\"host_key\":\"2d:37:6b:11:43:f8:96:08:fe:60:42:20:98:9f:75:af\"}";

  /** The connection fields of {@link #SSH_LINE}, to build lines with other key layouts. */
  static final String ENDPOINTS_DOTTED = "\"ts\":1521911799.739898,\"id.orig_h\":\"10.0.0.227\","
      + "\"id.orig_p\":59849,\"id.resp_h\":\"10.47.8.50\",\"id.resp_p\":22";

  static SshSession session(Reading reading) {
    assertThat(reading.messages()).isEmpty();
    assertThat(reading.ssh).hasSize(1);
    return reading.ssh.get(0);
  }

  @Test
  void sshLineReadsEveryField() {
    Reading reading = Reading.of("ssh.json", SSH_LINE + "\n");

    assertThat(reading.ssh).containsExactly(TsvReadingTest.expectedSsh(AuthOutcome.SUCCESS, "ssh.json", 1));
    assertThat(reading.messages()).isEmpty();
    assertThat(reading.stats.lines()).isEqualTo(1);
    assertThat(reading.stats.sshRecords()).isEqualTo(1);
  }

  @Test
  void connLineReadsEveryField() {
    String line = "{\"ts\": 1517422326.539915, \"uid\": \"CxHo3m4N8uGxrMlcl2\", \"id.orig_h\":"
        + " \"10.55.100.100\", \"id.orig_p\": 61843, \"id.resp_h\": \"205.204.101.182\","
        + " \"id.resp_p\": 80, \"proto\": \"tcp\", \"service\": \"http\", \"duration\": 108.985496,"
        + " \"orig_bytes\": 719, \"resp_bytes\": 336, \"conn_state\": \"SF\", \"local_orig\": true,"
        + " \"local_resp\": false, \"missed_bytes\": 20, \"history\": \"ShADadfF\", \"orig_pkts\": 10,"
        + " \"tunnel_parents\": [\"Cx\", \"Cy\"], \"_path\": \"conn\"}";

    Reading reading = Reading.of("conn.log", line);

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.conn).containsExactly(new ConnSummary(
        1517422326539915L, "CxHo3m4N8uGxrMlcl2", IpAddress.parse("10.55.100.100"), 61843,
        IpAddress.parse("205.204.101.182"), 80, "tcp", "http", 108985496L, 719L, 336L, "SF",
        "ShADadfF", Boolean.TRUE, Boolean.FALSE, new RecordOrigin("conn.log", 1)));
  }

  @Test
  void absentAndNullConnFieldsAreUnset() {
    String line = "{" + ENDPOINTS_DOTTED + ",\"duration\":null,\"local_orig\":null}";

    ConnSummary connection = Reading.of("conn.log", line).conn.get(0);

    assertThat(connection.uid()).isNull();
    assertThat(connection.durationMicros()).isEqualTo(-1);
    assertThat(connection.originatorBytes()).isEqualTo(-1);
    assertThat(connection.localOriginator()).isNull();
    assertThat(connection.localResponder()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{\"ts\":1521911799.739898,\"id.orig_h\":\"10.0.0.227\",\"id.orig_p\":59849,"
          + "\"id.resp_h\":\"10.47.8.50\",\"id.resp_p\":22}",
      "{\"ts\":1521911799.739898,\"id_orig_h\":\"10.0.0.227\",\"id_orig_p\":59849,"
          + "\"id_resp_h\":\"10.47.8.50\",\"id_resp_p\":22}",
      "{\"ts\":1521911799.739898,\"id\":{\"orig_h\":\"10.0.0.227\",\"orig_p\":59849,"
          + "\"resp_h\":\"10.47.8.50\",\"resp_p\":22}}",
      "{\"ssh\":{\"ts\":1521911799.739898,\"id\":{\"orig_h\":\"10.0.0.227\",\"orig_p\":59849,"
          + "\"resp_h\":\"10.47.8.50\",\"resp_p\":22}}}",
      "{\"ssh\":{\"ts\":1521911799.739898,\"id.orig_h\":\"10.0.0.227\",\"id.orig_p\":59849,"
          + "\"id.resp_h\":\"10.47.8.50\",\"id.resp_p\":22}}",
      "{\"ts\":1521911799739,\"id.orig_h\":\"10.0.0.227\",\"id.orig_p\":59849,"
          + "\"id.resp_h\":\"10.47.8.50\",\"id.resp_p\":22}",
      "{\"ts\":\"2018-03-24T19:16:39.739898+02:00\",\"id.orig_h\":\"10.0.0.227\","
          + "\"id.orig_p\":59849,\"id.resp_h\":\"10.47.8.50\",\"id.resp_p\":22}",
      "{\"ts\":\"1521911799.739898\",\"id.orig_h\":\"10.0.0.227\",\"id.orig_p\":\"59849\","
          + "\"id.resp_h\":\"10.47.8.50\",\"id.resp_p\":22,\"extra\":{\"a\":[1,{\"b\":2}]}}",
  })
  void keyLayoutsReadSameEndpoints(String line) {
    SshSession session = session(Reading.of("ssh.log", line));

    long expectedMicros = line.contains("1521911799739,") ? 1521911799739000L : 1521911799739898L;
    assertThat(session.timestampMicros()).isEqualTo(expectedMicros);
    assertThat(session.originator()).isEqualTo(IpAddress.parse("10.0.0.227"));
    assertThat(session.originatorPort()).isEqualTo(59849);
    assertThat(session.responder()).isEqualTo(IpAddress.parse("10.47.8.50"));
    assertThat(session.responderPort()).isEqualTo(22);
  }

  @Test
  void integerSecondsAreNotMilliseconds() {
    String line = "{\"ts\":1521911799,\"id.orig_h\":\"10.0.0.227\",\"id.orig_p\":59849,"
        + "\"id.resp_h\":\"10.47.8.50\",\"id.resp_p\":22}";

    assertThat(session(Reading.of("ssh.log", line)).timestampMicros()).isEqualTo(1521911799000000L);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiterString = "=>", value = {
      ",\"auth_success\":true => SUCCESS",
      ",\"auth_success\":false => FAILURE",
      ",\"auth_success\":null => UNSET",
      " => UNSET",
  })
  void authSuccessIsThreeValued(String member, AuthOutcome expected) {
    String line = "{" + ENDPOINTS_DOTTED + (member == null ? "" : member) + "}";

    assertThat(session(Reading.of("ssh.log", line)).auth()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", value = {
      "\"yes\" => yes",
      "1 => 1",
      "\"T\" => T",
      "[true] => [...]",
  })
  void badAuthSuccessSkipsRow(String value, String quotedText) {
    String line = "{" + ENDPOINTS_DOTTED + ",\"auth_success\":" + value + "}";

    Reading reading = Reading.of("ssh.log", line);

    assertThat(reading.messages()).containsExactly(
        "ssh.log:1: error: auth_success is '" + quotedText + "', expected true, false or null"
            + " [bad-auth-success]");
    assertThat(reading.ssh).isEmpty();
    assertThat(reading.stats.skippedRecords()).isEqualTo(1);
  }

  @Test
  void logTypePrecedence() {
    String flat = "{" + ENDPOINTS_DOTTED + "}";
    String connPath = "{\"_path\":\"conn\"," + ENDPOINTS_DOTTED + "}";
    String sshEnvelope = "{\"ssh\":{" + ENDPOINTS_DOTTED + "}}";
    String connEnvelopeWithSshPath = "{\"conn\":{\"_path\":\"ssh\"," + ENDPOINTS_DOTTED + "}}";
    String dnsPath = "{\"_path\":\"dns\"," + ENDPOINTS_DOTTED + "}";
    String dnsEnvelope = "{\"dns\":{" + ENDPOINTS_DOTTED + "}}";
    String text = String.join("\n", flat, connPath, sshEnvelope, connEnvelopeWithSshPath, dnsPath,
        dnsEnvelope);

    Reading reading = Reading.of("conn.json", text);

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.conn).extracting(connection -> connection.origin().line()).containsExactly(1L, 2L);
    assertThat(reading.ssh).extracting(session -> session.origin().line()).containsExactly(3L, 4L);
    assertThat(reading.stats.otherRecords()).isEqualTo(2);
  }

  @Test
  void unknownTypeIsReportedOnce() {
    String line = "{" + ENDPOINTS_DOTTED + "}\n";

    Reading reading = Reading.of("-", line + line, LogType.OTHER);

    assertThat(reading.diagnostics.countsByReason()).containsExactly(java.util.Map.entry("unknown-log-type", 1L));
    assertThat(reading.stats.otherRecords()).isEqualTo(2);
  }

  @Test
  void missingRequiredKeysSkipTheRow() {
    String line = "{\"_path\":\"ssh\",\"ts\":1521911799.739898,\"id.orig_h\":\"10.0.0.227\","
        + "\"id.resp_h\":\"10.47.8.50\",\"auth_success\":true}";

    Reading reading = Reading.of("ssh.json", line);

    assertThat(reading.messages()).containsExactly(
        "ssh.json:1: error: the ssh row has no id.orig_p and id.resp_p keys, so it is skipped; ssh"
            + " and conn rows need ts, id.orig_h, id.orig_p, id.resp_h and id.resp_p [missing-field]");
    assertThat(reading.stats.skippedRecords()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", value = {
      "{\"ts\":1 \"uid\":2} => the line is not a JSON object: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries at column 9; expected one Zeek JSON object per line",
      "{\"ts\":1} {\"ts\":2} => the line is not a JSON object: it does not consist of exactly one object; expected one Zeek JSON object per line",
      "[1,2] => the line is not a JSON object: it does not consist of exactly one object; expected one Zeek JSON object per line",
  })
  void invalidJsonLineIsSkipped(String bad, String message) {
    String text = SSH_LINE + "\n" + bad + "\n" + SSH_LINE + "\n";

    Reading reading = Reading.of("ssh.json", text);

    assertThat(reading.messages()).containsExactly("ssh.json:2: error: " + message + " [bad-json]");
    assertThat(reading.ssh).extracting(session -> session.origin().line()).containsExactly(1L, 3L);
    assertThat(reading.stats.skippedRecords()).isEqualTo(1);
  }

  @Test
  void portAboveRangeSkipsTheRow() {
    String line = "{\"ts\":1704738946.088347,\"uid\":\"KmdfJfdsIIJ9fdsjID\",\"id.orig_h\":\"10.50.200.12\","
        + "\"id.orig_p\":93145,\"id.resp_h\":\"10.50.200.15\",\"id.resp_p\":2798,\"proto\":\"tcp\"}";

    Reading reading = Reading.of("conn.log", line);

    assertThat(reading.messages()).containsExactly(
        "conn.log:1: error: id.orig_p is '93145', expected a port number from 0 to 65535 [bad-port]");
    assertThat(reading.conn).isEmpty();
  }

  @Test
  void cutLastLineWarnsTruncated() {
    String text = SSH_LINE + "\n" + SSH_LINE.substring(0, 120);

    Reading reading = Reading.of("ssh.json", text);

    assertThat(reading.messages()).containsExactly(
        "ssh.json:2: warning: the input ends in the middle of a row: the last line is not a complete"
            + " JSON object (Unexpected end-of-input in field name at column 121); the rows before it"
            + " were read and this line was skipped [truncated-input]");
    assertThat(reading.ssh).hasSize(1);
    assertThat(reading.stats.truncated()).isTrue();
  }

  @Test
  void jsonAfterUnknownHeaderLineIsRead() {
    String text = "### BTest baseline data generated by btest-diff.\n" + SSH_LINE + "\n";

    Reading reading = Reading.of("ssh.log", text);

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.ssh).extracting(session -> session.origin().line()).containsExactly(2L);
  }

  @Test
  void textAfterJsonLinesIsAnError() {
    String text = SSH_LINE + "\n#close\t2024-04-12\n";

    Reading reading = Reading.of("ssh.json", text);

    assertThat(reading.diagnostics.countsByReason()).containsExactly(java.util.Map.entry("bad-json", 1L));
    assertThat(reading.ssh).hasSize(1);
  }

  @Test
  void unicodeEscapesInStringsAreDecoded() {
    String line = "{" + ENDPOINTS_DOTTED + ",\"client\":\"SSH-2.0-caf\\u00e9\\n\",\"server\":\"\"}";

    SshSession session = session(Reading.of("ssh.log", line));

    assertThat(session.client()).isEqualTo("SSH-2.0-café\n");
    assertThat(session.server()).isEmpty();
  }
}
