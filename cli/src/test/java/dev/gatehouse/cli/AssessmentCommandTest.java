package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessmentCommandTest {

  /** 2024-05-06T10:00:00Z, a Monday. */
  private static final long MAY_6 = 1_714_989_600L;

  private static final String SSH_HEADER = String.join("\n",
      "#separator \\x09",
      "#set_separator\t,",
      "#empty_field\t(empty)",
      "#unset_field\t-",
      "#path\tssh",
      "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tauth_success\tauth_attempts\tclient"
          + "\thost_key",
      "#types\ttime\tstring\taddr\tport\taddr\tport\tbool\tcount\tstring\tstring") + "\n";

  private static final String CONN_HEADER = String.join("\n",
      "#separator \\x09",
      "#set_separator\t,",
      "#empty_field\t(empty)",
      "#unset_field\t-",
      "#path\tconn",
      "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tduration\torig_bytes\tresp_bytes"
          + "\tconn_state",
      "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tinterval\tcount\tcount\tstring") + "\n";

  @TempDir
  Path dir;

  private static String ssh(long ts, String uid, String from, String to, String auth) {
    return ts + ".000000\t" + uid + "\t" + from + "\t40000\t" + to + "\t22\t" + auth
        + "\t1\tSSH-2.0-OpenSSH_9.6\taa:bb:cc";
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  /** Writes an ssh.log with six failures, then a login, from 89.160.20.112 to 10.47.8.50. */
  private Path bruteForceLog(String name) throws IOException {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      rows.add(ssh(MAY_6 + i, "CF" + i, "89.160.20.112", "10.47.8.50", "F"));
    }
    rows.add(ssh(MAY_6 + 100, "CS1", "89.160.20.112", "10.47.8.50", "T"));
    return write(name, SSH_HEADER + String.join("\n", rows) + "\n");
  }

  private Path site(String extra) throws IOException {
    Path city = AssessedRun.database("GeoLite2-City-Test.mmdb");
    Path asn = AssessedRun.database("GeoLite2-ASN-Test.mmdb");
    return write("site.yaml", "internal:\n  - name: corp\n    cidrs: [10.47.0.0/16, \"fd00:47::/32\"]\n"
        + "geoip:\n  location: " + city + "\n  asn: " + asn + "\n"
        + "inventory:\n  file: assets.csv\n"
        + "threat_lists:\n  - name: known-bad\n    severity: high\n    file: bad.txt\n"
        + extra);
  }

  private void inventoryAndList() throws IOException {
    write("assets.csv", "address,hostname,owner,role,criticality\n"
        + "10.47.8.50,db1,dba,database,critical\n"
        + "10.47.9.9,jump,ops,bastion,medium\n"
        + "fd00:47::10,db-v6,dba,database,high\n");
    write("bad.txt", "# hostile\n89.160.20.0/24\n");
  }

  private static List<String> codes(JsonNode detection) {
    List<String> codes = new ArrayList<>();
    detection.at("/score/factors").forEach(factor -> codes.add(factor.get("code").asText()));
    return codes;
  }

  @Test
  void detectionCarriesEnrichmentScoreAndTriage() throws IOException {
    inventoryAndList();
    Path site = site("");
    Path log = bruteForceLog("logs/ssh.log");
    write("logs/conn.log", CONN_HEADER + (MAY_6 + 100) + ".000000\tCS1\t89.160.20.112\t40000\t10.47.8.50\t22"
        + "\ttcp\t4000.0\t50000\t30000000\tSF\n");

    CliRun run = AssessedRun.of("detect", "--site", site.toString(), "--format", "jsonl", log.toString());

    assertThat(run.exitCode()).isZero();
    JsonNode d = run.detections().get(0);
    assertThat(d.at("/enrichment/source").toString()).isEqualTo("{\"country_iso_code\":\"SE\","
        + "\"country_name\":\"Sweden\",\"city_name\":\"Linköping\",\"as_number\":29518,"
        + "\"as_organization\":\"Bredband2 AB\",\"threat_lists\":[{\"name\":\"known-bad\",\"severity\":\"high\","
        + "\"entry\":\"89.160.20.0/24\",\"origin\":\"" + dir.resolve("bad.txt") + ":2\"}]}");
    assertThat(d.at("/enrichment/destination/host").asText()).isEqualTo("db1");
    assertThat(d.at("/enrichment/destination/role").asText()).isEqualTo("database");
    assertThat(d.at("/enrichment/destination/criticality").asText()).isEqualTo("critical");
    assertThat(d.at("/enrichment/destination/inventory_origin").asText()).isEqualTo(dir.resolve("assets.csv") + ":2");
    assertThat(codes(d)).containsExactly("confirmed", "conn_corroborates", "brute_force", "large_transfer_out",
        "long_session", "threat_list", "destination_criticality");
    assertThat(d.at("/score/severity").asText()).isEqualTo("critical");
    assertThat(d.at("/score/value").asInt()).isEqualTo(100);
    assertThat(d.at("/score/certainty").asInt()).isEqualTo(95);
    assertThat(d.at("/score/factors/2/detail").asText()).isEqualTo("6 failed sessions from 89.160.20.112 to"
        + " 10.47.8.50 came before the first success (threshold 5).");
    assertThat(d.at("/triage").toString()).isEqualTo("{\"outcome\":\"none\",\"rule\":null,\"owner\":null,"
        + "\"reason\":null,\"expires\":null,\"severity_before\":null,\"also_matched\":[]}");
    assertThat(d.at("/certainty").asText()).as("the detection's own fields stay").isEqualTo("confirmed");
    assertThat(run.err()).contains("  enrichment: geoip GeoLite2-City and GeoLite2-ASN; 1 threat list with 1"
        + " entry; inventory of 3 rows; dns.log: 0 rows, names for 0 internal addresses\n");
    assertThat(run.err()).contains("  severity: 1 critical, 0 high, 0 medium, 0 low\n");
  }

  @Test
  void tableShowsSeverityScoreCountryAndHost() throws IOException {
    inventoryAndList();
    Path site = site("");
    Path log = bruteForceLog("ssh.log");

    CliRun run = AssessedRun.of("detect", "--site", site.toString(), "--format", "table", log.toString());

    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).startsWith("SEVERITY  SCORE  CERTAINTY  SOURCE         COUNTRY/AS    DESTINATION"
        + "           HOST  FIRST SEEN (UTC)");
    assertThat(lines.get(1)).startsWith("critical  100    confirmed  89.160.20.112  SE / AS29518  10.47.8.50:22"
        + " (corp)  db1   2024-05-06 10:01:40");
  }

  @Test
  void suppressedOnlyCountedUnlessShown() throws IOException {
    inventoryAndList();
    Path site = site("""
        triage:
          - id: dba-maintenance
            owner: dba@example.org
            reason: The DBA team logs in from home over Bredband2
            action: suppress
            match:
              source_asns: [29518]
              roles: [database]
          - id: swedish-logins
            owner: secops
            reason: Sweden is expected
            action: downgrade
            match:
              source_countries: [SE]
        """);
    Path log = bruteForceLog("ssh.log");

    CliRun hidden = AssessedRun.of("detect", "--site", site.toString(), "--format", "jsonl",
        "--fail-on-detection", log.toString());
    CliRun shown = AssessedRun.of("detect", "--site", site.toString(), "--format", "jsonl", "--show-suppressed",
        log.toString());

    assertThat(hidden.detections()).isEmpty();
    assertThat(hidden.exitCode()).as("a suppressed detection does not fail the run").isZero();
    assertThat(hidden.err()).contains("  triage: 2 rules; 1 suppressed (dba-maintenance 1), 0 downgraded;"
        + " suppressed detections are not written, see --show-suppressed\n");
    assertThat(hidden.err()).contains("  detections: 0 (0 confirmed, 0 likely)");
    JsonNode d = shown.detections().get(0);
    assertThat(d.at("/triage").toString()).isEqualTo("{\"outcome\":\"suppressed\",\"rule\":\"dba-maintenance\","
        + "\"owner\":\"dba@example.org\",\"reason\":\"The DBA team logs in from home over Bredband2\","
        + "\"expires\":null,\"severity_before\":\"critical\",\"also_matched\":[\"swedish-logins\"]}");
    assertThat(shown.err()).contains("; suppressed detections are written with their rule\n");
    assertThat(shown.err()).contains("  detections: 1 (1 confirmed, 0 likely)");
  }

  @Test
  void expiredRuleStopsApplyingAndIsReported() throws IOException {
    inventoryAndList();
    Path site = site("""
        triage:
          - id: old-exception
            owner: secops
            reason: A migration that ended in January
            expires: 2024-01-31
            action: suppress
            match:
              destination_ports: [22]
        """);
    Path log = bruteForceLog("ssh.log");

    CliRun run = AssessedRun.of("detect", "--site", site.toString(), "--format", "jsonl", log.toString());
    CliRun check = AssessedRun.of("check-site", site.toString());

    assertThat(run.detections()).hasSize(1);
    assertThat(run.detections().get(0).at("/triage/outcome").asText()).isEqualTo("none");
    assertThat(run.err()).contains("  triage: rule 'old-exception' expired on 2024-01-31 and was not applied;"
        + " it would have matched 1 detection\n");
    assertThat(check.exitCode()).isZero();
    assertThat(check.out().lines()).containsExactly(
        site + ":14: warning: triage rule 'old-exception' expired on 2024-01-31 and no longer applies; remove"
            + " it or move 'expires' to a later date",
        site + ": valid, 2 internal networks; geoip GeoLite2-City and GeoLite2-ASN; 1 threat list with 1 entry;"
            + " inventory of 3 rows; 1 triage rule, 1 warning");
  }

  @Test
  void noveltyAcrossTwoRuns() throws IOException {
    inventoryAndList();
    Path state = dir.resolve("state/novelty.json");
    Path site = site("novelty:\n  state_file: state/novelty.json\n");
    Path first = write("day1/ssh.log", SSH_HEADER + ssh(MAY_6, "C1", "89.160.20.112", "10.47.9.9", "T") + "\n");
    Path second = write("day2/ssh.log", SSH_HEADER
        + ssh(MAY_6 + 86_400, "C2", "89.160.20.113", "10.47.9.9", "T") + "\n"
        + ssh(MAY_6 + 86_500, "C3", "81.2.69.142", "10.47.9.9", "T") + "\n");

    CliRun one = AssessedRun.of("detect", "--site", site.toString(), "--format", "jsonl", first.toString());
    CliRun two = AssessedRun.of("detect", "--site", site.toString(), "--format", "jsonl", second.toString());
    CliRun off = AssessedRun.of("detect", "--site", site.toString(), "--format", "jsonl", "--no-state",
        second.toString());

    assertThat(codes(one.detections().get(0))).containsExactly("confirmed", "threat_list",
        "destination_criticality", "no_login_history");
    assertThat(one.err()).contains("  novelty: 0 entries read from " + state + ", 4 added, 4 saved\n");
    assertThat(codes(two.detections().get(0))).containsExactly("confirmed", "threat_list",
        "destination_criticality", "new_source_address");
    assertThat(codes(two.detections().get(1))).containsExactly("confirmed", "destination_criticality",
        "new_source_address", "new_source_network", "new_source_country");
    assertThat(two.detections().get(1).at("/score/factors/4/detail").asText())
        .isEqualTo("No address in GB (United Kingdom) logged in to 10.47.9.9 before.");
    assertThat(two.err()).contains("  novelty: 4 entries read from " + state + ", 4 added, 8 saved\n");
    assertThat(codes(off.detections().get(1))).containsExactly("confirmed", "destination_criticality");
    assertThat(off.err()).contains("  novelty: off (--no-state)\n");
    assertThat(Files.readAllLines(state)).hasSize(10);
  }

  @Test
  void corruptStateFileStopsBeforeReading() throws IOException {
    inventoryAndList();
    Path state = write("state/novelty.json", "{\"format\":\"gatehouse-novelty\",\"version\":1,\"entries\":[{");
    Path site = site("novelty:\n  state_file: state/novelty.json\n");
    Path log = bruteForceLog("ssh.log");

    CliRun run = AssessedRun.of("detect", "--site", site.toString(), log.toString());
    CliRun check = AssessedRun.of("check-site", site.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("gatehouse: the novelty state file " + state + " is corrupt: it is not valid"
        + " JSON (Unexpected end-of-input at line 1, column 55). Move it away to start a new history, or run"
        + " with --no-state\n");
    assertThat(check.exitCode()).isEqualTo(2);
    assertThat(check.out()).startsWith(state + ": error: the novelty state file " + state + " is corrupt: ");
  }

  @Test
  void missingAndCorruptDatabasesNamed() throws IOException {
    inventoryAndList();
    Path corrupt = write("GeoLite2-ASN.mmdb", "not a database\n".repeat(100));
    Path missing = dir.resolve("GeoLite2-City.mmdb");
    Path site = write("site.yaml", "geoip:\n  location: GeoLite2-City.mmdb\n  asn: GeoLite2-ASN.mmdb\n");
    Path log = bruteForceLog("ssh.log");

    CliRun run = AssessedRun.of("detect", "--site", site.toString(), log.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    List<String> lines = run.err().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo(missing + ": error: the GeoIP database cannot be opened: file not found;"
        + " check 'geoip.location', which is relative to the site file's directory");
    assertThat(lines.get(1)).startsWith(corrupt + ": error: the file is not a valid MaxMind database (.mmdb): ");
    assertThat(lines.get(2)).isEqualTo("gatehouse: a file that the site file names cannot be used; nothing was"
        + " read");
  }

  @Test
  void malformedLinesOnlyWarn() throws IOException {
    write("assets.csv", "address,hostname,criticality\n10.47.8.50,db1,critical\n10.47.8.999,bad,low\n"
        + "10.47.8.51,web,urgent\n");
    write("bad.txt", "89.160.20.0/24\n89.160.20.1/24\n");
    Path site = site("");
    Path log = bruteForceLog("ssh.log");

    CliRun run = AssessedRun.of("detect", "--site", site.toString(), "--format", "jsonl", log.toString());
    CliRun check = AssessedRun.of("check-site", site.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.detections()).hasSize(1);
    List<String> expected = List.of(
        dir.resolve("bad.txt") + ":2: warning: '89.160.20.1/24' is not a valid CIDR: host bits are set (the"
            + " network is 89.160.20.0/24); the line is skipped",
        dir.resolve("assets.csv") + ":3: warning: '10.47.8.999' is not a valid CIDR: '10.47.8.999' is not an"
            + " IPv4 or IPv6 address; the row is skipped",
        dir.resolve("assets.csv") + ":4: warning: the criticality 'urgent' is not low, medium, high or critical;"
            + " the row is used without a criticality");
    assertThat(run.err().lines().limit(3)).containsExactlyElementsOf(expected);
    assertThat(check.exitCode()).isZero();
    assertThat(check.out().lines().limit(3)).containsExactlyElementsOf(expected);
    assertThat(check.out().lines().skip(3)).containsExactly(site + ": valid, 2 internal networks; geoip"
        + " GeoLite2-City and GeoLite2-ASN; 1 threat list with 1 entry; inventory of 2 rows, 3 warnings");
  }

  @Test
  void missingListIsConfigurationError() throws IOException {
    write("assets.csv", "address\n10.47.8.50\n");
    Path site = site("");
    Path log = bruteForceLog("ssh.log");

    CliRun run = AssessedRun.of("detect", "--site", site.toString(), log.toString());
    CliRun check = AssessedRun.of("check-site", site.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(dir.resolve("bad.txt") + ": error: the threat list 'known-bad' cannot be"
        + " read: file not found; check the path, which is relative to the site file's directory\n");
    assertThat(check.exitCode()).isEqualTo(2);
    assertThat(check.out().lines()).containsExactly(
        dir.resolve("bad.txt") + ": error: the threat list 'known-bad' cannot be read: file not found; check the"
            + " path, which is relative to the site file's directory",
        site + ": 1 error, 0 warnings");
  }

  @Test
  void dnsNamesAndIpv6Inventory() throws IOException {
    inventoryAndList();
    Path site = site("");
    Path ssh = write("ssh.log", SSH_HEADER
        + ssh(MAY_6, "C1", "2001:218::1", "fd00:47::10", "T") + "\n"
        + ssh(MAY_6 + 5, "C2", "81.2.69.142", "10.47.8.77", "T") + "\n");
    Path dns = write("dns.log", String.join("\n",
        "#separator \\x09",
        "#set_separator\t,",
        "#path\tdns",
        "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tquery\tqtype_name\tanswers",
        "#types\ttime\tstring\taddr\tport\taddr\tport\tstring\tstring\tvector[string]",
        "1714989000.0\tCd1\t10.47.1.1\t5353\t10.47.0.53\t53\tbuild.corp.example\tA\t10.47.8.77") + "\n");

    CliRun run = AssessedRun.of("detect", "--site", site.toString(), "--format", "jsonl", ssh.toString(),
        dns.toString());

    assertThat(run.exitCode()).isZero();
    JsonNode v6 = run.detections().get(0);
    assertThat(v6.at("/destination/ip").asText()).isEqualTo("fd00:47::10");
    assertThat(v6.at("/enrichment/destination/hostname").asText()).isEqualTo("db-v6");
    assertThat(v6.at("/enrichment/source/country_iso_code").asText()).isEqualTo("JP");
    JsonNode named = run.detections().get(1);
    assertThat(named.at("/enrichment/destination/host").asText()).isEqualTo("build.corp.example");
    assertThat(named.at("/enrichment/destination/hostname").isNull()).isTrue();
    assertThat(named.at("/enrichment/destination/dns_names").toString()).isEqualTo("[\"build.corp.example\"]");
    assertThat(run.err()).contains("dns.log: 1 rows, names for 1 internal addresses");
  }
}
