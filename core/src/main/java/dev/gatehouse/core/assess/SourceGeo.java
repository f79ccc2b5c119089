package dev.gatehouse.core.assess;

/**
 * The registration of a source address (country, city, autonomous system) as GeoIP databases
 * state it. Every field is {@code
 * null} (or -1 for the number) when the database has no value or none was configured.
 *
 * @param countryIsoCode the ISO 3166-1 alpha-2 code of the country, such as {@code SE}
 * @param countryName the country's English name
 * @param cityName the city's English name
 * @param asNumber the autonomous system number, or -1 when unknown
 * @param asOrganization the organization that the autonomous system is registered to
 */
public record SourceGeo(
    String countryIsoCode, String countryName, String cityName, long asNumber, String asOrganization) {

  /** A value without any field, for an address the databases do not contain. */
  public static final SourceGeo UNKNOWN = new SourceGeo(null, null, null, -1, null);

  /** Returns whether the autonomous system number is known. */
  public boolean hasAsNumber() {
    return asNumber >= 0;
  }

  /** Returns {@code SE / AS29518}, {@code SE}, {@code AS29518} or {@code -}, for tables and messages. */
  public String shortForm() {
    String country = countryIsoCode == null ? "" : countryIsoCode;
    String as = hasAsNumber() ? "AS" + asNumber : "";
    if (country.isEmpty() && as.isEmpty()) {
      return "-";
    }
    if (country.isEmpty() || as.isEmpty()) {
      return country + as;
    }
    return country + " / " + as;
  }
}
