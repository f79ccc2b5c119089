package dev.gatehouse.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.assess.SourceGeo;
import dev.gatehouse.core.net.IpAddress;
import dev.gatehouse.ingest.ThirdPartyData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaxMindGeoTest {

  @TempDir
  Path directory;

  private static MaxMindGeo open(Path location, Path asn) {
    List<FileProblem> problems = new ArrayList<>();
    MaxMindGeo geo = MaxMindGeo.open(location, asn, problems);
    assertThat(problems).isEmpty();
    return geo;
  }

  @Test
  void cityAndAsnOfLinkoping() throws IOException {
    try (MaxMindGeo geo = open(TestDatabases.city(), TestDatabases.asn())) {
      SourceGeo found = geo.lookup(IpAddress.parse("89.160.20.112"));

      assertThat(found).isEqualTo(new SourceGeo("SE", "Sweden", "Linköping", 29518, "Bredband2 AB"));
      assertThat(geo.describe()).isEqualTo("GeoLite2-City and GeoLite2-ASN");
      assertThat(geo.failedLookups()).isZero();
    }
  }

  @Test
  void countryDatabaseHasNoCity() throws IOException {
    try (MaxMindGeo geo = open(TestDatabases.country(), null)) {
      assertThat(geo.lookup(IpAddress.parse("89.160.20.112")))
          .isEqualTo(new SourceGeo("SE", "Sweden", null, -1, null));
      assertThat(geo.describe()).isEqualTo("GeoLite2-Country");
    }
  }

  @Test
  void ipv6AddressesAndMappedAddresses() throws IOException {
    try (MaxMindGeo geo = open(TestDatabases.city(), TestDatabases.asn())) {
      assertThat(geo.lookup(IpAddress.parse("2001:218::1")).countryIsoCode()).isEqualTo("JP");
      assertThat(geo.lookup(IpAddress.parse("2600::1")).asNumber()).isEqualTo(237);
      assertThat(geo.lookup(IpAddress.parse("::ffff:81.2.69.142")))
          .isEqualTo(new SourceGeo("GB", "United Kingdom", "London", -1, null));
    }
  }

  @Test
  void addressNotInDatabaseIsUnknown() throws IOException {
    try (MaxMindGeo geo = open(TestDatabases.city(), TestDatabases.asn())) {
      assertThat(geo.lookup(IpAddress.parse("198.51.100.7"))).isSameAs(SourceGeo.UNKNOWN);
    }
  }

  @Test
  void missingDatabaseNamesFile() {
    Path missing = directory.resolve("GeoLite2-City.mmdb");
    List<FileProblem> problems = new ArrayList<>();

    assertThat(MaxMindGeo.open(missing, TestDatabases.asn(), problems)).isNull();

    assertThat(problems).containsExactly(new FileProblem(missing.toString(), 0, FileProblem.ERROR,
        "the GeoIP database cannot be opened: file not found; check 'geoip.location', which is relative"
            + " to the site file's directory"));
  }

  @Test
  void corruptDatabaseNamesFile() throws IOException {
    Path corrupt = directory.resolve("GeoLite2-ASN.mmdb");
    Files.writeString(corrupt, "this is not a MaxMind database\n".repeat(20));
    List<FileProblem> problems = new ArrayList<>();

    assertThat(MaxMindGeo.open(null, corrupt, problems)).isNull();

    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.toString()).startsWith(corrupt + ": error: the file is not a valid MaxMind"
          + " database (.mmdb): ");
      assertThat(problem.message()).endsWith("; download the database again");
    });
  }

  @Test
  void truncatedDatabaseNamesFile() throws IOException {
    Path truncated = directory.resolve("GeoLite2-City.mmdb");
    byte[] bytes = Files.readAllBytes(TestDatabases.city());
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 3));
    List<FileProblem> problems = new ArrayList<>();

    assertThat(MaxMindGeo.open(truncated, null, problems)).isNull();

    assertThat(problems).singleElement()
        .satisfies(problem -> assertThat(problem.file()).isEqualTo(truncated.toString()))
        .satisfies(problem -> assertThat(problem.isError()).isTrue());
  }

  @Test
  void wrongDatabaseTypeRejected() {
    List<FileProblem> problems = new ArrayList<>();

    assertThat(MaxMindGeo.open(TestDatabases.asn(), TestDatabases.city(), problems)).isNull();

    assertThat(problems).extracting(FileProblem::message).containsExactly(
        "the database is of type 'GeoLite2-ASN', but 'geoip.location' needs a City or Country database"
            + " such as GeoLite2-City.mmdb",
        "the database is of type 'GeoLite2-City', but 'geoip.asn' needs an ASN database such as"
            + " GeoLite2-ASN.mmdb");
  }

  @Test
  void sharedCopyGivesSameAnswer() throws IOException {
    Path city = ThirdPartyData.require("maxmind/GeoLite2-City-Test.mmdb");
    Path asn = ThirdPartyData.require("maxmind/GeoLite2-ASN-Test.mmdb");

    try (MaxMindGeo geo = open(city, asn)) {
      assertThat(geo.lookup(IpAddress.parse("89.160.20.112")))
          .isEqualTo(new SourceGeo("SE", "Sweden", "Linköping", 29518, "Bredband2 AB"));
    }
  }
}
