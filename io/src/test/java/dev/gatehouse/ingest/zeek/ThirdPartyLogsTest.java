package dev.gatehouse.ingest.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.diag.Diagnostics;
import dev.gatehouse.core.net.IpAddress;
import dev.gatehouse.core.record.AuthOutcome;
import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.RecordOrigin;
import dev.gatehouse.core.record.SshSession;
import dev.gatehouse.ingest.InputDiscovery;
import dev.gatehouse.ingest.InputSource;
import dev.gatehouse.ingest.LogType;
import dev.gatehouse.ingest.SourceStats;
import dev.gatehouse.ingest.ThirdPartyData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads real Zeek logs published by other projects; see ThirdPartyData for where they are. */
class ThirdPartyLogsTest {

  private static final String ZEEK_HEAD = "zeek/at-a13de64f-head/testing/btest/Baseline/";

  static Map<AuthOutcome, Long> countByAuth(List<SshSession> sessions) {
    return sessions.stream().collect(Collectors.groupingBy(SshSession::auth, Collectors.counting()));
  }

  static SshSession withoutOrigin(SshSession s) {
    return new SshSession(s.timestampMicros(), s.uid(), s.originator(), s.originatorPort(),
        s.responder(), s.responderPort(), s.auth(), s.authAttempts(), s.direction(), s.client(),
        s.server(), s.cipherAlgorithm(), s.macAlgorithm(), s.kexAlgorithm(), s.hostKeyAlgorithm(),
        s.hostKey(), null);
  }

  @Test
  void wrccdcTsvSample() {
    Reading reading = Reading.of(ThirdPartyData.require("zed-sample-data/zeek-default/ssh.log.gz"));

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.ssh).hasSize(22);
    assertThat(countByAuth(reading.ssh)).containsOnly(
        Map.entry(AuthOutcome.SUCCESS, 5L), Map.entry(AuthOutcome.FAILURE, 2L), Map.entry(AuthOutcome.UNSET, 15L));
    assertThat(reading.stats.lines()).isEqualTo(31);
    assertThat(reading.ssh).extracting(SshSession::direction).containsOnlyNulls();
    assertThat(reading.ssh).extracting(SshSession::hostKeyAlgorithm).contains("Algorithm negotiation failed");
  }

  @Test
  void wrccdcJsonMatchesTsv() {
    Reading tsv = Reading.of(ThirdPartyData.require("zed-sample-data/zeek-default/ssh.log.gz"));
    Reading json = Reading.of(ThirdPartyData.require("zed-sample-data/zeek-json/ssh.json.gz"));

    assertThat(json.messages()).isEmpty();
    assertThat(json.ssh).hasSize(22);
    for (int i = 0; i < 22; i++) {
      assertThat(withoutOrigin(json.ssh.get(i))).as("row %d", i + 1).isEqualTo(withoutOrigin(tsv.ssh.get(i)));
    }
    assertThat(json.ssh.get(0).origin()).isEqualTo(new RecordOrigin(json.stats.source(), 1));
  }

  @Test
  void ritaSensorLogsOfThreeDays() throws IOException {
    Path directory = ThirdPartyData.require("rita/test_data/missing_host");
    Diagnostics diagnostics = new Diagnostics();
    Reading reading = new Reading();
    ZeekReader reader = new ZeekReader(reading, diagnostics);
    long lines = 0;

    for (InputSource source : InputDiscovery.expand(List.of(directory.toString()), diagnostics)) {
      SourceStats stats = reader.read(source);
      lines += stats.lines();
      assertThat(stats.skippedRecords()).isZero();
      assertThat(stats.truncated()).isFalse();
    }

    assertThat(diagnostics.first()).isEmpty();
    assertThat(lines).isEqualTo(124_513);
    assertThat(reading.ssh).hasSize(17_299);
    assertThat(countByAuth(reading.ssh)).containsOnly(
        Map.entry(AuthOutcome.FAILURE, 3_630L), Map.entry(AuthOutcome.UNSET, 13_669L));
    assertThat(reading.conn).hasSize(105_918);
    assertThat(reading.conn).filteredOn(c -> c.responderPort() == 22 || "ssh".equals(c.service())).hasSize(17_813);
    Set<String> connUids = reading.conn.stream().map(ConnSummary::uid).collect(Collectors.toSet());
    assertThat(reading.ssh).allMatch(session -> connUids.contains(session.uid()));
    assertThat(reading.ssh).extracting(SshSession::responder).containsOnly(IpAddress.parse("64.225.56.201"));
  }

  @Test
  void ritaClusterConnLogSkipsNodeNameColumn() {
    Reading reading = Reading.of(ThirdPartyData.require(
        "rita/test_data/missing_host/2024-04-19/conn.01:00:00-02:00:00.log.gz"));

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.conn.get(1)).isEqualTo(new ConnSummary(
        1713488394295473L, "ChuESt1b7vFoOjz7Fc", IpAddress.parse("197.199.224.52"), 34188,
        IpAddress.parse("64.225.56.201"), 22, "tcp", "ssh", 3150262L, 1250L, 1694L, "SF",
        "ShADadFf", Boolean.FALSE, Boolean.TRUE, reading.conn.get(1).origin()));
    assertThat(reading.conn.get(1).origin().line()).isEqualTo(10);
  }

  @Test
  void zeek2018SshBasic() {
    Reading reading = Reading.of(ThirdPartyData.require(
        "zeek/at-91a74c72-2018/testing/btest/Baseline/scripts.base.protocols.ssh.basic/ssh.log"));

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.ssh).hasSize(22);
    assertThat(countByAuth(reading.ssh)).containsOnly(
        Map.entry(AuthOutcome.SUCCESS, 10L), Map.entry(AuthOutcome.FAILURE, 2L), Map.entry(AuthOutcome.UNSET, 10L));
  }

  @Test
  void zeek2018ConnBasic() {
    Reading reading = Reading.of(ThirdPartyData.require(
        "zeek/at-6f9524e0-2018/testing/btest/Baseline/scripts.base.protocols.ssh.basic/conn.log"));

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.conn).hasSize(25);
    assertThat(reading.conn).extracting(ConnSummary::localOriginator).containsOnlyNulls();
  }

  @Test
  void greTunnelRowFromAnExternalSource() {
    Reading reading = Reading.of(ThirdPartyData.require(
        "zeek/at-5e5a4612-2018/testing/btest/Baseline/core.tunnels.gre/ssh.log"));

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.ssh).containsExactly(new SshSession(
        1055289978855137L, "CtPZjS20MLrsMUOJi2", IpAddress.parse("66.59.111.190"), 40264,
        IpAddress.parse("172.28.2.3"), 22, AuthOutcome.UNSET, 0, null, "SSH-2.0-OpenSSH_3.6.1p1",
        "SSH-1.99-OpenSSH_3.1p1", "blowfish-cbc", "hmac-md5", "diffie-hellman-group-exchange-sha1",
        "ssh-rsa", "20:7c:e5:96:b0:4e:ce:a4:db:e4:aa:29:e8:90:98:07",
        new RecordOrigin(reading.stats.source(), 9)));
  }

  @Test
  void greTunnelConnLog() {
    Reading reading = Reading.of(ThirdPartyData.require(
        "zeek/at-e2dc0092-2019/testing/btest/Baseline/core.tunnels.gre/conn.log"));

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.conn).hasSize(7);
    ConnSummary ssh = reading.conn.get(0);
    assertThat(ssh.uid()).isEqualTo("CtPZjS20MLrsMUOJi2");
    assertThat(ssh.durationMicros()).isEqualTo(3157831L);
    assertThat(ssh.originatorBytes()).isEqualTo(952L);
    assertThat(ssh.responderBytes()).isEqualTo(1671L);
    assertThat(ssh.history()).isEqualTo("ShAdDaFf");
  }

  @Test
  void bro2014SchemaWithoutAuthSuccess() {
    Reading reading = Reading.of(ThirdPartyData.require(
        "zeek/at-7717a3eb-2014/testing/btest/Baseline/core.tunnels.gre/ssh.log"));

    assertThat(reading.diagnostics.countsByReason()).containsExactly(Map.entry("missing-column", 1L));
    assertThat(reading.diagnostics.first().get(0).severity()).isEqualTo("warning");
    assertThat(reading.ssh).hasSize(1);
    assertThat(reading.ssh.get(0).auth()).isEqualTo(AuthOutcome.UNSET);
    assertThat(reading.ssh.get(0).direction()).isEqualTo("INBOUND");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "scripts.base.protocols.ssh.basic/ssh.log, 22",
      "scripts.base.protocols.ssh.basic/conn.log, 25",
      "scripts.base.protocols.ssh.half-duplex-client/ssh.log, 20",
      "scripts.base.protocols.ssh.dh_group18_kex/ssh.log, 1",
      "spicy.protocol-analyzer-tcp-over-udp/ssh.log, 1",
      "core.tunnels.gre/conn.log, 7",
  })
  void maskedTimestampsAreRejected(String file, long rows) {
    Reading reading = Reading.of(ThirdPartyData.require(ZEEK_HEAD + file));

    assertThat(reading.diagnostics.countsByReason()).containsExactly(Map.entry("bad-timestamp", rows));
    assertThat(reading.stats.skippedRecords()).isEqualTo(rows);
    assertThat(reading.ssh).isEmpty();
    assertThat(reading.conn).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", value = {
      "scripts.base.frameworks.logging.ascii-escape/ssh.log => 7 => 5 => t, id.orig_h, id.orig_p, id.resp_h, id.resp_p, status, country",
      "scripts.base.frameworks.logging.ascii-empty/ssh-filtered.log => 7 => 5 => t, id.orig_h, id.orig_p, id.resp_h, id.resp_p, status, country, b",
      "scripts.base.protocols.websocket.wstunnel-ssh/ssh.log => 2 => 2 => ts, uid, client, server, auth_success, auth_attempts, kex_alg, host_key_alg",
      "scripts.base.protocols.ssh.dh_group18_kex/conn.log => 2 => 1 => uid, service, history",
  })
  void missingColumnsOneErrorEach(String file, long line, long rows, String fields) {
    Reading reading = Reading.of(ThirdPartyData.require(ZEEK_HEAD + file));

    assertThat(reading.diagnostics.countsByReason()).containsExactly(Map.entry("missing-column", 1L));
    assertThat(reading.diagnostics.first().get(0).line()).isEqualTo(line);
    assertThat(reading.diagnostics.first().get(0).message()).endsWith("; it lists " + fields);
    assertThat(reading.stats.skippedRecords()).isEqualTo(rows);
  }

  @Test
  void noticeLogIsCountedAsOther() {
    Reading reading = Reading.of(ThirdPartyData.require(
        ZEEK_HEAD + "scripts.policy.protocols.ssh.detect-bruteforcing/notice.log"));

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.stats.otherRecords()).isEqualTo(1);
  }

  @Test
  void ritaConnLogCutMidRow() {
    Path file = ThirdPartyData.require("rita/test_data/truncated/conn.log");

    Reading reading = Reading.of(file);

    assertThat(reading.conn).hasSize(58);
    assertThat(reading.messages()).containsExactly(
        file + ":67: warning: the input ends in the middle of a row: the last line has 9 of the 21"
            + " fields in #fields and no newline; the rows before it were read and this line was"
            + " skipped [truncated-input]");
    assertThat(reading.stats.truncated()).isTrue();
  }

  @Test
  void ritaConnRowsWithoutHeader() {
    Path file = ThirdPartyData.require("rita/test_data/truncated/conn_top.log");

    Reading reading = Reading.of(file);

    assertThat(reading.diagnostics.countsByReason()).containsExactly(Map.entry("no-header", 1L));
    assertThat(reading.diagnostics.first().get(0).line()).isEqualTo(1);
    assertThat(reading.conn).isEmpty();
    assertThat(reading.stats.skippedRecords()).isEqualTo(59);
  }

  @Test
  void ritaTextFileNamedConnLog() {
    Path file = ThirdPartyData.require("rita/test_data/text_file/conn.log");

    Reading reading = Reading.of(file);

    assertThat(reading.messages()).hasSize(1);
    assertThat(reading.messages().get(0)).startsWith(file + ":1: error: the input is neither a Zeek"
        + " TSV log nor Zeek JSON lines: expected a '#separator' header line");
    assertThat(reading.conn).isEmpty();
  }

  @Test
  void ritaJsonBadPortAndCutLine() throws IOException {
    Path file = ThirdPartyData.require("rita/test_data/truncated/conn_json.log");
    Reading reading;
    try (InputStream in = Files.newInputStream(file)) {
      reading = Reading.of("conn_json.log", in.readAllBytes(), LogType.CONN);
    }

    assertThat(reading.conn).extracting(ConnSummary::uid)
        .containsExactly("A9fdsJd8ud03ejlolk", "Lofds9PJdsaHJFD89f");
    assertThat(reading.messages()).containsExactly(
        "conn_json.log:3: error: id.orig_p is '93145', expected a port number from 0 to 65535 [bad-port]",
        "conn_json.log:4: warning: the input ends in the middle of a row: the last line is not a"
            + " complete JSON object (Unexpected end-of-input in field name at column 282); the rows"
            + " before it were read and this line was skipped [truncated-input]");
  }

  @Test
  void ritaJsonWithAllFields() {
    Reading reading = Reading.of(ThirdPartyData.require("rita/test_data/json_with_all_fields/conn.log"));

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.conn).hasSize(29);
    assertThat(reading.conn.get(0).durationMicros()).isEqualTo(108985496L);
  }

  @Test
  void tenzirHeaderWithoutSeparator() {
    Reading reading = Reading.of(ThirdPartyData.require(
        "tenzir/vast/integration/data/zeek/broken_no_separator_header.log"), LogType.OTHER);

    assertThat(reading.diagnostics.countsByReason()).containsExactly(Map.entry("missing-separator", 1L));
    assertThat(reading.conn).hasSize(4);
  }

  @Test
  void tenzirHeaderWithoutRows() {
    Reading reading = Reading.of(ThirdPartyData.require(
        "tenzir/vast/integration/data/zeek/broken_no_data_after_open.log"), LogType.OTHER);

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.stats.lines()).isEqualTo(8);
    assertThat(reading.conn).isEmpty();
  }

  @Test
  void tenzirConcatenatedConnAndDnsLogs() {
    Reading reading = Reading.of(ThirdPartyData.require(
        "tenzir/vast/integration/data/zeek/merge_with_whitespace_separation.log"), LogType.OTHER);

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.conn).hasSize(4);
    assertThat(reading.stats.otherRecords()).isEqualTo(5);
  }
}
