package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Zeek inputs drawn from faults that users of Zeek and of log shippers reported in public, each
 * run end to end through {@code gatehouse detect}.
 */
class ZeekCaseTest {

  private static final String CASES = "src/test/resources/zeek-cases/";

  private static CliRun detect(String... args) {
    String[] full = new String[args.length + 3];
    full[0] = "detect";
    full[1] = "--format";
    full[2] = "jsonl";
    System.arraycopy(args, 0, full, 3, args.length);
    return CliRun.of(full);
  }

  private static List<String> sources(List<JsonNode> detections) {
    return detections.stream().map(d -> d.at("/source/ip").asText()).toList();
  }

  @Test
  void unsetAuthSuccessIsUnknownNotSuccess() {
    CliRun run = detect(CASES + "unset-auth-success");
    assertThat(run.exitCode()).isZero();
    assertThat(run.detections()).isEmpty();

    CliRun unknown = detect("--min-certainty", "unknown", CASES + "unset-auth-success");
    assertThat(unknown.detections()).singleElement().satisfies(d -> {
      assertThat(d.get("certainty").asText()).isEqualTo("unknown");
      assertThat(d.at("/sessions/unknown").asLong()).isEqualTo(1);
      assertThat(d.at("/sessions/confirmed").asLong()).isZero();
      assertThat(d.at("/evidence/0/auth_success").isNull()).isTrue();
    });
  }

  @Test
  void connRowWithoutSshRowGivesNothing() {
    CliRun run = detect("--min-certainty", "unknown", CASES + "conn-without-ssh");
    assertThat(run.exitCode()).isZero();
    assertThat(run.detections()).isEmpty();
    assertThat(run.err()).contains("problems: none");
  }

  @Test
  void successAfterSeveralAttemptsIsOneDetection() {
    List<JsonNode> detections = detect(CASES + "success-after-failures").detections();
    assertThat(detections).singleElement().satisfies(d -> {
      assertThat(d.at("/source/ip").asText()).isEqualTo("198.51.100.99");
      assertThat(d.at("/destination/ip").asText()).isEqualTo("172.16.5.5");
      assertThat(d.get("certainty").asText()).isEqualTo("confirmed");
      assertThat(d.at("/sessions/confirmed").asLong()).isEqualTo(1);
      assertThat(d.at("/sessions/failed").asLong()).isZero();
      assertThat(d.at("/evidence/0/auth_attempts").asInt()).isEqualTo(5);
    });
  }

  @Test
  void reverseSshFromInsideIsNotReported() {
    CliRun run = detect("--min-certainty", "failed", CASES + "reverse-ssh");
    assertThat(run.detections()).isEmpty();
    assertThat(run.err()).contains("0 external->internal, 0 internal->internal, 1 internal->external");
  }

  @Test
  void sharedAddressSpaceIsInternalByDefault() {
    assertThat(sources(detect(CASES + "cgnat-shared-space").detections()))
        .containsExactly("203.0.113.77");
  }

  @Test
  void sharedAddressSpaceExternalBySiteNetworks() {
    CliRun run = detect("--internal", "10.0.0.0/8", "--internal", "172.16.0.0/12",
        "--internal", "192.168.0.0/16", CASES + "cgnat-shared-space");
    assertThat(run.detections()).isEmpty();
    assertThat(run.err()).contains("1 external->external");
  }

  @Test
  void unsetZeekLocalityDoesNotHideLogin() {
    assertThat(sources(detect(CASES + "unset-zeek-locality").detections()))
        .containsExactly("198.51.100.4");
  }

  @Test
  void uniqueLocalIpv6IsInternal() {
    List<JsonNode> detections = detect(CASES + "ipv6-unique-local").detections();
    assertThat(detections).singleElement().satisfies(d -> {
      assertThat(d.at("/source/ip").asText()).isEqualTo("2001:db8:4::10");
      assertThat(d.at("/destination/ip").asText()).isEqualTo("fd12:3456:789a::22");
    });
  }

  @Test
  void emptyAndUnsetClientBothParse() {
    List<JsonNode> detections = detect(CASES + "empty-versus-unset").detections();
    assertThat(sources(detections)).containsExactly("203.0.113.5", "203.0.113.6");
    assertThat(detections.get(0).at("/ssh/clients").size()).isZero();
    assertThat(detections.get(1).at("/ssh/clients").size()).isZero();
  }

  @Test
  void trailingExtraFieldIsIgnored() {
    CliRun run = detect(CASES + "extra-trailing-field");
    assertThat(sources(run.detections())).containsExactly("198.51.100.30");
  }

  @Test
  void underscoreScopeSeparatorIsRead() {
    CliRun run = detect(CASES + "underscore-scope-separator");
    assertThat(sources(run.detections())).containsExactly("198.51.100.40", "198.51.100.41");
  }

  @Test
  void vendorColumnsAreIgnored() {
    List<JsonNode> detections = detect(CASES + "vendor-extra-columns").detections();
    assertThat(sources(detections)).containsExactly("203.0.113.50");
    assertThat(detections.get(0).at("/ssh/host_keys/0").asText())
        .isEqualTo("ed:25:51:9a:bc:de:f0:12:34:56:78:9a:bc:de:f0:12");
  }

  @Test
  void everyTimestampFormatGivesSameInstant() {
    List<JsonNode> detections = detect(CASES + "timestamp-formats").detections();
    assertThat(detections).hasSize(3);
    assertThat(detections).extracting(d -> d.get("first_seen").asText().substring(0, 23))
        .containsOnly("2023-11-14T22:41:40.123");
  }

  @Test
  void absentOutcomeIsUnknownAndFalseIsFailed() {
    CliRun run = detect("--min-certainty", "failed", CASES + "absent-versus-false");
    List<JsonNode> detections = run.detections();
    assertThat(detections).extracting(d -> d.at("/source/ip").asText() + " " + d.get("certainty").asText())
        .containsExactly("198.51.100.80 confirmed", "198.51.100.81 failed", "198.51.100.82 unknown");
    assertThat(detect(CASES + "absent-versus-false").detections()).hasSize(1);
  }

  @Test
  void rotatedOverlapCountsEachSessionOnce() {
    CliRun run = detect(CASES + "rotation-overlap/current_ssh.log_before_rotation",
        CASES + "rotation-overlap/archived_ssh.22:00:00-23:00:00.log");
    List<JsonNode> detections = run.detections();
    assertThat(sources(detections)).containsExactly("203.0.113.110", "203.0.113.111");
    assertThat(detections).allSatisfy(d -> assertThat(d.at("/sessions/confirmed").asLong()).isEqualTo(1));
    assertThat(run.err()).contains("1 duplicate uid");
  }
}
