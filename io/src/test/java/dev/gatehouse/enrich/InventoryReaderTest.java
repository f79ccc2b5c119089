package dev.gatehouse.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.assess.Asset;
import dev.gatehouse.core.assess.Severity;
import dev.gatehouse.core.net.Cidr;
import dev.gatehouse.site.SiteAssessment.InventoryFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryReaderTest {

  @TempDir
  Path directory;

  private final List<FileProblem> problems = new ArrayList<>();

  private InventoryFile inventory(String text) throws IOException {
    Path file = directory.resolve("assets.csv");
    Files.writeString(file, text);
    return new InventoryFile(file, 7);
  }

  private List<String> problemLines() {
    return problems.stream().map(FileProblem::toString).toList();
  }

  @Test
  void rowsWithIpv6AndNetworks() throws IOException {
    InventoryFile inventory = inventory("""
        Address,Hostname,Owner,Role,Criticality
        10.47.8.50,bastion-1,ops@example.org,bastion,high
        10.47.9.0/24,,dba,database,critical
        "fd00:47::10",db-v6,dba,database,Critical
        fd00:47::/32,lab,,,
        """);

    List<Asset> assets = InventoryReader.read(inventory, problems);

    String file = inventory.file().toString();
    assertThat(problems).isEmpty();
    assertThat(assets).containsExactly(
        new Asset(Cidr.parse("10.47.8.50/32"), "bastion-1", "ops@example.org", "bastion", Severity.HIGH,
            file + ":2"),
        new Asset(Cidr.parse("10.47.9.0/24"), null, "dba", "database", Severity.CRITICAL, file + ":3"),
        new Asset(Cidr.parse("fd00:47::10/128"), "db-v6", "dba", "database", Severity.CRITICAL, file + ":4"),
        new Asset(Cidr.parse("fd00:47::/32"), "lab", null, null, null, file + ":5"));
  }

  @Test
  void malformedRowsSkippedWithLineNumbers() throws IOException {
    InventoryFile inventory = inventory("""
        cidr,hostname,criticality,rack
        10.47.8.50,web1,high,r1
        10.47.8.51,web2
        10.47.8.300,web3,low,r1
        10.47.8.52,web4,urgent,r2
        10.47.8.50,web1-again,low,r1
        ,nothing,low,r1
        # a comment line
        10.47.8.53,web5,medium,r3
        """);

    List<Asset> assets = InventoryReader.read(inventory, problems);

    String file = inventory.file().toString();
    assertThat(assets).extracting(Asset::hostname).containsExactly("web1", "web4", "web5");
    assertThat(assets.get(1).criticality()).isNull();
    assertThat(assets.get(2).origin()).isEqualTo(file + ":9");
    assertThat(problemLines()).containsExactly(
        file + ":1: warning: the columns 'rack' are not read; the columns read are address, hostname,"
            + " owner, role, criticality (address may also be called cidr)",
        file + ":3: warning: the row has 2 cells but the header has 4; the row is skipped",
        file + ":4: warning: '10.47.8.300' is not a valid CIDR: '10.47.8.300' is not an IPv4 or IPv6"
            + " address; the row is skipped",
        file + ":5: warning: the criticality 'urgent' is not low, medium, high or critical; the row is"
            + " used without a criticality",
        file + ":6: warning: '10.47.8.50/32' is already listed on line 2; the row on line 2 is used",
        file + ":7: warning: the address is empty; the row is skipped");
  }

  @Test
  void headerWithoutAddressIsError() throws IOException {
    InventoryFile inventory = inventory("host,owner\nweb1,ops\n");

    assertThat(InventoryReader.read(inventory, problems)).isEmpty();

    assertThat(problemLines()).containsExactly(inventory.file() + ":1: error: the header has no 'address'"
        + " column; the first line must name the columns, such as address,hostname,owner,role,criticality");
  }

  @Test
  void missingFileIsError() {
    Path missing = directory.resolve("nowhere/assets.csv");

    assertThat(InventoryReader.read(new InventoryFile(missing, 3), problems)).isEmpty();

    assertThat(problemLines()).containsExactly(missing + ": error: the inventory cannot be read: file not"
        + " found; check the path, which is relative to the site file's directory");
  }

  @Test
  void emptyFileWarns() throws IOException {
    InventoryFile inventory = inventory("");

    assertThat(InventoryReader.read(inventory, problems)).isEmpty();

    assertThat(problemLines()).containsExactly(inventory.file() + ": warning: the inventory is empty, so no"
        + " destination gets a host name, role or criticality");
  }
}
