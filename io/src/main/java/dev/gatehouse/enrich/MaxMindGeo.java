package dev.gatehouse.enrich;

import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.AbstractCountryResponse;
import com.maxmind.geoip2.model.AsnResponse;
import com.maxmind.geoip2.model.CityResponse;
import com.maxmind.geoip2.record.Country;
import dev.gatehouse.core.assess.GeoLookup;
import dev.gatehouse.core.assess.SourceGeo;
import dev.gatehouse.core.net.IpAddress;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up source addresses in MaxMind databases (.mmdb) with MaxMind's GeoIP2 reader: a City or
 * Country database for the country and city, and an ASN database for the autonomous system.
 * Names are English.
 *
 * <p>A database that cannot be opened, is not a MaxMind database or is of the wrong type is an
 * error of the site's configuration, reported by {@link #open}. A lookup that fails on a damaged
 * part of a database is counted and logged once, and the address is treated as unknown.
 */
final class MaxMindGeo implements GeoLookup, Closeable {

  private static final Logger log = LoggerFactory.getLogger(MaxMindGeo.class);

  /** The kinds of location database. */
  private enum LocationKind { CITY, COUNTRY }

  private final DatabaseReader location;
  private final LocationKind locationKind;
  private final String locationType;
  private final DatabaseReader asn;
  private final String asnType;
  private long failedLookups;
  private String firstFailure;

  private MaxMindGeo(DatabaseReader location, LocationKind locationKind, DatabaseReader asn) {
    this.location = location;
    this.locationKind = locationKind;
    this.locationType = location == null ? null : location.getMetadata().getDatabaseType();
    this.asn = asn;
    this.asnType = asn == null ? null : asn.getMetadata().getDatabaseType();
  }

  /**
   * Opens the configured databases; either may be {@code null}.
   *
   * @return the lookup, or {@code null} after adding an error to {@code problems}
   */
  static MaxMindGeo open(Path locationFile, Path asnFile, List<FileProblem> problems) {
    DatabaseReader location = null;
    DatabaseReader asn = null;
    LocationKind kind = null;
    boolean failed = false;
    if (locationFile != null) {
      location = openDatabase(locationFile, "geoip.location", problems);
      if (location != null) {
        kind = locationKind(location.getMetadata().getDatabaseType());
        if (kind == null) {
          problems.add(new FileProblem(locationFile.toString(), 0, FileProblem.ERROR, "the database is of type '"
              + location.getMetadata().getDatabaseType() + "', but 'geoip.location' needs a City or Country"
              + " database such as GeoLite2-City.mmdb"));
          failed = true;
        }
      } else {
        failed = true;
      }
    }
    if (asnFile != null) {
      asn = openDatabase(asnFile, "geoip.asn", problems);
      if (asn != null && !asn.getMetadata().getDatabaseType().contains("ASN")) {
        problems.add(new FileProblem(asnFile.toString(), 0, FileProblem.ERROR, "the database is of type '"
            + asn.getMetadata().getDatabaseType() + "', but 'geoip.asn' needs an ASN database such as"
            + " GeoLite2-ASN.mmdb"));
        failed = true;
      } else if (asn == null) {
        failed = true;
      }
    }
    if (failed) {
      closeQuietly(location);
      closeQuietly(asn);
      return null;
    }
    return new MaxMindGeo(location, kind, asn);
  }

  private static DatabaseReader openDatabase(Path file, String key, List<FileProblem> problems) {
    if (!Files.isRegularFile(file)) {
      String reason = Files.isDirectory(file) ? "the path is a directory, not a database file"
          : "file not found; check '" + key + "', which is relative to the site file's directory";
      problems.add(new FileProblem(file.toString(), 0, FileProblem.ERROR, "the GeoIP database cannot be"
          + " opened: " + reason));
      return null;
    }
    try {
      return new DatabaseReader.Builder(file.toFile()).build();
    } catch (IOException | RuntimeException e) {
      // The reader throws InvalidDatabaseException, an IOException, for a file that is not a
      // MaxMind database, and may throw runtime exceptions on damaged metadata.
      problems.add(new FileProblem(file.toString(), 0, FileProblem.ERROR, "the file is not a valid MaxMind"
          + " database (.mmdb): " + e.getMessage() + "; download the database again"));
      return null;
    }
  }

  private static LocationKind locationKind(String databaseType) {
    if (databaseType.contains("City") || databaseType.contains("Enterprise")) {
      return LocationKind.CITY;
    }
    return databaseType.contains("Country") ? LocationKind.COUNTRY : null;
  }

  @Override
  public SourceGeo lookup(IpAddress address) {
    InetAddress inet = toInetAddress(address);
    String countryCode = null;
    String countryName = null;
    String cityName = null;
    long asNumber = -1;
    String asOrganization = null;
    try {
      if (location != null) {
        Optional<? extends AbstractCountryResponse> response = locationKind == LocationKind.CITY
            ? location.tryCity(inet) : location.tryCountry(inet);
        if (response.isPresent()) {
          Country country = response.get().getCountry();
          countryCode = country.getIsoCode();
          countryName = country.getName();
          if (response.get() instanceof CityResponse city) {
            cityName = city.getCity().getName();
          }
        }
      }
      if (asn != null) {
        Optional<AsnResponse> response = asn.tryAsn(inet);
        if (response.isPresent() && response.get().getAutonomousSystemNumber() != null) {
          asNumber = response.get().getAutonomousSystemNumber();
          asOrganization = response.get().getAutonomousSystemOrganization();
        }
      }
    } catch (IOException | GeoIp2Exception e) {
      recordFailure(address, e);
    }
    if (countryCode == null && countryName == null && cityName == null && asNumber < 0 && asOrganization == null) {
      return SourceGeo.UNKNOWN;
    }
    return new SourceGeo(countryCode, countryName, cityName, asNumber, asOrganization);
  }

  private void recordFailure(IpAddress address, Exception failure) {
    failedLookups++;
    if (firstFailure == null) {
      firstFailure = address + ": " + failure.getMessage();
      log.warn("GeoIP lookup of {} failed; the database may be damaged, later failures are only counted",
          address, failure);
    }
  }

  /** Returns the number of lookups that failed on a damaged database. */
  long failedLookups() {
    return failedLookups;
  }

  /** Returns the address and message of the first failed lookup, or {@code null}. */
  String firstFailure() {
    return firstFailure;
  }

  /** Returns the types of the open databases, such as {@code GeoLite2-City and GeoLite2-ASN}. */
  String describe() {
    if (locationType != null && asnType != null) {
      return locationType + " and " + asnType;
    }
    return locationType != null ? locationType : asnType;
  }

  private static InetAddress toInetAddress(IpAddress address) {
    byte[] bytes = address.isIpv4()
        ? ByteBuffer.allocate(4).putInt(address.ipv4Bits()).array()
        : ByteBuffer.allocate(16).putLong(address.high()).putLong(address.low()).array();
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4- or 16-byte address was rejected: " + address, e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (location != null) {
        location.close();
      }
    } finally {
      if (asn != null) {
        asn.close();
      }
    }
  }

  private static void closeQuietly(DatabaseReader reader) {
    if (reader == null) {
      return;
    }
    try {
      reader.close();
    } catch (IOException e) {
      log.debug("Closing a GeoIP database failed", e);
    }
  }
}
