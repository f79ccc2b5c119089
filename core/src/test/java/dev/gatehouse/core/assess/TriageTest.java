package dev.gatehouse.core.assess;

import static dev.gatehouse.core.assess.Detections.detection;
import static dev.gatehouse.core.assess.Detections.micros;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.model.Detection;
import dev.gatehouse.core.net.Cidr;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TriageTest {

  private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

  private static final AssetInventory INVENTORY = AssetInventory.of(List.of(
      new Asset(Cidr.parse("10.47.8.50/32"), "bastion-1", "ops", "bastion", Severity.CRITICAL, "assets.csv:2"),
      new Asset(Cidr.parse("10.47.9.0/24"), "db-rack", "dba", "database", Severity.CRITICAL, "assets.csv:3")));

  private static final GeoLookup GEO = address -> Cidr.parse("89.160.0.0/16").contains(address)
      ? new SourceGeo("SE", "Sweden", "Linköping", 29518, "Bredband2 AB") : SourceGeo.UNKNOWN;

  /** Builds rule conditions one field at a time. */
  private static final class When {
    List<Cidr> sourceCidrs = new ArrayList<>();
    List<Long> asns = new ArrayList<>();
    List<String> countries = new ArrayList<>();
    List<Cidr> destinationCidrs = new ArrayList<>();
    List<Glob> hosts = new ArrayList<>();
    List<String> roles = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    List<Glob> banners = new ArrayList<>();
    List<String> hostKeys = new ArrayList<>();
    TimeWindow time;

    RuleConditions build() {
      return new RuleConditions(sourceCidrs, asns, countries, destinationCidrs, hosts, roles, ports, banners,
          hostKeys, time);
    }
  }

  private static When when() {
    return new When();
  }

  private static TriageRule suppress(String id, When when) {
    return new TriageRule(id, "secops", "reason of " + id, null, TriageAction.SUPPRESS, null, when.build(), 1);
  }

  private static TriageRule downgrade(String id, Severity to, When when) {
    return new TriageRule(id, "secops", "reason of " + id, null, TriageAction.DOWNGRADE, to, when.build(), 1);
  }

  private static TriageRule expiring(TriageRule rule, LocalDate expires) {
    return new TriageRule(rule.id(), rule.owner(), rule.reason(), expires, rule.action(), rule.downgradeTo(),
        rule.conditions(), rule.line());
  }

  private static AssessmentResult assess(List<TriageRule> rules, Detection... detections) {
    return Assessor.builder().inventory(INVENTORY).geo(GEO).rules(rules).today(TODAY).build()
        .assess(List.of(detections));
  }

  @Test
  void suppressBeatsEarlierDowngrade() {
    When bastion = when();
    bastion.roles.add("BASTION");
    When sweden = when();
    sweden.countries.add("SE");
    List<TriageRule> rules = List.of(downgrade("bastion-expected", null, bastion),
        suppress("swedish-office", sweden), suppress("second-suppress", sweden));

    Alert alert = assess(rules, detection().build()).alerts().get(0);

    assertThat(alert.triage().outcome()).isEqualTo(TriageOutcome.Outcome.SUPPRESSED);
    assertThat(alert.triage().rule().id()).isEqualTo("swedish-office");
    assertThat(alert.triage().alsoMatched()).containsExactly("bastion-expected", "second-suppress");
    assertThat(alert.triage().severityBefore()).isEqualTo(Severity.HIGH);
    assertThat(alert.score().severity()).as("suppression keeps the severity").isEqualTo(Severity.HIGH);
    assertThat(alert.suppressed()).isTrue();
  }

  @Test
  void firstDowngradeInFileOrderDecides() {
    When bastion = when();
    bastion.hosts.add(Glob.ignoringCase("BASTION-*"));
    When port = when();
    port.ports.add(22);
    List<TriageRule> rules = List.of(downgrade("by-host", null, bastion),
        downgrade("by-port", Severity.LOW, port));

    AssessmentResult result = assess(rules, detection().build());
    Alert alert = result.alerts().get(0);

    assertThat(alert.triage().rule().id()).isEqualTo("by-host");
    assertThat(alert.triage().alsoMatched()).containsExactly("by-port");
    assertThat(alert.triage().severityBefore()).isEqualTo(Severity.HIGH);
    assertThat(alert.score().severity()).as("one level lower, not two").isEqualTo(Severity.MEDIUM);
    assertThat(alert.score().value()).as("the risk score stays").isEqualTo(55);
    assertThat(result.rules()).extracting(AssessmentResult.RuleUse::decided).containsExactly(1L, 0L);
    assertThat(result.rules()).extracting(AssessmentResult.RuleUse::matched).containsExactly(1L, 1L);
  }

  @Test
  void downgradeToNamedSeverity() {
    When asn = when();
    asn.asns.add(29518L);

    Alert alert = assess(List.of(downgrade("isp", Severity.LOW, asn)), detection().build()).alerts().get(0);

    assertThat(alert.triage().outcome()).isEqualTo(TriageOutcome.Outcome.DOWNGRADED);
    assertThat(alert.score().severity()).isEqualTo(Severity.LOW);
  }

  @Test
  void downgradeNeverRaises() {
    When any = when();
    any.ports.add(22);

    Alert alert = assess(List.of(downgrade("to-high", Severity.CRITICAL, any)),
        detection().to("10.47.1.1").build()).alerts().get(0);

    assertThat(alert.triage().severityBefore()).isEqualTo(Severity.MEDIUM);
    assertThat(alert.score().severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void expiredRuleIsNotAppliedButCounted() {
    When sweden = when();
    sweden.countries.add("SE");
    TriageRule expired = expiring(suppress("old-exception", sweden), LocalDate.of(2024, 5, 31));
    TriageRule lastDay = expiring(downgrade("ends-today", null, sweden), TODAY);

    AssessmentResult result = assess(List.of(expired, lastDay), detection().build());
    Alert alert = result.alerts().get(0);

    assertThat(alert.triage().rule().id()).isEqualTo("ends-today");
    assertThat(alert.triage().alsoMatched()).isEmpty();
    assertThat(result.rules().get(0)).isEqualTo(new AssessmentResult.RuleUse(expired, true, 0, 1));
    assertThat(result.rules().get(1)).isEqualTo(new AssessmentResult.RuleUse(lastDay, false, 1, 1));
  }

  @Test
  void everyConditionMustHold() {
    When both = when();
    both.sourceCidrs.add(Cidr.parse("89.160.20.0/24"));
    both.destinationCidrs.add(Cidr.parse("10.47.9.0/24"));
    List<TriageRule> rules = List.of(suppress("both", both));

    AssessmentResult result = assess(rules, detection().build(), detection().to("10.47.9.7").build(),
        detection().from("198.51.100.7").to("10.47.9.7").build());

    assertThat(result.alerts()).extracting(a -> a.triage().outcome()).containsExactly(
        TriageOutcome.Outcome.NONE, TriageOutcome.Outcome.SUPPRESSED, TriageOutcome.Outcome.NONE);
    assertThat(result.suppressedCount()).isEqualTo(1);
  }

  @Test
  void everyClientBannerMustMatch() {
    When ansible = when();
    ansible.banners.add(Glob.of("SSH-2.0-OpenSSH_9.*"));
    List<TriageRule> rules = List.of(suppress("ansible", ansible));

    AssessmentResult result = assess(rules,
        detection().clients("SSH-2.0-OpenSSH_9.6").build(),
        detection().to("10.47.1.2").clients("SSH-2.0-OpenSSH_9.6", "SSH-2.0-libssh_0.9").build(),
        detection().to("10.47.1.3").clients().build());

    assertThat(result.alerts()).extracting(a -> a.triage().outcome()).containsExactly(
        TriageOutcome.Outcome.SUPPRESSED, TriageOutcome.Outcome.NONE, TriageOutcome.Outcome.NONE);
  }

  @Test
  void hostKeysCompareWithoutCase() {
    When key = when();
    key.hostKeys.add("79:F0:93:5B");

    Alert alert = assess(List.of(suppress("known-key", key)), detection().build()).alerts().get(0);

    assertThat(alert.suppressed()).isTrue();
  }

  @Test
  void timeWindowNeedsFirstAndLastInside() {
    When office = when();
    office.time = new TimeWindow(Set.of(DayOfWeek.MONDAY), 8 * 60, 18 * 60, Long.MIN_VALUE, Long.MAX_VALUE);
    List<TriageRule> rules = List.of(suppress("office-hours", office));

    AssessmentResult result = assess(rules,
        detection().seen("2024-05-06T09:00:00Z", "2024-05-06T17:00:00Z").build(),
        detection().to("10.47.1.2").seen("2024-05-06T09:00:00Z", "2024-05-06T19:00:00Z").build());

    assertThat(result.alerts()).extracting(a -> a.triage().outcome()).containsExactly(
        TriageOutcome.Outcome.SUPPRESSED, TriageOutcome.Outcome.NONE);
    assertThat(micros("2024-05-06T09:00:00Z")).isEqualTo(1_714_986_000_000_000L);
  }

  @Test
  void unknownGeographyMatchesNoCountryOrAsn() {
    When country = when();
    country.countries.add("SE");
    When asn = when();
    asn.asns.add(29518L);

    AssessmentResult result = assess(List.of(suppress("se", country), suppress("asn", asn)),
        detection().from("198.51.100.7").build());

    assertThat(result.alerts().get(0).triage()).isEqualTo(TriageOutcome.NONE);
  }
}
