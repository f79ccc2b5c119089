package dev.gatehouse.core.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.net.Cidr;
import dev.gatehouse.core.net.IpAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class LookupTest {

  private static Asset asset(String cidr, String hostname, int line) {
    return new Asset(Cidr.parse(cidr), hostname, "ops", "server", Severity.MEDIUM, "assets.csv:" + line);
  }

  private static ThreatIndicator indicator(String list, String cidr, int line) {
    return new ThreatIndicator(list, Severity.HIGH, Cidr.parse(cidr), list + ".txt:" + line);
  }

  @Test
  void inventoryLongestPrefixDecides() {
    AssetInventory inventory = AssetInventory.of(List.of(
        asset("10.47.0.0/16", "blue-team", 2),
        asset("10.47.8.50/32", "web1", 3),
        asset("10.47.8.0/24", "rack8", 4)));

    assertThat(inventory.find(IpAddress.parse("10.47.8.50")).hostname()).isEqualTo("web1");
    assertThat(inventory.find(IpAddress.parse("10.47.8.51")).hostname()).isEqualTo("rack8");
    assertThat(inventory.find(IpAddress.parse("10.47.9.1")).hostname()).isEqualTo("blue-team");
    assertThat(inventory.find(IpAddress.parse("10.48.0.1"))).isNull();
    assertThat(inventory.size()).isEqualTo(3);
  }

  @Test
  void inventoryWithIpv6() {
    AssetInventory inventory = AssetInventory.of(List.of(
        asset("fd00:47::/32", "lab", 2),
        asset("fd00:47::10/128", "db-v6", 3),
        asset("10.47.8.50/32", "web1", 4)));

    assertThat(inventory.find(IpAddress.parse("fd00:47::10")).hostname()).isEqualTo("db-v6");
    assertThat(inventory.find(IpAddress.parse("fd00:47:0:1::1")).hostname()).isEqualTo("lab");
    assertThat(inventory.find(IpAddress.parse("fd00:48::1"))).isNull();
    assertThat(inventory.find(IpAddress.parse("::ffff:10.47.8.50")).hostname())
        .as("an IPv4-mapped address finds its IPv4 row").isEqualTo("web1");
  }

  @Test
  void inventoryFirstOfEqualRowsWins() {
    AssetInventory inventory = AssetInventory.of(List.of(
        asset("10.47.8.50/32", "first", 2),
        asset("10.47.8.50/32", "second", 3)));

    assertThat(inventory.find(IpAddress.parse("10.47.8.50")).origin()).isEqualTo("assets.csv:2");
  }

  @Test
  void threatIntelReturnsOneMatchPerList() {
    ThreatIntel intel = ThreatIntel.of(List.of(
        indicator("feed-a", "89.160.0.0/16", 1),
        indicator("feed-a", "89.160.20.112/32", 2),
        indicator("feed-b", "89.160.20.0/24", 7),
        indicator("feed-c", "2001:db8::/32", 3)));

    List<ThreatIndicator> matches = intel.matches(IpAddress.parse("89.160.20.112"));

    assertThat(matches).extracting(ThreatIndicator::origin)
        .containsExactly("feed-a.txt:2", "feed-b.txt:7");
    assertThat(intel.matches(IpAddress.parse("2001:db8:1::5"))).extracting(ThreatIndicator::list)
        .containsExactly("feed-c");
    assertThat(intel.matches(IpAddress.parse("198.51.100.7"))).isEmpty();
    assertThat(intel.size()).isEqualTo(4);
  }
}
