package dev.gatehouse.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.assess.NoveltyEntry;
import dev.gatehouse.core.assess.NoveltyHistory;
import dev.gatehouse.core.assess.NoveltyKind;
import dev.gatehouse.core.net.IpAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NoveltyStateFileTest {

  private static final long FIRST = 1_521_911_799_739_898L;
  private static final long LAST = 1_521_912_984_947_911L;

  @TempDir
  Path directory;

  private static NoveltyHistory sample() {
    return NoveltyHistory.of(List.of(
        new NoveltyEntry(IpAddress.parse("10.47.8.50"), NoveltyKind.ADDRESS, "10.0.0.227", FIRST, LAST),
        new NoveltyEntry(IpAddress.parse("10.47.8.50"), NoveltyKind.NETWORK, "10.0.0.0/24", FIRST, LAST),
        new NoveltyEntry(IpAddress.parse("fd00::1"), NoveltyKind.COUNTRY, "SE", FIRST, FIRST)));
  }

  @Test
  void savedFileLoadsTheSameEntries() throws Exception {
    Path file = directory.resolve("state/novelty.json");

    NoveltyStateFile.save(file, sample());
    NoveltyHistory loaded = NoveltyStateFile.load(file);

    assertThat(loaded.entries()).isEqualTo(sample().entries());
    assertThat(Files.readAllLines(file)).containsExactly(
        "{\"format\":\"gatehouse-novelty\",\"version\":1,\"entries\":[",
        "{\"destination\":\"10.47.8.50\",\"kind\":\"address\",\"value\":\"10.0.0.227\","
            + "\"first_seen\":\"2018-03-24T17:16:39.739898Z\",\"last_seen\":\"2018-03-24T17:36:24.947911Z\"},",
        "{\"destination\":\"10.47.8.50\",\"kind\":\"network\",\"value\":\"10.0.0.0/24\","
            + "\"first_seen\":\"2018-03-24T17:16:39.739898Z\",\"last_seen\":\"2018-03-24T17:36:24.947911Z\"},",
        "{\"destination\":\"fd00::1\",\"kind\":\"country\",\"value\":\"SE\","
            + "\"first_seen\":\"2018-03-24T17:16:39.739898Z\",\"last_seen\":\"2018-03-24T17:16:39.739898Z\"}",
        "]}");
  }

  @Test
  void saveReplacesAndLeavesNoTemporaryFile() throws Exception {
    Path file = directory.resolve("novelty.json");
    Files.writeString(file, "old content");

    NoveltyStateFile.save(file, NoveltyHistory.empty());

    assertThat(NoveltyStateFile.load(file).size()).isZero();
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.map(path -> path.getFileName().toString())).containsExactly("novelty.json");
    }
  }

  @Test
  void missingFileIsEmptyHistory() throws Exception {
    assertThat(NoveltyStateFile.load(directory.resolve("absent.json")).size()).isZero();
  }

  static Stream<Arguments> corruptFiles() {
    String header = "{\"format\":\"gatehouse-novelty\",\"version\":1,\"entries\":[";
    return Stream.of(
        Arguments.of("{\"format\":", "it is not valid JSON (Unexpected end-of-input within/between Object"
            + " entries at line 1, column 11)"),
        Arguments.of("[]", "it is not a JSON object"),
        Arguments.of("", "it is not a JSON object"),
        Arguments.of("{\"format\":\"other\"}", "its 'format' is not \"gatehouse-novelty\""),
        Arguments.of("{\"format\":\"gatehouse-novelty\",\"version\":2,\"entries\":[]}",
            "its 'version' is 2, and this gatehouse reads version 1"),
        Arguments.of("{\"format\":\"gatehouse-novelty\",\"version\":1}", "it has no 'entries' list"),
        Arguments.of(header + "{\"destination\":\"10.47.8.500\"}]}", "entry 1 has no valid 'destination'"
            + " address"),
        Arguments.of(header + "{\"destination\":\"10.47.8.50\",\"kind\":\"city\"}]}",
            "entry 1 has the 'kind' \"city\", expected address, network, asn or country"),
        Arguments.of(header + "{\"destination\":\"10.47.8.50\",\"kind\":\"asn\",\"value\":\"1\","
            + "\"first_seen\":\"yesterday\"}]}", "entry 1 has the 'first_seen' \"yesterday\", expected an"
            + " RFC 3339 time such as 2018-03-24T17:16:39.739898Z"),
        Arguments.of(header + "{\"destination\":\"10.47.8.50\",\"kind\":\"asn\",\"value\":\"1\","
            + "\"first_seen\":\"2018-03-24T17:16:39Z\",\"last_seen\":\"2018-03-23T17:16:39Z\"}]}",
            "entry 1 has 'last_seen' before 'first_seen'"));
  }

  @ParameterizedTest
  @MethodSource("corruptFiles")
  void corruptFileNamesFileAndFix(String content, String problem) throws IOException {
    Path file = directory.resolve("novelty.json");
    Files.writeString(file, content);

    assertThatThrownBy(() -> NoveltyStateFile.load(file))
        .isInstanceOf(StateFileException.class)
        .hasMessage("the novelty state file " + file + " is corrupt: " + problem + ". Move it away to start"
            + " a new history, or run with --no-state");
  }

  @Test
  void unwritableDirectoryReported() throws IOException {
    Path blocker = directory.resolve("blocker");
    Files.writeString(blocker, "a file where a directory should be");
    Path file = blocker.resolve("novelty.json");

    assertThatThrownBy(() -> NoveltyStateFile.save(file, sample()))
        .isInstanceOf(StateFileException.class)
        .hasMessageStartingWith("cannot write the novelty state file " + file + ": ")
        .hasMessageEndingWith("; the history of this run is lost");
  }
}
