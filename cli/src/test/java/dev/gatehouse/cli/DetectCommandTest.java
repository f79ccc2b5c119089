package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectCommandTest {

  private static final String HEADER = String.join("\n",
      "#separator \\x09",
      "#set_separator\t,",
      "#empty_field\t(empty)",
      "#unset_field\t-",
      "#path\tssh",
      "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tauth_success\tauth_attempts\tdirection\tclient",
      "#types\ttime\tstring\taddr\tport\taddr\tport\tbool\tcount\tenum\tstring") + "\n";

  @TempDir
  Path dir;

  private Path sshLog(String... rows) throws IOException {
    Path file = dir.resolve("ssh.log");
    Files.writeString(file, HEADER + String.join("\n", rows) + "\n");
    return file;
  }

  private static String row(String uid, String from, String to, String auth, String direction) {
    return "1700000000.000000\t" + uid + "\t" + from + "\t40000\t" + to + "\t22\t" + auth + "\t1\t"
        + direction + "\tSSH-2.0-OpenSSH_9.6";
  }

  @Test
  void detectionsFoundExitZeroByDefault() throws IOException {
    Path log = sshLog(row("C1", "198.51.100.7", "10.0.0.5", "T", "-"));

    CliRun run = CliRun.of("detect", "--format", "jsonl", log.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.detections()).hasSize(1);
  }

  @Test
  void failOnDetectionExitsOne() throws IOException {
    Path log = sshLog(row("C1", "198.51.100.7", "10.0.0.5", "T", "-"));

    assertThat(CliRun.of("detect", "--fail-on-detection", log.toString()).exitCode()).isEqualTo(1);
  }

  @Test
  void failOnDetectionWithoutDetectionExitsZero() throws IOException {
    Path log = sshLog(row("C1", "198.51.100.7", "10.0.0.5", "F", "-"));

    assertThat(CliRun.of("detect", "--fail-on-detection", log.toString()).exitCode()).isZero();
  }

  @Test
  void missingInputExitsThreeAndReadsTheRest() throws IOException {
    Path log = sshLog(row("C1", "198.51.100.7", "10.0.0.5", "T", "-"));
    Path missing = dir.resolve("nowhere/ssh.log");

    CliRun run = CliRun.of("detect", "--format", "jsonl", missing.toString(), log.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.detections()).hasSize(1);
    assertThat(run.err()).contains("unreadable-input 1").contains(missing.toString());
  }

  @Test
  void invalidInternalCidrExitsTwo() throws IOException {
    Path log = sshLog(row("C1", "198.51.100.7", "10.0.0.5", "T", "-"));

    CliRun run = CliRun.of("detect", "--internal", "10.0.0.0/33", log.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("'10.0.0.0/33' is not a valid CIDR: prefix length must be 0-32 for IPv4");
  }

  @Test
  void invalidSiteFileExitsTwoWithLine() throws IOException {
    Path log = sshLog(row("C1", "198.51.100.7", "10.0.0.5", "T", "-"));
    Path site = dir.resolve("site.yaml");
    Files.writeString(site, "internal:\n  - 10.0.0.0/8\nthresholds: 3\n");

    CliRun run = CliRun.of("detect", "--site", site.toString(), log.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(site + ":3: error: unknown key 'thresholds'");
  }

  @Test
  void invalidMinCertaintyExitsTwo() throws IOException {
    Path log = sshLog(row("C1", "198.51.100.7", "10.0.0.5", "T", "-"));

    CliRun run = CliRun.of("detect", "--min-certainty", "maybe", log.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'maybe' is not a certainty: expected confirmed, likely, unknown or failed");
  }

  @Test
  void noPathIsUsageError() {
    CliRun run = CliRun.of("detect");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required parameter");
  }

  @Test
  void outputFileReceivesJsonLines() throws IOException {
    Path log = sshLog(row("C1", "198.51.100.7", "10.0.0.5", "T", "-"));
    Path output = dir.resolve("detections.jsonl");

    CliRun run = CliRun.of("detect", "--output", output.toString(), log.toString());

    assertThat(run.out()).isEmpty();
    List<String> lines = Files.readAllLines(output);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith("{\"id\":\"").contains("\"model\":\"ssh_external_internal\"");
  }

  @Test
  void standardInputIsRead() throws IOException {
    byte[] log = (HEADER + row("C1", "198.51.100.7", "10.0.0.5", "T", "-") + "\n")
        .getBytes(StandardCharsets.UTF_8);
    InputStream original = System.in;
    CliRun run;
    try {
      System.setIn(new ByteArrayInputStream(log));
      run = CliRun.of("detect", "--format", "jsonl", "-");
    } finally {
      System.setIn(original);
    }

    assertThat(run.exitCode()).isZero();
    assertThat(run.detections()).singleElement()
        .satisfies(d -> assertThat(d.at("/evidence/0/log").asText()).isEqualTo("-:8"));
  }

  @Test
  void malformedLinesAreCountedAndShown() throws IOException {
    Path log = sshLog(
        row("C1", "198.51.100.7", "10.0.0.5", "T", "-"),
        row("C2", "198.51.100.999", "10.0.0.5", "T", "-"),
        row("C3", "198.51.100.8", "10.0.0.5", "yes", "-"));

    CliRun run = CliRun.of("detect", "--format", "jsonl", log.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.detections()).hasSize(1);
    assertThat(run.err())
        .contains("problems: 2 rows skipped, 2 errors, 0 warnings (bad-address 1, bad-auth-success 1)")
        .contains(log + ":9: error: ")
        .contains("'198.51.100.999'")
        .contains(log + ":10: error: auth_success is 'yes'");
  }

  @Test
  void zeekDirectionDisagreementIsNoted() throws IOException {
    Path log = sshLog(row("C1", "198.51.100.7", "10.0.0.5", "T", "OUTBOUND"));

    CliRun run = CliRun.of("detect", "--format", "jsonl", log.toString());

    assertThat(run.detections()).hasSize(1);
    assertThat(run.err()).contains("note: on 1 rows Zeek's direction, local_orig or local_resp disagrees");
  }

  @Test
  void tableShowsDetection() throws IOException {
    Path log = sshLog(row("C1", "198.51.100.7", "10.0.0.5", "T", "-"));

    CliRun run = CliRun.of("detect", "--format", "table", log.toString());

    assertThat(run.out().lines().toList()).hasSize(2);
    assertThat(run.out()).contains("medium    30     confirmed  198.51.100.7  -           10.0.0.5:22  -     2023-11-14");
  }

  @Test
  void idsAreStableAcrossRuns() throws IOException {
    Path log = sshLog(row("C1", "198.51.100.7", "10.0.0.5", "T", "-"));

    List<JsonNode> first = CliRun.of("detect", "--format", "jsonl", log.toString()).detections();
    List<JsonNode> second = CliRun.of("detect", "--format", "jsonl", log.toString()).detections();

    assertThat(second.get(0).get("id")).isEqualTo(first.get(0).get("id"));
  }

  @Test
  void controlCharactersInBannerAreEscaped() throws IOException {
    Path log = sshLog(row("C1", "198.51.100.7", "10.0.0.5", "T", "-")
        .replace("SSH-2.0-OpenSSH_9.6", "SSH-2.0-evil\\x1b[31m\\x0a{\"id\":1}"));

    CliRun json = CliRun.of("detect", "--format", "jsonl", log.toString());
    CliRun table = CliRun.of("detect", "--format", "table", log.toString());

    assertThat(json.out().lines().toList()).hasSize(1);
    assertThat(json.detections().get(0).at("/ssh/clients/0").asText())
        .isEqualTo("SSH-2.0-evil\u001b[31m\n{\"id\":1}");
    assertThat(table.out()).doesNotContain("\u001b").contains("SSH-2.0-evil\\x1b[31m\\x0a");
  }

  @Test
  void connLogBesideNamedSshLogIsJoined() throws IOException {
    Path log = sshLog(row("C1", "198.51.100.7", "10.0.0.5", "-", "-"));
    Files.writeString(dir.resolve("conn.log"), String.join("\n",
        "#separator \\x09",
        "#unset_field\t-",
        "#path\tconn",
        "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tduration\torig_bytes\tresp_bytes\tconn_state",
        "1700000000.000000\tC1\t198.51.100.7\t40000\t10.0.0.5\t22\ttcp\t600.5\t48211\t95102\tSF") + "\n");

    CliRun run = CliRun.of("detect", "--format", "jsonl", log.toString());

    assertThat(run.detections()).singleElement().satisfies(d -> {
      assertThat(d.get("certainty").asText()).isEqualTo("likely");
      assertThat(d.at("/traffic/bytes_from_destination").asLong()).isEqualTo(95102);
      assertThat(d.at("/traffic/duration_seconds").asDouble()).isEqualTo(600.5);
    });
    assertThat(run.err()).contains("gatehouse: 2 files");
  }

  @Test
  void unwritableOutputFailsBeforeReading() throws IOException {
    Path log = sshLog(row("C1", "198.51.100.7", "10.0.0.5", "T", "-"));
    Path missingDirectory = dir.resolve("absent/detections.jsonl");

    CliRun run = CliRun.of("detect", "--output", missingDirectory.toString(), log.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--output " + missingDirectory + ": the directory "
        + dir.resolve("absent") + " does not exist; create it first");
    assertThat(run.err()).doesNotContain("records:");
  }

  @Test
  void outputThatIsAnInputIsRejected() throws IOException {
    Path log = sshLog(row("C1", "198.51.100.7", "10.0.0.5", "T", "-"));
    String before = Files.readString(log);

    CliRun run = CliRun.of("detect", "--output", log.toString(), log.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is also an input; writing it would destroy the log");
    assertThat(Files.readString(log)).isEqualTo(before);
  }

  @Test
  void outputDashIsStandardOutput() throws IOException {
    Path log = sshLog(row("C1", "198.51.100.7", "10.0.0.5", "T", "-"));

    CliRun run = CliRun.of("detect", "--output", "-", log.toString());

    assertThat(run.detections()).hasSize(1);
    assertThat(Files.exists(Path.of("-"))).isFalse();
  }

  @Test
  void quietStillPrintsProblems() throws IOException {
    Path log = sshLog(row("C1", "198.51.100.7", "10.0.0.5", "T", "-"));
    Path missing = dir.resolve("nowhere.log");

    CliRun quietWithProblem = CliRun.of("detect", "--quiet", missing.toString(), log.toString());
    CliRun quietClean = CliRun.of("detect", "--quiet", log.toString());

    assertThat(quietWithProblem.exitCode()).isEqualTo(3);
    assertThat(quietWithProblem.err()).contains(missing.toString()).contains("unreadable-input 1")
        .doesNotContain("records:");
    assertThat(quietClean.err()).isEmpty();
  }

  @Test
  void truncatedGzipExitsThree() throws IOException {
    byte[] whole;
    java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(buffer)) {
      StringBuilder rows = new StringBuilder(HEADER);
      for (int i = 0; i < 2000; i++) {
        rows.append(row("C" + i, "198.51.100." + (i % 200), "10.0.0.5", "T", "-")).append('\n');
      }
      gzip.write(rows.toString().getBytes(StandardCharsets.UTF_8));
    }
    whole = buffer.toByteArray();
    Path cut = dir.resolve("ssh.log.gz");
    Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));

    CliRun run = CliRun.of("detect", "--format", "jsonl", cut.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.detections()).isNotEmpty();
    assertThat(run.err()).contains("truncated-input 1");
  }

  @Test
  void skippedRowsAreCountedInSummary() throws IOException {
    Path log = sshLog(
        row("C1", "198.51.100.7", "10.0.0.5", "T", "-"),
        row("C2", "not-an-address", "10.0.0.5", "T", "-"),
        "1700000000.000000\tC3\t198.51.100.8");

    CliRun run = CliRun.of("detect", "--format", "jsonl", log.toString());

    assertThat(run.err()).contains("problems: 2 rows skipped, 2 errors, 0 warnings");
  }
}
