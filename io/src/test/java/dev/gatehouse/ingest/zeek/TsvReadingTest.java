package dev.gatehouse.ingest.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.net.IpAddress;
import dev.gatehouse.core.record.AuthOutcome;
import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.RecordOrigin;
import dev.gatehouse.core.record.SshSession;
import dev.gatehouse.ingest.LogType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TsvReadingTest {

  static final String[] SSH_FIELDS = {
      "ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "version", "auth_success",
      "auth_attempts", "direction", "client", "server", "cipher_alg", "mac_alg", "compression_alg",
      "kex_alg", "host_key_alg", "host_key"};

  static final String[] SSH_ROW = {
      "1521911799.739898", "C2MugGdsn3ZVI1wn6", "10.0.0.227", "59849", "10.47.8.50", "22", "2", "T",
      "1", "-", "SSH-2.0-OpenSSH_7.6", "SSH-2.0-OpenSSH_7.4p1 Raspbian-10+deb9u3",
      "chacha20-poly1305@openssh.com", "umac-64-etm@openssh.com", "none", "curve25519-sha256",
      "ecdsa-sha2-nistp256", "2d:37:6b:11:43:f8:96:08:fe:60:42:20:98:9f:75:af"};

  static final String[] CONN_FIELDS = {
      "ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto", "service",
      "duration", "orig_bytes", "resp_bytes", "conn_state", "local_orig", "local_resp",
      "missed_bytes", "history", "orig_pkts", "orig_ip_bytes", "resp_pkts", "resp_ip_bytes",
      "tunnel_parents"};

  static final String[] CONN_ROW = {
      "1713488394.295473", "ChuESt1b7vFoOjz7Fc", "197.199.224.52", "34188", "64.225.56.201", "22",
      "tcp", "ssh", "3.150262", "1250", "1694", "SF", "F", "T", "0", "ShADadFf", "12", "1882", "14",
      "2430", "(empty)"};

  /** The first data line after {@link #header}: eight header lines come before it. */
  static final int FIRST_ROW_LINE = 9;

  /** Returns a Zeek 6 style header block with tab separators. */
  static String header(String path, String... fields) {
    return String.join("\n",
        "#separator \\x09",
        "#set_separator\t,",
        "#empty_field\t(empty)",
        "#unset_field\t-",
        "#path\t" + path,
        "#open\t2024-04-12-19-29-44",
        "#fields\t" + String.join("\t", fields),
        "#types\t" + String.join("\t", Arrays.stream(fields).map(f -> "string").toList()))
        + "\n";
  }

  static String row(String... fields) {
    return String.join("\t", fields) + "\n";
  }

  /** Returns {@code base} with the field named {@code field} replaced by {@code value}. */
  static String[] with(String[] fields, String[] base, String field, String value) {
    String[] copy = base.clone();
    copy[Arrays.asList(fields).indexOf(field)] = value;
    return copy;
  }

  static SshSession expectedSsh(AuthOutcome auth, String source, long line) {
    return new SshSession(
        1521911799739898L,
        "C2MugGdsn3ZVI1wn6",
        IpAddress.parse("10.0.0.227"),
        59849,
        IpAddress.parse("10.47.8.50"),
        22,
        auth,
        1,
        null,
        "SSH-2.0-OpenSSH_7.6",
        "SSH-2.0-OpenSSH_7.4p1 Raspbian-10+deb9u3",
        "chacha20-poly1305@openssh.com",
        "umac-64-etm@openssh.com",
        "curve25519-sha256",
        "ecdsa-sha2-nistp256",
        "2d:37:6b:11:43:f8:96:08:fe:60:42:20:98:9f:75:af",
        new RecordOrigin(source, line));
  }

  @Test
  void sshRowReadsEveryField() {
    String text = header("ssh", SSH_FIELDS) + row(SSH_ROW) + "#close\t2024-04-12-19-34-07\n";

    Reading reading = Reading.of("ssh.log", text);

    assertThat(reading.ssh).containsExactly(expectedSsh(AuthOutcome.SUCCESS, "ssh.log", FIRST_ROW_LINE));
    assertThat(reading.messages()).isEmpty();
    assertThat(reading.stats.source()).isEqualTo("ssh.log");
    assertThat(reading.stats.lines()).isEqualTo(10);
    assertThat(reading.stats.bytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    assertThat(reading.stats.sshRecords()).isEqualTo(1);
    assertThat(reading.stats.connRecords()).isZero();
    assertThat(reading.stats.otherRecords()).isZero();
    assertThat(reading.stats.skippedRecords()).isZero();
    assertThat(reading.stats.truncated()).isFalse();
  }

  @Test
  void connRowReadsEveryField() {
    String text = header("conn", CONN_FIELDS) + row(CONN_ROW);

    Reading reading = Reading.of("conn.log", text);

    assertThat(reading.conn).containsExactly(new ConnSummary(
        1713488394295473L,
        "ChuESt1b7vFoOjz7Fc",
        IpAddress.parse("197.199.224.52"),
        34188,
        IpAddress.parse("64.225.56.201"),
        22,
        "tcp",
        "ssh",
        3150262L,
        1250L,
        1694L,
        "SF",
        "ShADadFf",
        Boolean.FALSE,
        Boolean.TRUE,
        new RecordOrigin("conn.log", FIRST_ROW_LINE)));
    assertThat(reading.messages()).isEmpty();
    assertThat(reading.stats.connRecords()).isEqualTo(1);
  }

  @Test
  void connUnsetValues() {
    String[] values = CONN_ROW.clone();
    for (String field : List.of("service", "duration", "orig_bytes", "resp_bytes", "conn_state",
        "local_orig", "local_resp", "history", "uid", "proto")) {
      values = with(CONN_FIELDS, values, field, "-");
    }

    Reading reading = Reading.of("conn.log", header("conn", CONN_FIELDS) + row(values));

    ConnSummary connection = reading.conn.get(0);
    assertThat(connection.uid()).isNull();
    assertThat(connection.protocol()).isNull();
    assertThat(connection.service()).isNull();
    assertThat(connection.durationMicros()).isEqualTo(-1);
    assertThat(connection.originatorBytes()).isEqualTo(-1);
    assertThat(connection.responderBytes()).isEqualTo(-1);
    assertThat(connection.connState()).isNull();
    assertThat(connection.history()).isNull();
    assertThat(connection.localOriginator()).isNull();
    assertThat(connection.localResponder()).isNull();
    assertThat(reading.messages()).isEmpty();
  }

  @ParameterizedTest(name = "auth_success {0} -> {1}")
  @CsvSource({"T, SUCCESS", "F, FAILURE", "-, UNSET"})
  void authSuccessIsThreeValued(String value, AuthOutcome expected) {
    String text = header("ssh", SSH_FIELDS) + row(with(SSH_FIELDS, SSH_ROW, "auth_success", value));

    Reading reading = Reading.of("ssh.log", text);

    assertThat(reading.ssh).extracting(SshSession::auth).containsExactly(expected);
    assertThat(reading.messages()).isEmpty();
  }

  @Test
  void emptyUnsetAndDashDiffer() {
    String[] values = with(SSH_FIELDS, SSH_ROW, "client", "(empty)");
    values = with(SSH_FIELDS, values, "server", "-");
    values = with(SSH_FIELDS, values, "direction", "\\x2d");

    SshSession session = Reading.of("ssh.log", header("ssh", SSH_FIELDS) + row(values)).ssh.get(0);

    assertThat(session.client()).isEmpty();
    assertThat(session.server()).isNull();
    assertThat(session.direction()).isEqualTo("-");
  }

  @Test
  void markersComeFromTheHeader() {
    String text = header("ssh", SSH_FIELDS)
        .replace("#empty_field\t(empty)", "#empty_field\tEMPTY")
        .replace("#unset_field\t-", "#unset_field\tNOT-SET");
    String[] values = with(SSH_FIELDS, SSH_ROW, "auth_success", "NOT-SET");
    values = with(SSH_FIELDS, values, "client", "EMPTY");
    values = with(SSH_FIELDS, values, "server", "-");

    SshSession session = Reading.of("ssh.log", text + row(values)).ssh.get(0);

    assertThat(session.auth()).isEqualTo(AuthOutcome.UNSET);
    assertThat(session.client()).isEmpty();
    assertThat(session.server()).isEqualTo("-");
  }

  @ParameterizedTest(name = "#separator {0}")
  @CsvSource(delimiterString = "=>", value = {
      "\\x09 => '\t' => \\x09",
      "\\x7c => | => \\x7c",
      "|| => || => \\x7c\\x7c",
      "\\x20 => ' ' => \\x20",
      "\\x2c => , => \\x2c",
  })
  void separatorComesFromTheHeader(String declared, String separator, String escaped) {
    List<String> lines = new ArrayList<>();
    lines.add("#separator " + declared);
    lines.add(String.join(separator, "#set_separator", ";"));
    lines.add(String.join(separator, "#empty_field", "(empty)"));
    lines.add(String.join(separator, "#unset_field", "-"));
    lines.add(String.join(separator, "#path", "ssh"));
    lines.add(String.join(separator, "#fields", String.join(separator, SSH_FIELDS)));
    String[] values = with(SSH_FIELDS, SSH_ROW, "client", "SSH-2.0-a" + escaped + "b");
    values = with(SSH_FIELDS, values, "server", "SSH-2.0-OpenSSH_7.4p1" + "\\x20" + "Raspbian");
    lines.add(String.join(separator, values));

    Reading reading = Reading.of("ssh.log", String.join("\n", lines) + "\n");

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.ssh).hasSize(1);
    assertThat(reading.ssh.get(0).client()).isEqualTo("SSH-2.0-a" + separator + "b");
    assertThat(reading.ssh.get(0).server()).isEqualTo("SSH-2.0-OpenSSH_7.4p1 Raspbian");
    assertThat(reading.ssh.get(0).hostKey()).isEqualTo(SSH_ROW[17]);
  }

  @Test
  void columnsFoundByAnyScopeSeparator() {
    String[] fields = {"_node_name", "hassh", "host_key", "id_resp_p", "id_resp_h", "auth_success",
        "id_orig_p", "id_orig_h", "uid", "ts", "vendor.extra"};
    String[] values = {"worker-eth0-1", "ec7378c1a92f5a8dde7e8b7a1ddf33d1", "aa:bb", "22",
        "10.47.8.50", "F", "59849", "10.0.0.227", "CmvGHd2utfyynxhHN4", "1521911799.739898", "x"};

    Reading reading = Reading.of("ssh.log", header("ssh", fields) + row(values));

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.ssh).containsExactly(new SshSession(
        1521911799739898L, "CmvGHd2utfyynxhHN4", IpAddress.parse("10.0.0.227"), 59849,
        IpAddress.parse("10.47.8.50"), 22, AuthOutcome.FAILURE, -1, null, null, null, null, null,
        null, null, "aa:bb", new RecordOrigin("ssh.log", FIRST_ROW_LINE)));
  }

  @ParameterizedTest(name = "host_key {0}, host_key_fingerprint {1} -> {2}")
  @CsvSource({
      "aa:bb, SHA256:xyz, SHA256:xyz",
      "aa:bb, -, aa:bb",
      "-, SHA256:xyz, SHA256:xyz",
      "-, -, ",
  })
  void hostKeyPrefersFingerprint(String hostKey, String fingerprint, String expected) {
    String[] fields = {"ts", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "host_key",
        "host_key_fingerprint"};
    String[] values = {"1521911799.739898", "10.0.0.227", "59849", "10.47.8.50", "22", hostKey,
        fingerprint};

    Reading reading = Reading.of("ssh.log", header("ssh", fields) + row(values));

    assertThat(reading.ssh.get(0).hostKey()).isEqualTo(expected);
  }

  @Test
  void concatenatedLogsRebindColumns() {
    String[] reordered = {"id.resp_p", "id.resp_h", "id.orig_p", "id.orig_h", "ts", "auth_success"};
    String text = header("ssh", SSH_FIELDS)
        + row(SSH_ROW)
        + "#close\t2024-04-12-19-34-07\n"
        + header("conn", CONN_FIELDS)
        + row(CONN_ROW)
        + header("dns", "ts", "uid", "query")
        + row("1521911799.739898", "Cdns", "example.com")
        + row("1521911799.739898", "Cdns2", "example.org")
        + header("ssh", reordered)
        + row("2222", "192.168.2.158", "55179", "192.168.2.1", "1419996264.344957", "F")
        + "#fields\t" + String.join("\t", SSH_FIELDS) + "\n"
        + row(with(SSH_FIELDS, SSH_ROW, "ts", "1521911000.000001"));

    Reading reading = Reading.of("mixed.log", text);

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.ssh).extracting(session -> session.origin().line()).containsExactly(9L, 38L, 40L);
    assertThat(reading.ssh.get(1).responderPort()).isEqualTo(2222);
    assertThat(reading.ssh.get(1).originator()).isEqualTo(IpAddress.parse("192.168.2.1"));
    assertThat(reading.ssh.get(1).auth()).isEqualTo(AuthOutcome.FAILURE);
    assertThat(reading.ssh.get(2).timestampMicros()).isEqualTo(1521911000000001L);
    assertThat(reading.conn).extracting(connection -> connection.origin().line()).containsExactly(19L);
    assertThat(reading.stats.sshRecords()).isEqualTo(3);
    assertThat(reading.stats.connRecords()).isEqualTo(1);
    assertThat(reading.stats.otherRecords()).isEqualTo(2);
  }

  @Test
  void unorderedRowsKeepFileOrder() {
    String text = header("ssh", SSH_FIELDS)
        + row(with(SSH_FIELDS, SSH_ROW, "ts", "1521912984.947911"))
        + row(with(SSH_FIELDS, SSH_ROW, "ts", "1521911799.739898"));

    Reading reading = Reading.of("ssh.log", text);

    assertThat(reading.ssh).extracting(SshSession::timestampMicros)
        .containsExactly(1521912984947911L, 1521911799739898L);
  }

  @Test
  void shortRowIsSkipped() {
    String text = header("ssh", SSH_FIELDS)
        + row(Arrays.copyOf(SSH_ROW, 12))
        + row(SSH_ROW);

    Reading reading = Reading.of("ssh.log", text);

    assertThat(reading.messages()).containsExactly(
        "ssh.log:9: error: the row has 12 fields but #fields lists 18; the row may be cut short,"
            + " or its separator differs from the header's [short-row]");
    assertThat(reading.ssh).extracting(session -> session.origin().line()).containsExactly(10L);
    assertThat(reading.stats.skippedRecords()).isEqualTo(1);
  }

  @Test
  void extraFieldsWarn() {
    String[] longer = Arrays.copyOf(SSH_ROW, 20);
    longer[18] = "extra";
    longer[19] = "more";

    Reading reading = Reading.of("ssh.log", header("ssh", SSH_FIELDS) + row(longer));

    assertThat(reading.messages()).containsExactly(
        "ssh.log:9: warning: the row has 20 fields but #fields lists 18; the fields after the last"
            + " named column are ignored [extra-fields]");
    assertThat(reading.ssh).containsExactly(expectedSsh(AuthOutcome.SUCCESS, "ssh.log", 9));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiterString = "=>", value = {
      "auth_success => yes => error: auth_success is 'yes', expected T, F or the unset marker '-' [bad-auth-success]",
      "auth_success => 1 => error: auth_success is '1', expected T, F or the unset marker '-' [bad-auth-success]",
      "auth_success => (empty) => error: auth_success is '(empty)', expected T, F or the unset marker '-' [bad-auth-success]",
      "ts => XXXXXXXXXX.XXXXXX => error: ts is 'XXXXXXXXXX.XXXXXX', expected seconds since the epoch such as 1521911799.739898 or an ISO 8601 time with a zone such as 2018-03-24T17:16:39.739898Z [bad-timestamp]",
      "ts => - => error: ts is unset, expected seconds since the epoch such as 1521911799.739898 or an ISO 8601 time with a zone such as 2018-03-24T17:16:39.739898Z [bad-timestamp]",
      "id.orig_h => 10.0.0.256 => error: id.orig_h is '10.0.0.256', expected an IPv4 or IPv6 address [bad-address]",
      "id.orig_h => 010.0.0.1 => error: id.orig_h is '010.0.0.1', expected an IPv4 or IPv6 address [bad-address]",
      "id.resp_h => - => error: id.resp_h is unset, expected an IPv4 or IPv6 address [bad-address]",
      "id.resp_h => host.example => error: id.resp_h is 'host.example', expected an IPv4 or IPv6 address [bad-address]",
      "id.orig_p => 93145 => error: id.orig_p is '93145', expected a port number from 0 to 65535 [bad-port]",
      "id.resp_p => 22/tcp => error: id.resp_p is '22/tcp', expected a port number from 0 to 65535 [bad-port]",
  })
  void badRequiredValueSkipsRow(String field, String value, String expected) {
    String text = header("ssh", SSH_FIELDS) + row(with(SSH_FIELDS, SSH_ROW, field, value));

    Reading reading = Reading.of("ssh.log", text);

    assertThat(reading.messages()).containsExactly("ssh.log:9: " + expected);
    assertThat(reading.ssh).isEmpty();
    assertThat(reading.stats.skippedRecords()).isEqualTo(1);
  }

  @Test
  void badAuthAttemptsReadsUnset() {
    String text = header("ssh", SSH_FIELDS) + row(with(SSH_FIELDS, SSH_ROW, "auth_attempts", "many"));

    Reading reading = Reading.of("ssh.log", text);

    assertThat(reading.messages()).containsExactly(
        "ssh.log:9: warning: auth_attempts is 'many', expected a non-negative integer; the row is"
            + " read with auth_attempts unset [bad-count]");
    assertThat(reading.ssh).extracting(SshSession::authAttempts).containsExactly(-1);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiterString = "=>", value = {
      "duration => -1.0 => duration is '-1.0', expected a non-negative number of seconds; the row is read with duration unset [bad-duration]",
      "orig_bytes => 12kB => orig_bytes is '12kB', expected a non-negative integer; the row is read with orig_bytes unset [bad-count]",
      "local_orig => yes => local_orig is 'yes', expected T, F or the unset marker '-'; the row is read with local_orig unset [bad-bool]",
  })
  void badOptionalValueReadsUnset(String field, String value, String expected) {
    String text = header("conn", CONN_FIELDS) + row(with(CONN_FIELDS, CONN_ROW, field, value));

    Reading reading = Reading.of("conn.log", text);

    assertThat(reading.messages()).containsExactly("conn.log:9: warning: " + expected);
    assertThat(reading.conn).hasSize(1);
    ConnSummary connection = reading.conn.get(0);
    assertThat(connection.durationMicros()).isEqualTo(field.equals("duration") ? -1 : 3150262L);
    assertThat(connection.originatorBytes()).isEqualTo(field.equals("orig_bytes") ? -1 : 1250L);
    assertThat(connection.localOriginator()).isEqualTo(field.equals("local_orig") ? null : Boolean.FALSE);
  }

  @Test
  void missingRequiredColumnSkipsBlock() {
    String[] fields = {"ts", "uid", "id.orig_h", "id.resp_h", "auth_success"};
    String text = header("ssh", fields)
        + row("1521911799.739898", "C1", "10.0.0.1", "10.0.0.2", "T")
        + row("1521911799.739898", "C2", "10.0.0.1", "10.0.0.2", "F")
        + header("ssh", SSH_FIELDS)
        + row(SSH_ROW);

    Reading reading = Reading.of("ssh.log", text);

    assertThat(reading.messages()).containsExactly(
        "ssh.log:7: error: the #fields line of this ssh log has no id.orig_p and id.resp_p"
            + " columns, so the rows below it are skipped; it lists ts, uid, id.orig_h, id.resp_h,"
            + " auth_success [missing-column]");
    assertThat(reading.stats.skippedRecords()).isEqualTo(2);
    assertThat(reading.ssh).extracting(session -> session.origin().line()).containsExactly(19L);
  }

  @Test
  void missingAuthSuccessReadsUnset() {
    String[] fields = {"ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "status",
        "direction", "client", "server"};
    String text = header("ssh", fields)
        + row("1055289978.855137", "CsRx2w45OKnoww6xl4", "66.59.111.190", "40264", "172.28.2.3",
            "22", "failure", "INBOUND", "SSH-2.0-OpenSSH_3.6.1p1", "SSH-1.99-OpenSSH_3.1p1")
        + row("1055289979.855137", "CsRx2w45OKnoww6xl5", "66.59.111.190", "40265", "172.28.2.3",
            "22", "success", "INBOUND", "SSH-2.0-OpenSSH_3.6.1p1", "SSH-1.99-OpenSSH_3.1p1");

    Reading reading = Reading.of("ssh.log", text);

    assertThat(reading.messages()).containsExactly(
        "ssh.log:7: warning: the #fields line of this ssh log has no auth_success column, so the"
            + " rows below it are read with auth_success unset; it lists ts, uid, id.orig_h,"
            + " id.orig_p, id.resp_h, id.resp_p, status, direction, client, server [missing-column]");
    assertThat(reading.ssh).extracting(SshSession::auth)
        .containsExactly(AuthOutcome.UNSET, AuthOutcome.UNSET);
    assertThat(reading.ssh.get(0).direction()).isEqualTo("INBOUND");
  }

  @Test
  void zeekCutColumnLineIsRead() {
    String text = row("ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "auth_success",
        "client")
        + row("1521911799.739898", "C1", "10.0.0.227", "59849", "10.47.8.50", "22", "T", "(empty)")
        + row("1521911800.739898", "C2", "10.0.0.227", "59850", "10.47.8.50", "22", "-", "-");

    Reading reading = Reading.of("ssh.log", text);

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.ssh).extracting(SshSession::auth)
        .containsExactly(AuthOutcome.SUCCESS, AuthOutcome.UNSET);
    assertThat(reading.ssh).extracting(SshSession::client).containsExactly("", null);
    assertThat(reading.ssh).extracting(session -> session.origin().line()).containsExactly(2L, 3L);
  }

  @Test
  void zeekCutUnknownTypeIsOther() {
    String text = row("ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p")
        + row("1521911799.739898", "C1", "10.0.0.227", "59849", "10.47.8.50", "22");

    Reading reading = Reading.of("-", text.getBytes(StandardCharsets.UTF_8), LogType.OTHER);

    assertThat(reading.messages()).containsExactly(
        "-:1: warning: the log type is unknown: the input has no #path line or _path key and the"
            + " file name does not start with 'ssh.' or 'conn.', so its rows are counted as other"
            + " logs and not read. Name the input ssh.log or conn.log to read it [unknown-log-type]");
    assertThat(reading.stats.otherRecords()).isEqualTo(1);
  }

  @Test
  void textWithoutHeaderIsOneError() {
    String text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n\n"
        + "Erat velit scelerisque in dictum non consectetur.\n";

    Reading reading = Reading.of("conn.log", text);

    assertThat(reading.messages()).containsExactly(
        "conn.log:1: error: the input is neither a Zeek TSV log nor Zeek JSON lines: expected a"
            + " '#separator' header line, one JSON object per line, or a zeek-cut line of"
            + " tab-separated column names such as 'ts uid id.orig_h'; the line starts with 'Lorem"
            + " ipsum dolor sit amet, consectetur adipiscing elit.'. Rows are skipped until a header"
            + " appears [no-header]");
    assertThat(reading.conn).isEmpty();
    assertThat(reading.stats.lines()).isEqualTo(3);
    assertThat(reading.stats.skippedRecords()).isEqualTo(2);
  }

  @Test
  void rowsWithoutHeaderAreOneError() {
    String text = row(CONN_ROW) + row(CONN_ROW);

    Reading reading = Reading.of("conn.log", text);

    assertThat(reading.diagnostics.countsByReason()).containsExactly(java.util.Map.entry("no-header", 1L));
    assertThat(reading.conn).isEmpty();
    assertThat(reading.stats.skippedRecords()).isEqualTo(2);
  }

  @Test
  void rowBeforeFieldsLine() {
    String text = "#separator \\x09\n#path\tssh\n" + row(SSH_ROW) + "#fields\t"
        + String.join("\t", SSH_FIELDS) + "\n" + row(SSH_ROW);

    Reading reading = Reading.of("ssh.log", text);

    assertThat(reading.messages()).hasSize(1);
    assertThat(reading.messages().get(0)).startsWith(
        "ssh.log:3: error: a data row comes before the #fields line: expected a '#separator'");
    assertThat(reading.ssh).extracting(session -> session.origin().line()).containsExactly(5L);
  }

  @Test
  void missingSeparatorUsesTab() {
    String text = header("conn", CONN_FIELDS).replace("#separator \\x09\n", "") + row(CONN_ROW);

    Reading reading = Reading.of("conn.log", text);

    assertThat(reading.messages()).containsExactly(
        "conn.log:6: warning: the header has no #separator line before #fields, so it is read with"
            + " Zeek's default separator, a tab [missing-separator]");
    assertThat(reading.conn).hasSize(1);
  }

  @Test
  void customMetaPrefix() {
    String text = String.join("\n",
        "PREFIX<>separator |",
        "PREFIX<>set_separator|,",
        "PREFIX<>empty_field|EMPTY",
        "PREFIX<>unset_field|NOT-SET",
        "PREFIX<>path|ssh",
        "PREFIX<>fields|ts|id.orig_h|id.orig_p|id.resp_h|id.resp_p|auth_success|client",
        "PREFIX<>types|time|addr|port|addr|port|bool|string",
        "1521911799.739898|1.2.3.4|1234|2.3.4.5|22|NOT-SET|EMPTY",
        "1521911799.739898|1.2.3.4|1234|2.3.4.5|22|T|NOT-SET") + "\n";

    Reading reading = Reading.of("ssh-filtered.log", text, LogType.OTHER);

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.ssh).extracting(SshSession::auth)
        .containsExactly(AuthOutcome.UNSET, AuthOutcome.SUCCESS);
    assertThat(reading.ssh).extracting(SshSession::client).containsExactly("", null);
  }

  @Test
  void typeFromNameWithoutPath() {
    String text = header("conn", CONN_FIELDS).replace("#path\tconn\n", "") + row(CONN_ROW);

    assertThat(Reading.of("conn.log", text).conn).hasSize(1);
    assertThat(Reading.of("ssh.log", text).stats.skippedRecords()).isZero();
    assertThat(Reading.of("notes.log", text).stats.otherRecords()).isEqualTo(1);
  }

  @Test
  void pathLineOverridesFileName() {
    String text = header("conn", CONN_FIELDS) + row(CONN_ROW);

    Reading reading = Reading.of("ssh.log", text);

    assertThat(reading.conn).hasSize(1);
    assertThat(reading.ssh).isEmpty();
  }

  @Test
  void otherLogTypesAreCounted() {
    String text = header("notice", "ts", "uid", "note") + row("1521911799.739898", "-", "SSH::Password_Guessing");

    Reading reading = Reading.of("notice.log", text);

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.stats.otherRecords()).isEqualTo(1);
  }

  @Test
  void crlfAndBlankLinesIgnored() {
    String text = "\ufeff" + (header("ssh", SSH_FIELDS) + "\n" + row(SSH_ROW)).replace("\n", "\r\n");

    Reading reading = Reading.of("ssh.log", text);

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.ssh).containsExactly(expectedSsh(AuthOutcome.SUCCESS, "ssh.log", 10));
  }

  @Test
  void unknownHeaderLinesAreSkipped() {
    String text = "### BTest baseline data generated by btest-diff.\n"
        + header("ssh", SSH_FIELDS).replace("#open\t2024-04-12-19-29-44", "#open XXXX-XX-XX")
        + "#comment\tby hand\n"
        + row(SSH_ROW);

    Reading reading = Reading.of("ssh.log", text);

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.ssh).hasSize(1);
  }

  @Test
  void lastLineWithoutNewlineIsRead() {
    String text = header("ssh", SSH_FIELDS) + String.join("\t", SSH_ROW);

    Reading reading = Reading.of("ssh.log", text);

    assertThat(reading.ssh).containsExactly(expectedSsh(AuthOutcome.SUCCESS, "ssh.log", 9));
    assertThat(reading.stats.truncated()).isFalse();
  }

  @Test
  void cutLastLineWarnsTruncated() {
    String text = header("ssh", SSH_FIELDS) + row(SSH_ROW) + String.join("\t", SSH_ROW).substring(0, 60);

    Reading reading = Reading.of("ssh.log", text);

    assertThat(reading.messages()).containsExactly(
        "ssh.log:10: warning: the input ends in the middle of a row: the last line has 5 of the 18"
            + " fields in #fields and no newline; the rows before it were read and this line was"
            + " skipped [truncated-input]");
    assertThat(reading.ssh).hasSize(1);
    assertThat(reading.stats.truncated()).isTrue();
    assertThat(reading.stats.skippedRecords()).isEqualTo(1);
  }

  @Test
  void ipv6AndMappedAddresses() {
    String[] values = with(SSH_FIELDS, SSH_ROW, "id.orig_h", "2001:db8::1");
    values = with(SSH_FIELDS, values, "id.resp_h", "::ffff:10.47.8.50");

    SshSession session = Reading.of("ssh.log", header("ssh", SSH_FIELDS) + row(values)).ssh.get(0);

    assertThat(session.originator()).isEqualTo(IpAddress.parse("2001:db8:0:0:0:0:0:1"));
    assertThat(session.responder()).isEqualTo(IpAddress.parse("10.47.8.50"));
  }

  @Test
  void escapedUtf8IsDecoded() {
    String[] values = with(SSH_FIELDS, SSH_ROW, "client", "SSH-2.0-caf\\xc3\\xa9\\x0a");

    SshSession session = Reading.of("ssh.log", header("ssh", SSH_FIELDS) + row(values)).ssh.get(0);

    assertThat(session.client()).isEqualTo("SSH-2.0-café\n");
  }

  @Test
  void overlongLineIsSkipped() {
    String text = header("ssh", SSH_FIELDS)
        + "x".repeat(LineReader.MAX_LINE_LENGTH + 10) + "\n"
        + row(SSH_ROW);

    Reading reading = Reading.of("ssh.log", text);

    assertThat(reading.messages()).containsExactly(
        "ssh.log:9: error: the line is longer than 16777216 bytes and is skipped [line-too-long]");
    assertThat(reading.ssh).extracting(session -> session.origin().line()).containsExactly(10L);
  }
}
