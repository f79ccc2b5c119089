package dev.gatehouse.core.assess;

import static dev.gatehouse.core.assess.Detections.detection;
import static dev.gatehouse.core.assess.Detections.micros;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.model.Certainty;
import dev.gatehouse.core.model.Detection;
import dev.gatehouse.core.net.Cidr;
import dev.gatehouse.core.net.IpAddress;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoveltyTest {

  private static final GeoLookup GEO = address -> {
    if (Cidr.parse("89.160.0.0/16").contains(address)) {
      return new SourceGeo("SE", "Sweden", "Linköping", 29518, "Bredband2 AB");
    }
    if (Cidr.parse("81.2.69.0/24").contains(address)) {
      return new SourceGeo("GB", "United Kingdom", "London", 20712, "Andrews & Arnold Ltd");
    }
    return SourceGeo.UNKNOWN;
  };

  private static AssessmentResult run(NoveltyHistory history, Detection... detections) {
    return Assessor.builder().geo(GEO).novelty(history, NoveltySettings.DEFAULTS)
        .today(LocalDate.of(2024, 6, 1)).build().assess(List.of(detections));
  }

  private static List<String> codes(Alert alert) {
    return alert.score().factors().stream().map(Factor::code).filter(code -> !code.equals("confirmed")).toList();
  }

  @Test
  void firstLoginHasNoHistory() {
    NoveltyHistory history = NoveltyHistory.empty();

    AssessmentResult result = run(history, detection().build());

    assertThat(codes(result.alerts().get(0))).containsExactly("no_login_history");
    assertThat(result.alerts().get(0).score().factors().get(1).detail()).isEqualTo("No earlier login to"
        + " 10.47.8.50 is in the novelty history, so the source is judged neither new nor known.");
    assertThat(result.noveltyEntriesAdded()).isEqualTo(4);
    assertThat(history.entries()).containsExactly(
        new NoveltyEntry(IpAddress.parse("10.47.8.50"), NoveltyKind.ADDRESS, "89.160.20.112",
            micros("2024-05-06T10:00:00Z"), micros("2024-05-06T10:00:00Z")),
        new NoveltyEntry(IpAddress.parse("10.47.8.50"), NoveltyKind.NETWORK, "89.160.20.0/24",
            micros("2024-05-06T10:00:00Z"), micros("2024-05-06T10:00:00Z")),
        new NoveltyEntry(IpAddress.parse("10.47.8.50"), NoveltyKind.ASN, "29518",
            micros("2024-05-06T10:00:00Z"), micros("2024-05-06T10:00:00Z")),
        new NoveltyEntry(IpAddress.parse("10.47.8.50"), NoveltyKind.COUNTRY, "SE",
            micros("2024-05-06T10:00:00Z"), micros("2024-05-06T10:00:00Z")));
  }

  @Test
  void secondRunJudgesAgainstFirst() {
    NoveltyHistory history = NoveltyHistory.empty();
    run(history, detection().seen("2024-05-06T10:00:00Z", "2024-05-06T11:00:00Z").build());

    AssessmentResult second = run(history,
        detection().from("89.160.20.113").seen("2024-05-07T10:00:00Z", "2024-05-07T10:00:00Z").build(),
        detection().from("81.2.69.142").seen("2024-05-07T12:00:00Z", "2024-05-07T12:00:00Z").build(),
        detection().seen("2024-05-08T10:00:00Z", "2024-05-08T10:00:00Z").build());

    assertThat(codes(second.alerts().get(0))).containsExactly("new_source_address");
    assertThat(codes(second.alerts().get(1))).containsExactly("new_source_address", "new_source_network",
        "new_source_asn", "new_source_country");
    assertThat(codes(second.alerts().get(2))).containsExactly("known_source");
    assertThat(second.alerts().get(1).score().factors().get(3).detail())
        .isEqualTo("No address of AS20712 (Andrews & Arnold Ltd) logged in to 10.47.8.50 before.");
    assertThat(second.alerts().get(1).score().factors().get(4).detail())
        .isEqualTo("No address in GB (United Kingdom) logged in to 10.47.8.50 before.");
    assertThat(second.alerts().get(1).score().value()).isEqualTo(30 + 5 + 5 + 5 + 10);
    assertThat(second.noveltyEntriesAdded()).isEqualTo(1 + 4);
  }

  @Test
  void rerunOfSameLogsJudgesAlike() {
    NoveltyHistory history = NoveltyHistory.empty();
    Detection first = detection().seen("2024-05-06T10:00:00Z", "2024-05-06T10:00:00Z").build();
    Detection later = detection().from("81.2.69.142").seen("2024-05-07T10:00:00Z", "2024-05-07T10:00:00Z").build();

    AssessmentResult once = run(history, first, later);
    AssessmentResult again = run(history, first, later);

    assertThat(again.alerts()).isEqualTo(once.alerts());
    assertThat(codes(once.alerts().get(1))).containsExactly("new_source_address", "new_source_network",
        "new_source_asn", "new_source_country");
    assertThat(again.noveltyEntriesAdded()).isZero();
  }

  @Test
  void failedPairsAreNotRecorded() {
    NoveltyHistory history = NoveltyHistory.empty();

    run(history, detection().certainty(Certainty.FAILED).build(),
        detection().to("10.47.1.1").certainty(Certainty.UNKNOWN).build());

    assertThat(history.size()).isZero();
  }

  @Test
  void ipv6SourceGroupedBySlash48() {
    NoveltyHistory history = NoveltyHistory.empty();
    run(history, detection().from("2001:db8:1:2::7").seen("2024-05-06T10:00:00Z", "2024-05-06T10:00:00Z")
        .build());

    AssessmentResult second = run(history, detection().from("2001:db8:1:ff::9")
        .seen("2024-05-07T10:00:00Z", "2024-05-07T10:00:00Z").build());

    assertThat(codes(second.alerts().get(0))).containsExactly("new_source_address");
    assertThat(history.entries()).extracting(NoveltyEntry::value)
        .containsExactly("2001:db8:1:2::7", "2001:db8:1:ff::9", "2001:db8:1::/48");
  }
}
