package dev.gatehouse.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.assess.NoveltySettings;
import dev.gatehouse.core.assess.ScoringSettings;
import dev.gatehouse.core.assess.Severity;
import dev.gatehouse.core.assess.TimeWindow;
import dev.gatehouse.core.assess.TriageAction;
import dev.gatehouse.core.assess.TriageRule;
import dev.gatehouse.core.net.Cidr;
import dev.gatehouse.site.SiteAssessment.ListFormat;
import dev.gatehouse.site.SiteAssessment.ThreatListFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AssessmentSectionsTest {

  private static final String EXAMPLE = """
      internal:
        - name: blue-team
          cidrs: [10.47.0.0/16]
      scoring:
        brute_force_min_failures: 3
        spraying_min_hosts: 2
        exfiltration_min_bytes: 5000000
        long_session_min_seconds: 1800
      geoip:
        location: geo/GeoLite2-City.mmdb
        asn: /var/lib/GeoIP/GeoLite2-ASN.mmdb
      threat_lists:
        - name: known-bad
          severity: high
          file: lists/known-bad.txt
        - name: partner
          severity: medium
          file: lists/partner.csv
          column: ip
      inventory:
        file: assets.csv
      novelty:
        state_file: state/novelty.json
        ipv4_prefix: 16
      triage:
        - id: bastion-logins
          owner: secops@example.org
          reason: The bastion accepts logins from the office
          expires: 2026-12-31
          action: downgrade
          downgrade_to: low
          match:
            roles: [bastion]
            source_countries: [se]
            source_asns: [29518]
            destination_ports: [22]
            time:
              days: [mon, fri]
              hours: "08:00-18:00"
        - id: scanner-range
          owner: noc
          reason: Our own scanner
          action: suppress
          match:
            source_cidrs: [198.51.100.0/24]
            destination_cidrs: ["fd00:47::/32"]
            hosts: ["scan-*"]
            client_banners: ["SSH-2.0-Nessus*"]
            host_keys: ["79:f0:93:5b"]
            time:
              from: 2024-05-01
              until: "2024-06-01T12:00:00Z"
      """;

  @TempDir
  Path directory;

  private SiteLoadResult load(String text) throws IOException {
    Path file = directory.resolve("site.yaml");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return SiteConfigLoader.load(file);
  }

  private List<String> problems(String text) throws IOException {
    return load(text).problems().stream().map(SiteProblem::toString).toList();
  }

  @Test
  void exampleReadsEverySection() throws IOException {
    SiteLoadResult result = load(EXAMPLE);

    assertThat(result.problems()).isEmpty();
    SiteAssessment assessment = result.config().assessment();
    assertThat(assessment.scoring()).isEqualTo(new ScoringSettings(3, 2, 5_000_000L, 1_800_000_000L));
    assertThat(assessment.geoip()).isEqualTo(new SiteAssessment.GeoIpFiles(
        directory.resolve("geo/GeoLite2-City.mmdb"), Path.of("/var/lib/GeoIP/GeoLite2-ASN.mmdb"), 10));
    assertThat(assessment.threatLists()).containsExactly(
        new ThreatListFile("known-bad", Severity.HIGH, directory.resolve("lists/known-bad.txt"), ListFormat.TEXT,
            null, 13),
        new ThreatListFile("partner", Severity.MEDIUM, directory.resolve("lists/partner.csv"), ListFormat.CSV,
            "ip", 16));
    assertThat(assessment.inventory()).isEqualTo(new SiteAssessment.InventoryFile(directory.resolve("assets.csv"),
        21));
    assertThat(assessment.novelty()).isEqualTo(new SiteAssessment.NoveltyFile(
        directory.resolve("state/novelty.json"), new NoveltySettings(16, 48), 23));

    TriageRule bastion = assessment.rules().get(0);
    assertThat(bastion.id()).isEqualTo("bastion-logins");
    assertThat(bastion.owner()).isEqualTo("secops@example.org");
    assertThat(bastion.expires()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(bastion.action()).isEqualTo(TriageAction.DOWNGRADE);
    assertThat(bastion.downgradeTo()).isEqualTo(Severity.LOW);
    assertThat(bastion.line()).isEqualTo(26);
    assertThat(bastion.conditions().roles()).containsExactly("bastion");
    assertThat(bastion.conditions().sourceCountries()).containsExactly("SE");
    assertThat(bastion.conditions().sourceAsns()).containsExactly(29518L);
    assertThat(bastion.conditions().destinationPorts()).containsExactly(22);
    assertThat(bastion.conditions().time()).isEqualTo(new TimeWindow(Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
        480, 1080, Long.MIN_VALUE, Long.MAX_VALUE));

    TriageRule scanner = assessment.rules().get(1);
    assertThat(scanner.action()).isEqualTo(TriageAction.SUPPRESS);
    assertThat(scanner.expires()).isNull();
    assertThat(scanner.conditions().sourceCidrs()).containsExactly(Cidr.parse("198.51.100.0/24"));
    assertThat(scanner.conditions().destinationCidrs()).containsExactly(Cidr.parse("fd00:47::/32"));
    assertThat(scanner.conditions().hosts()).extracting(Object::toString).containsExactly("scan-*");
    assertThat(scanner.conditions().clientBanners()).extracting(Object::toString)
        .containsExactly("SSH-2.0-Nessus*");
    assertThat(scanner.conditions().hostKeys()).containsExactly("79:f0:93:5b");
    assertThat(scanner.conditions().time().fromMicros()).isEqualTo(1_714_521_600_000_000L);
    assertThat(scanner.conditions().time().untilMicros()).isEqualTo(1_717_243_200_000_000L);
  }

  @Test
  void withoutSectionsAssessmentIsNone() throws IOException {
    assertThat(load("internal: [10.0.0.0/8]\n").config().assessment()).isEqualTo(SiteAssessment.NONE);
  }

  @Test
  void emptyGeoipWarns() throws IOException {
    assertThat(problems("geoip: {}\n")).containsExactly("line 1: warning: 'geoip' names no database, so"
        + " sources get no country, city or autonomous system; set 'location' (a City or Country .mmdb) or"
        + " 'asn' (an ASN .mmdb)");
  }

  static Stream<Arguments> invalidSections() {
    return Stream.of(
        Arguments.of("scoring:\n  brute_force_min_failures: 0\n", List.of(
            "line 2: error: 'brute_force_min_failures' must be a whole number of failed sessions from 1 to"
                + " 2147483647, not 0")),
        Arguments.of("scoring:\n  exfiltration_min_bytes: '10'\n  long_session_min_seconds: 0.5\n", List.of(
            "line 2: error: 'exfiltration_min_bytes' must be a whole number of bytes, not the string '10';"
                + " remove the quotes",
            "line 3: error: 'long_session_min_seconds' must be from 1 to 9223372036854 seconds, not 0.5")),
        Arguments.of("scoring:\n  min_failures: 3\n", List.of(
            "line 2: error: unknown key 'min_failures' in 'scoring'; the allowed keys are"
                + " brute_force_min_failures, spraying_min_hosts, exfiltration_min_bytes,"
                + " long_session_min_seconds")),
        Arguments.of("geoip:\n  city: x.mmdb\n", List.of(
            "line 2: error: unknown key 'city' in 'geoip'; the allowed keys are location, asn")),
        Arguments.of("threat_lists:\n  - name: a\n    severity: low\n    file: a.txt\n"
            + "  - name: a\n    severity: low\n    file: b.txt\n  - severity: severe\n", List.of(
            "line 5: error: the threat list name 'a' is already used on line 2; give each list its own name",
            "line 8: error: a threat list needs 'name', 'severity' and 'file'; 'name' is missing",
            "line 8: error: a threat list needs 'name', 'severity' and 'file'; 'file' is missing",
            "line 8: error: 'severity' must be low, medium, high or critical, not 'severe'")),
        Arguments.of("threat_lists:\n  - name: a\n    severity: low\n    file: a.csv\n"
            + "  - name: b\n    severity: low\n    file: b.txt\n    column: ip\n"
            + "  - name: c\n    severity: low\n    file: c.txt\n    format: json\n", List.of(
            "line 2: error: a CSV threat list needs 'column', the header name of its address column, such"
                + " as column: ip",
            "line 8: error: 'column' applies only to 'format: csv'; a text list has one address or CIDR per"
                + " line",
            "line 12: error: 'format' must be text or csv, not 'json'")),
        Arguments.of("inventory:\n  path: assets.csv\n", List.of(
            "line 2: error: unknown key 'path' in 'inventory'; the only allowed key is file",
            "line 2: error: 'inventory' needs 'file', such as file: assets.csv")),
        Arguments.of("novelty:\n  ipv6_prefix: 129\n", List.of(
            "line 2: error: 'novelty' needs 'state_file', such as state_file: state/novelty.json",
            "line 2: error: 'ipv6_prefix' must be a prefix length from 1 to 128, not 129")),
        Arguments.of("triage: {}\n", List.of(
            "line 1: error: 'triage' must be a list such as [{id: ..., owner: ..., reason: ..., action:"
                + " suppress, match: {...}}], not a mapping")));
  }

  @ParameterizedTest
  @MethodSource("invalidSections")
  void invalidSectionsReportedWithLines(String text, List<String> expected) throws IOException {
    assertThat(problems(text)).containsExactlyElementsOf(expected);
  }

  @Test
  void malformedRulesReportedWithLines() throws IOException {
    String text = """
        triage:
          - id: ok
            owner: secops
            reason: fine
            action: suppress
            match: {destination_ports: [22]}
          - id: ok
            owner: secops
            reason: repeated id
            action: suppress
            match: {destination_ports: [22]}
          - id: missing-parts
            match: {destination_ports: [22]}
          - id: bad-action
            owner: a
            reason: b
            action: ignore
            match: {destination_ports: [22]}
          - id: downgrade-on-suppress
            owner: a
            reason: b
            action: suppress
            downgrade_to: low
            match: {destination_ports: [22]}
          - id: empty-match
            owner: a
            reason: b
            action: suppress
            match: {}
          - id: bad-values
            owner: a
            reason: b
            expires: next year
            action: downgrade
            match:
              source_cidrs: [10.0.0.1/8]
              source_countries: [Sweden]
              source_asns: [-1]
              destination_ports: [70000]
              roles: bastion
              colour: red
          - id: bad-time
            owner: a
            reason: b
            action: suppress
            match:
              time:
                days: [monday]
                hours: "8-18"
                from: "2024-06-01"
                until: "2024-05-01"
          - id: empty-hours
            owner: a
            reason: b
            action: suppress
            match:
              time: {hours: "10:00-10:00"}
        """;

    assertThat(problems(text)).containsExactly(
        "line 7: error: the rule id 'ok' is already used on line 2; give each rule its own id",
        "line 12: error: triage rule 'missing-parts' has no 'owner', 'reason', 'action'; every rule needs"
            + " id, owner, reason, action, match",
        "line 17: error: 'action' must be suppress or downgrade, not 'ignore'",
        "line 23: error: 'downgrade_to' applies only to 'action: downgrade'; remove it or change the action",
        "line 29: error: 'match' sets no condition, so the rule would apply to every detection; add at least"
            + " one of source_cidrs, source_asns, source_countries, destination_cidrs, hosts, roles,"
            + " destination_ports, client_banners, host_keys, time",
        "line 33: error: 'expires' must be a date such as 2025-12-31, not 'next year'",
        "line 36: error: '10.0.0.1/8' is not a valid CIDR: host bits are set (the network is 10.0.0.0/8)",
        "line 37: error: 'Sweden' is not a country code: use the two letters of ISO 3166-1, such as SE or US",
        "line 38: error: 'source_asns' must be an autonomous system number from 0 to 4294967295, not -1",
        "line 39: error: 'destination_ports' must be a port number from 0 to 65535, not 70000",
        "line 40: error: 'roles' must be a list such as [bastion], not the string 'bastion'",
        "line 41: error: unknown key 'colour' in 'match'; the allowed keys are source_cidrs, source_asns,"
            + " source_countries, destination_cidrs, hosts, roles, destination_ports, client_banners,"
            + " host_keys, time",
        "line 48: error: 'monday' is not a day: use mon, tue, wed, thu, fri, sat or sun",
        "line 49: error: 'hours' must be a span of the day in UTC such as \"08:00-18:00\" or \"22:00-06:00\","
            + " not '8-18'",
        "line 51: error: 'from' must come before 'until'",
        "line 57: error: 'hours' '10:00-10:00' is empty: the start equals the end");
    assertThat(load(text).hasErrors()).isTrue();
  }
}
