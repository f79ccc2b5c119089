package dev.gatehouse.bench.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.model.ModelSettings;
import dev.gatehouse.core.net.IpAddress;
import dev.gatehouse.core.net.NetworkMap;
import dev.gatehouse.output.JsonLinesWriter;
import dev.gatehouse.run.BatchRun;
import dev.gatehouse.run.RunResult;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs gatehouse's batch engine over generated data and checks that it reports exactly the
 * detections the generator computed on its own.
 */
class GeneratorTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final Set<Variant> WRITTEN = EnumSet.of(Variant.TSV, Variant.JSON,
      Variant.TSV_GZ, Variant.TSV_ROTATED, Variant.JSON_ROTATED);

  @TempDir
  static Path folder;

  private static GeneratedDataSet withConn;
  private static GeneratedDataSet sshOnly;

  @BeforeAll
  static void generate() throws IOException {
    withConn = Generator.generate(
        new DataSetSpec(7, 4_000, 0, 8, 24, WRITTEN), folder.resolve("with-conn"));
    sshOnly = Generator.generate(
        new DataSetSpec(7, 4_000, 0, 0, 24, EnumSet.of(Variant.TSV, Variant.JSON_GZ)),
        folder.resolve("ssh-only"));
  }

  @ParameterizedTest
  @EnumSource(value = Variant.class, names = {"TSV", "JSON", "TSV_GZ", "TSV_ROTATED", "JSON_ROTATED"})
  void gatehouseMatchesExpectedWithConn(Variant variant) throws IOException {
    String output = detect(withConn.variantFolder(variant));

    List<String> differences = DetectionCheck.compare(withConn.expectedFile(), output);

    assertThat(differences).as("differences from expected.jsonl").isEmpty();
    assertThat(output.lines().count()).isEqualTo(withConn.expectedDetections());
  }

  @ParameterizedTest
  @EnumSource(value = Variant.class, names = {"TSV", "JSON_GZ"})
  void gatehouseMatchesExpectedWithoutConn(Variant variant) throws IOException {
    String output = detect(sshOnly.variantFolder(variant));

    List<String> differences = DetectionCheck.compare(sshOnly.expectedFile(), output);

    assertThat(differences).as("differences from expected.jsonl").isEmpty();
  }

  @Test
  void expectedCoversEveryCertaintyAndBoundary() throws IOException {
    List<JsonNode> expected = readLines(withConn.expectedFile());

    assertThat(expected).hasSizeGreaterThan(20);
    assertThat(expected).anySatisfy(d -> assertThat(d.at("/certainty").asText()).isEqualTo("confirmed"));
    assertThat(expected).anySatisfy(d -> assertThat(d.at("/certainty").asText()).isEqualTo("likely"));
    assertThat(expected).anySatisfy(d -> assertThat(d.at("/sessions/unknown").asLong()).isPositive());
    assertThat(expected).anySatisfy(d -> assertThat(d.at("/sessions/failed").asLong()).isPositive());
    assertThat(expected).anySatisfy(
        d -> assertThat(d.at("/failures/before_first_success").asLong()).isPositive());
    assertThat(expected).anySatisfy(d -> assertThat(d.at("/source/ip").asText()).contains(":"));
    assertThat(expected).anySatisfy(d -> assertThat(d.at("/destination/port").asInt()).isEqualTo(2222));
  }

  @Test
  void expectedWithoutConnHasNoLikely() throws IOException {
    List<JsonNode> expected = readLines(sshOnly.expectedFile());

    assertThat(expected).isNotEmpty();
    assertThat(expected).allSatisfy(d -> assertThat(d.at("/sessions/likely").asLong()).isZero());
  }

  @Test
  void addressesAreInCanonicalForm() throws IOException {
    for (JsonNode detection : readLines(withConn.expectedFile())) {
      for (String pointer : List.of("/source/ip", "/destination/ip")) {
        String text = detection.at(pointer).asText();
        assertThat(IpAddress.parse(text).toString()).as(pointer).isEqualTo(text);
      }
    }
  }

  @Test
  void sameSeedGivesSameBytes() throws IOException {
    DataSetSpec spec = new DataSetSpec(7, 4_000, 0, 8, 24, EnumSet.of(Variant.TSV));
    GeneratedDataSet again = Generator.generate(spec, folder.resolve("again"));

    assertThat(Files.mismatch(again.sshFile(Variant.TSV), withConn.sshFile(Variant.TSV))).isEqualTo(-1);
    assertThat(Files.mismatch(again.connFile(Variant.TSV), withConn.connFile(Variant.TSV))).isEqualTo(-1);
    assertThat(Files.mismatch(again.expectedFile(), withConn.expectedFile())).isEqualTo(-1);
  }

  @Test
  void otherSeedGivesOtherRows() throws IOException {
    DataSetSpec spec = new DataSetSpec(8, 4_000, 0, 8, 24, EnumSet.of(Variant.TSV));
    GeneratedDataSet other = Generator.generate(spec, folder.resolve("other-seed"));

    assertThat(Files.mismatch(other.sshFile(Variant.TSV), withConn.sshFile(Variant.TSV))).isNotEqualTo(-1);
  }

  @Test
  void sizeByBytesReachesTheSize() throws IOException {
    DataSetSpec spec = new DataSetSpec(3, 0, 300_000, 2, 24, EnumSet.of(Variant.TSV));
    GeneratedDataSet sized = Generator.generate(spec, folder.resolve("sized"));

    long bytes = Files.size(sized.sshFile(Variant.TSV));
    assertThat(bytes).isBetween(300_000L, 301_000L);
    assertThat(sized.sshBytes().get(Variant.TSV)).isEqualTo(bytes);
    assertThat(sized.connRows()).isGreaterThan(sized.sshRows());
  }

  @Test
  void rotatedVariantHasOneFilePerHour() throws IOException {
    List<String> names;
    try (Stream<Path> files = Files.list(withConn.variantFolder(Variant.TSV_ROTATED))) {
      names = files.map(p -> p.getFileName().toString()).sorted().toList();
    }

    assertThat(names).hasSize(48);
    assertThat(names).contains("ssh.00:00:00-01:00:00.log.gz", "conn.23:00:00-00:00:00.log.gz");
  }

  @Test
  void checkReportsChangedCount() throws IOException {
    List<String> lines = Files.readAllLines(withConn.expectedFile());
    String first = lines.get(0);
    JsonNode changed = MAPPER.readTree(first);
    long failed = changed.at("/sessions/failed").asLong();
    ((ObjectNode) changed.get("sessions")).put("failed", failed + 1);
    List<String> altered = new ArrayList<>(lines);
    altered.set(0, MAPPER.writeValueAsString(changed));
    altered.remove(1);

    List<String> differences = DetectionCheck.compare(withConn.expectedFile(), String.join("\n", altered));

    assertThat(differences).hasSize(2);
    assertThat(differences.get(0)).contains("/sessions/failed is " + (failed + 1));
    assertThat(differences.get(1)).startsWith("missing detection");
  }

  private static String detect(Path input) throws IOException {
    RunResult result = new BatchRun(NetworkMap.defaults(), ModelSettings.DEFAULTS,
        BatchRun.Progress.NONE).run(List.of(input.toString()));
    assertThat(result.diagnostics().errors()).as("errors while reading").isZero();
    assertThat(result.diagnostics().warnings()).as("warnings while reading").isZero();
    StringWriter out = new StringWriter();
    new JsonLinesWriter(out).write(result.detections());
    return out.toString();
  }

  private static List<JsonNode> readLines(Path file) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      nodes.add(MAPPER.readTree(line));
    }
    return nodes;
  }
}
