package dev.gatehouse.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.assess.Severity;
import dev.gatehouse.core.assess.ThreatIndicator;
import dev.gatehouse.core.net.Cidr;
import dev.gatehouse.site.SiteAssessment.ListFormat;
import dev.gatehouse.site.SiteAssessment.ThreatListFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreatListReaderTest {

  @TempDir
  Path directory;

  private final List<FileProblem> problems = new ArrayList<>();

  private ThreatListFile list(String name, String text, ListFormat format, String column) throws IOException {
    Path file = directory.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return new ThreatListFile("feed", Severity.HIGH, file, format, column, 3);
  }

  private List<String> problemLines() {
    return problems.stream().map(FileProblem::toString).toList();
  }

  @Test
  void textListWithCommentsAndMalformedLines() throws IOException {
    ThreatListFile list = list("bad.txt", """
        # known bad sources
        89.160.20.112
        203.0.113.0/24 ; SBL123

        2001:db8::/32   # documentation range
        10.0.0.1/8
        not-an-address
        198.51.100.7 198.51.100.8
        """, ListFormat.TEXT, null);

    List<ThreatIndicator> indicators = ThreatListReader.read(list, problems);

    String file = list.file().toString();
    assertThat(indicators).containsExactly(
        new ThreatIndicator("feed", Severity.HIGH, Cidr.parse("89.160.20.112/32"), file + ":2"),
        new ThreatIndicator("feed", Severity.HIGH, Cidr.parse("203.0.113.0/24"), file + ":3"),
        new ThreatIndicator("feed", Severity.HIGH, Cidr.parse("2001:db8::/32"), file + ":5"));
    assertThat(problemLines()).containsExactly(
        file + ":6: warning: '10.0.0.1/8' is not a valid CIDR: host bits are set (the network is"
            + " 10.0.0.0/8); the line is skipped",
        file + ":7: warning: 'not-an-address' is not a valid CIDR: 'not-an-address' is not an IPv4 or"
            + " IPv6 address; the line is skipped",
        file + ":8: warning: '198.51.100.7 198.51.100.8' contains more than one entry; write one address"
            + " or CIDR per line, with comments after '#' or ';'. The line is skipped");
  }

  @Test
  void csvListUsesNamedColumn() throws IOException {
    ThreatListFile list = list("feed.csv", """
        first_seen,IP,comment
        2024-05-01,89.160.20.112,"scanner, then login"
        2024-05-02,"81.2.69.142",plain
        2024-05-03
        2024-05-04,"89.160.20.1"x,broken
        2024-05-05,256.1.1.1,bad
        """, ListFormat.CSV, "ip");

    List<ThreatIndicator> indicators = ThreatListReader.read(list, problems);

    String file = list.file().toString();
    assertThat(indicators).extracting(ThreatIndicator::origin).containsExactly(file + ":2", file + ":3");
    assertThat(problemLines()).containsExactly(
        file + ":4: warning: the row has 1 fields and no column 'ip' (field 2); the row is skipped",
        file + ":5: warning: the row is not valid CSV: text follows the closing quote of field 2; the"
            + " row is skipped",
        file + ":6: warning: '256.1.1.1' is not a valid CIDR: '256.1.1.1' is not an IPv4 or IPv6"
            + " address; the line is skipped");
  }

  @Test
  void csvWithoutColumnIsError() throws IOException {
    ThreatListFile list = list("feed.csv", "address,comment\n89.160.20.112,x\n", ListFormat.CSV, "ip");

    assertThat(ThreatListReader.read(list, problems)).isEmpty();

    assertThat(problemLines()).containsExactly(list.file() + ":1: error: the header has no column 'ip' for"
        + " the threat list 'feed'; it lists 'address', 'comment'. Set 'column' in the site file to the"
        + " header name of the address column");
  }

  @Test
  void quotedFieldSpanningLinesKeepsLineNumbers() throws IOException {
    ThreatListFile list = list("feed.csv", "ip,note\r\n89.160.20.112,\"two\r\nlines\"\r\n81.2.69.142,x\r\n",
        ListFormat.CSV, "ip");

    List<ThreatIndicator> indicators = ThreatListReader.read(list, problems);

    assertThat(problems).isEmpty();
    assertThat(indicators).extracting(ThreatIndicator::origin)
        .containsExactly(list.file() + ":2", list.file() + ":4");
  }

  @Test
  void unclosedQuoteReported() throws IOException {
    ThreatListFile list = list("feed.csv", "ip\n89.160.20.112\n\"81.2.69.142\n", ListFormat.CSV, "ip");

    List<ThreatIndicator> indicators = ThreatListReader.read(list, problems);

    assertThat(indicators).hasSize(1);
    assertThat(problemLines()).containsExactly(list.file() + ":3: warning: the row is not valid CSV: a quoted"
        + " field opened on line 3 never closes; the row is skipped");
  }

  @Test
  void missingFileIsError() {
    Path missing = directory.resolve("absent.txt");
    ThreatListFile list = new ThreatListFile("feed", Severity.LOW, missing, ListFormat.TEXT, null, 3);

    assertThat(ThreatListReader.read(list, problems)).isEmpty();

    assertThat(problemLines()).containsExactly(missing + ": error: the threat list 'feed' cannot be read:"
        + " file not found; check the path, which is relative to the site file's directory");
  }

  @Test
  void emptyListWarns() throws IOException {
    ThreatListFile list = list("empty.txt", "# nothing yet\n", ListFormat.TEXT, null);

    assertThat(ThreatListReader.read(list, problems)).isEmpty();

    assertThat(problemLines()).containsExactly(list.file() + ": warning: the threat list 'feed' has no valid"
        + " entry, so it matches nothing");
  }

  @Test
  void invalidUtf8LineSkipped() throws IOException {
    Path file = directory.resolve("bytes.txt");
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    byte[] body = "89.160.20.112\n1.2.3.\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] bytes = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, bytes, 0, bom.length);
    System.arraycopy(body, 0, bytes, bom.length, body.length);
    Files.write(file, bytes);
    ThreatListFile list = new ThreatListFile("feed", Severity.LOW, file, ListFormat.TEXT, null, 3);

    List<ThreatIndicator> indicators = ThreatListReader.read(list, problems);

    assertThat(indicators).extracting(ThreatIndicator::origin).containsExactly(file + ":1");
    assertThat(problemLines()).containsExactly(file + ":2: warning: '1.2.3.\uFFFD' is not a valid CIDR:"
        + " '1.2.3.\uFFFD' is not an IPv4 or IPv6 address; the line is skipped");
  }
}
