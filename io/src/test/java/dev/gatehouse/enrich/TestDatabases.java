package dev.gatehouse.enrich;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates MaxMind's test databases, which the io module's test resources contain. */
final class TestDatabases {

  private TestDatabases() {}

  static Path city() {
    return resource("GeoLite2-City-Test.mmdb");
  }

  static Path country() {
    return resource("GeoLite2-Country-Test.mmdb");
  }

  static Path asn() {
    return resource("GeoLite2-ASN-Test.mmdb");
  }

  private static Path resource(String name) {
    URL url = TestDatabases.class.getResource("/maxmind/" + name);
    if (url == null) {
      throw new IllegalStateException("the test resource maxmind/" + name + " is missing");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the test resource URL " + url + " is not a file", e);
    }
  }
}
