package dev.gatehouse.core.assess;

import static dev.gatehouse.core.assess.Detections.detection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.model.Certainty;
import dev.gatehouse.core.model.Detection;
import dev.gatehouse.core.net.Cidr;
import dev.gatehouse.core.net.IpAddress;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssessorTest {

  private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

  private static final SourceGeo LINKOPING = new SourceGeo("SE", "Sweden", "Linköping", 29518, "Bredband2 AB");

  private static final GeoLookup GEO = address ->
      Cidr.parse("89.160.0.0/16").contains(address) ? LINKOPING : SourceGeo.UNKNOWN;

  private static Alert assessOne(Assessor.Builder builder, Detection detection) {
    return builder.today(TODAY).build().assess(List.of(detection)).alerts().get(0);
  }

  private static Map<String, Integer> points(Score score) {
    return score.factors().stream()
        .collect(java.util.stream.Collectors.toMap(Factor::code, Factor::severityPoints,
            (a, b) -> a, java.util.LinkedHashMap::new));
  }

  @Test
  void confirmedLoginAloneIsMedium() {
    Alert alert = assessOne(Assessor.builder(), detection().build());

    assertThat(alert.score().severity()).isEqualTo(Severity.MEDIUM);
    assertThat(alert.score().value()).isEqualTo(30);
    assertThat(alert.score().certainty()).isEqualTo(90);
    assertThat(alert.score().factors()).containsExactly(new Factor("confirmed", 30, 90,
        "Zeek saw the authentication succeed (auth_success T) in 1 session."));
    assertThat(alert.triage()).isEqualTo(TriageOutcome.NONE);
    assertThat(alert.enrichment()).isEqualTo(Enrichment.NONE);
  }

  @Test
  void likelyLoginScoresLessCertain() {
    Alert alert = assessOne(Assessor.builder(), detection().certainty(Certainty.LIKELY)
        .traffic(5000, 6000, 20).build());

    assertThat(alert.score().value()).isEqualTo(25);
    assertThat(alert.score().certainty()).isEqualTo(60);
    assertThat(alert.score().factors().get(0).detail()).isEqualTo("auth_success is unset, but conn.log"
        + " shows 1 session established long enough and carrying enough data both ways to be a login.");
  }

  @Test
  void bruteForceThenSuccessIsHigh() {
    Alert alert = assessOne(Assessor.builder(), detection().failuresBefore(12).build());

    assertThat(points(alert.score())).containsExactly(Map.entry("confirmed", 30), Map.entry("brute_force", 20));
    assertThat(alert.score().factors().get(1).detail()).isEqualTo(
        "12 failed sessions from 89.160.20.112 to 10.47.8.50 came before the first success (threshold 5).");
    assertThat(alert.score().severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void failuresBelowThresholdAddNothing() {
    Alert alert = assessOne(Assessor.builder().scoring(new ScoringSettings(13, 3, 10, 10)),
        detection().failuresBefore(12).build());

    assertThat(points(alert.score())).containsOnlyKeys("confirmed");
  }

  @Test
  void sprayingExfiltrationAndLongSession() {
    Alert alert = assessOne(Assessor.builder(), detection().failuresElsewhere(40, 4)
        .traffic(30_000, 25_000_000, 7200).successes(2).build());

    assertThat(points(alert.score())).containsExactly(
        Map.entry("confirmed", 30), Map.entry("conn_corroborates", 0), Map.entry("repeated_success", 0),
        Map.entry("spraying", 15), Map.entry("large_transfer_out", 20), Map.entry("long_session", 10));
    assertThat(alert.score().value()).isEqualTo(75);
    assertThat(alert.score().severity()).isEqualTo(Severity.CRITICAL);
    assertThat(alert.score().certainty()).isEqualTo(100);
    assertThat(alert.score().factors().get(3).detail())
        .isEqualTo("89.160.20.112 also failed 40 times against 4 other internal hosts (threshold 3 hosts).");
    assertThat(alert.score().factors().get(4).detail()).isEqualTo("The server sent 25000000 bytes to the"
        + " client, at or above 10000000: data may have left over the session (T1048).");
    assertThat(alert.score().factors().get(5).detail()).isEqualTo("The sessions lasted 7200 s in all, at or"
        + " above 3600 s.");
  }

  @Test
  void threatListAndCriticalityAddPoints() {
    ThreatIntel intel = ThreatIntel.of(List.of(
        new ThreatIndicator("known-bad", Severity.HIGH, Cidr.parse("89.160.20.0/24"), "bad.txt:4"),
        new ThreatIndicator("watch", Severity.LOW, Cidr.parse("89.160.20.112/32"), "watch.csv:2")));
    AssetInventory inventory = AssetInventory.of(List.of(new Asset(Cidr.parse("10.47.8.50/32"), "db1",
        "dba", "database", Severity.CRITICAL, "assets.csv:3")));

    Alert alert = assessOne(Assessor.builder().threats(intel).inventory(inventory).geo(GEO),
        detection().build());

    assertThat(points(alert.score())).containsExactly(Map.entry("confirmed", 30), Map.entry("threat_list", 35),
        Map.entry("destination_criticality", 25));
    assertThat(alert.score().factors().get(1).detail()).isEqualTo("89.160.20.112 is on the threat lists"
        + " watch (low, entry 89.160.20.112/32 at watch.csv:2), known-bad (high, entry 89.160.20.0/24 at"
        + " bad.txt:4).");
    assertThat(alert.score().factors().get(2).detail()).isEqualTo("10.47.8.50 (db1, role database) has"
        + " criticality critical in the inventory (assets.csv:3).");
    assertThat(alert.enrichment().sourceGeo()).isEqualTo(LINKOPING);
    assertThat(alert.enrichment().destinationHost()).isEqualTo("db1");
    assertThat(alert.score().severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void dnsNameIsHostWithoutInventory() {
    HostNames names = address -> address.equals(IpAddress.parse("10.47.8.50"))
        ? List.of("web1.corp.example", "www.corp.example") : List.of();

    Alert alert = assessOne(Assessor.builder().hostNames(names), detection().build());

    assertThat(alert.enrichment().destinationHost()).isEqualTo("web1.corp.example");
    assertThat(alert.enrichment().destinationNames()).containsExactly("web1.corp.example", "www.corp.example");
  }

  @Test
  void todayIsRequired() {
    assertThatThrownBy(() -> Assessor.builder().build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("today must be set: it decides which triage rules have expired");
  }
}
