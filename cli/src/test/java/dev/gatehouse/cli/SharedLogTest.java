package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** End-to-end runs on real Zeek logs written by others, kept beside the repository. */
class SharedLogTest {

  private static CliRun detect(String... args) {
    String[] full = new String[args.length + 3];
    full[0] = "detect";
    full[1] = "--format";
    full[2] = "jsonl";
    System.arraycopy(args, 0, full, 3, args.length);
    return CliRun.of(full);
  }

  private static List<String> pairs(List<JsonNode> detections) {
    return detections.stream()
        .map(d -> d.at("/source/ip").asText() + " -> " + d.at("/destination/ip").asText() + ":"
            + d.at("/destination/port").asInt() + " " + d.get("certainty").asText() + " x"
            + d.at("/sessions/confirmed").asLong())
        .toList();
  }

  @Test
  void wrccdcTsvFindsTheThreeConfirmedPairs() {
    Path tsv = SharedData.require("zed-sample-data/zeek-default/ssh.log.gz");

    CliRun run = detect("--internal", "10.47.0.0/16", tsv.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(pairs(run.detections())).containsExactly(
        "10.0.0.227 -> 10.47.8.50:22 confirmed x3",
        "10.128.0.233 -> 10.47.27.186:22 confirmed x1",
        "10.128.0.233 -> 10.47.23.186:22 confirmed x1");
  }

  @Test
  void wrccdcJsonGivesIdenticalDetections() {
    Path tsv = SharedData.require("zed-sample-data/zeek-default/ssh.log.gz");
    Path json = SharedData.require("zed-sample-data/zeek-json/ssh.json.gz");

    List<JsonNode> fromTsv = detect("--internal", "10.47.0.0/16", tsv.toString()).detections();
    List<JsonNode> fromJson = detect("--internal", "10.47.0.0/16", json.toString()).detections();

    assertThat(fromJson).hasSize(3);
    for (int i = 0; i < fromTsv.size(); i++) {
      JsonNode a = withoutLogPlaces(fromTsv.get(i));
      JsonNode b = withoutLogPlaces(fromJson.get(i));
      assertThat(b).isEqualTo(a);
    }
  }

  private static JsonNode withoutLogPlaces(JsonNode detection) {
    JsonNode copy = detection.deepCopy();
    for (JsonNode evidence : copy.get("evidence")) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) evidence).remove("log");
    }
    return copy;
  }

  @Test
  void wrccdcShippedSampleMatchesSharedCopy() {
    SharedData.require("zed-sample-data/zeek-default/ssh.log.gz");
    CliRun shipped = detect("--site", "../examples/wrccdc-2018/site.yaml",
        "../examples/wrccdc-2018/zeek-tsv", "../examples/wrccdc-2018/zeek-json");

    assertThat(shipped.exitCode()).isZero();
    assertThat(pairs(shipped.detections())).containsExactly(
        "10.0.0.227 -> 10.47.8.50:22 confirmed x3",
        "10.128.0.233 -> 10.47.27.186:22 confirmed x1",
        "10.128.0.233 -> 10.47.23.186:22 confirmed x1");
    assertThat(shipped.err()).contains("22 duplicate uid");
  }

  @Test
  void ritaSensorHasNoConfirmedOrLikelyLogin() {
    Path sensor = SharedData.require("rita/test_data/missing_host");

    CliRun run = detect("--internal", "64.225.56.201/32", sensor.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.detections()).isEmpty();
    assertThat(run.err())
        .contains("144 files")
        .contains("records: ssh 17299, conn 105918")
        .contains("17299 external->internal")
        .contains("problems: none");
  }

  @Test
  void ritaSensorUnknownPairsAreExplained() {
    Path sensor = SharedData.require("rita/test_data/missing_host");

    CliRun run = detect("--internal", "64.225.56.201/32", "--min-certainty", "unknown",
        "--max-evidence", "1", sensor.toString());
    List<JsonNode> detections = run.detections();

    assertThat(detections).allSatisfy(d -> {
      assertThat(d.get("certainty").asText()).isEqualTo("unknown");
      assertThat(d.at("/sessions/confirmed").asLong()).isZero();
      assertThat(d.at("/sessions/likely").asLong()).isZero();
      assertThat(d.at("/evidence/0/reason").asText()).startsWith("auth_success is unset; conn.log shows");
    });
    long unknownSessions = detections.stream().mapToLong(d -> d.at("/sessions/unknown").asLong()).sum();
    assertThat(unknownSessions).isEqualTo(13669);
    assertThat(detections).hasSize(EXPECTED_RITA_UNKNOWN_PAIRS);
  }

  /** Distinct (source, port 22) pairs with an unset outcome in the RITA sensor's ssh logs. */
  private static final int EXPECTED_RITA_UNKNOWN_PAIRS = 624;
}
