package dev.gatehouse.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkMapTest {

  /** Returns a map of the networks given as name and CIDR pairs, where an empty name means none. */
  private static NetworkMap map(String... namesAndCidrs) {
    List<NetworkMap.Network> networks = new ArrayList<>();
    for (int i = 0; i < namesAndCidrs.length; i += 2) {
      String name = namesAndCidrs[i].isEmpty() ? null : namesAndCidrs[i];
      networks.add(new NetworkMap.Network(name, Cidr.parse(namesAndCidrs[i + 1])));
    }
    return NetworkMap.of(networks);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      10.1.2.3              | INTERNAL   | 10.0.0.0/8         | network 10.0.0.0/8 (private-use, RFC 1918)
      10.255.255.255        | INTERNAL   | 10.0.0.0/8         | network 10.0.0.0/8 (private-use, RFC 1918)
      9.255.255.255         | EXTERNAL   | -                  | outside every internal network
      11.0.0.0              | EXTERNAL   | -                  | outside every internal network
      172.16.0.1            | INTERNAL   | 172.16.0.0/12      | network 172.16.0.0/12 (private-use, RFC 1918)
      172.31.255.255        | INTERNAL   | 172.16.0.0/12      | network 172.16.0.0/12 (private-use, RFC 1918)
      172.15.255.255        | EXTERNAL   | -                  | outside every internal network
      172.32.0.0            | EXTERNAL   | -                  | outside every internal network
      192.168.0.0           | INTERNAL   | 192.168.0.0/16     | network 192.168.0.0/16 (private-use, RFC 1918)
      192.168.255.255       | INTERNAL   | 192.168.0.0/16     | network 192.168.0.0/16 (private-use, RFC 1918)
      192.169.0.0           | EXTERNAL   | -                  | outside every internal network
      100.64.0.1            | INTERNAL   | 100.64.0.0/10      | network 100.64.0.0/10 (shared address space, RFC 6598)
      100.127.255.255       | INTERNAL   | 100.64.0.0/10      | network 100.64.0.0/10 (shared address space, RFC 6598)
      100.63.255.255        | EXTERNAL   | -                  | outside every internal network
      100.128.0.0           | EXTERNAL   | -                  | outside every internal network
      127.0.0.1             | INTERNAL   | 127.0.0.0/8        | network 127.0.0.0/8 (loopback, RFC 1122)
      169.254.10.20         | INTERNAL   | 169.254.0.0/16     | network 169.254.0.0/16 (link-local, RFC 3927)
      fc00::1               | INTERNAL   | fc00::/7           | network fc00::/7 (unique local, RFC 4193)
      fd12:3456:789a::1     | INTERNAL   | fc00::/7           | network fc00::/7 (unique local, RFC 4193)
      fbff:ffff::1          | EXTERNAL   | -                  | outside every internal network
      fe00::1               | EXTERNAL   | -                  | outside every internal network
      fec0::1               | EXTERNAL   | -                  | outside every internal network
      ::1                   | INTERNAL   | ::1/128            | network ::1/128 (loopback, RFC 4291)
      ::2                   | EXTERNAL   | -                  | outside every internal network
      fe80::1               | INTERNAL   | fe80::/10          | network fe80::/10 (link-local, RFC 4291)
      febf:ffff::1          | INTERNAL   | fe80::/10          | network fe80::/10 (link-local, RFC 4291)
      203.0.113.9           | EXTERNAL   | -                  | outside every internal network
      192.0.2.1             | EXTERNAL   | -                  | outside every internal network
      198.51.100.7          | EXTERNAL   | -                  | outside every internal network
      2001:db8::1           | EXTERNAL   | -                  | outside every internal network
      8.8.8.8               | EXTERNAL   | -                  | outside every internal network
      1.0.0.0               | EXTERNAL   | -                  | outside every internal network
      223.255.255.255       | EXTERNAL   | -                  | outside every internal network
      0.0.0.0               | UNROUTABLE | 0.0.0.0/8          | "this network" (0.0.0.0/8, RFC 1122)
      0.255.255.255         | UNROUTABLE | 0.0.0.0/8          | "this network" (0.0.0.0/8, RFC 1122)
      224.0.0.1             | UNROUTABLE | 224.0.0.0/4        | multicast (224.0.0.0/4, RFC 5771)
      239.255.255.255       | UNROUTABLE | 224.0.0.0/4        | multicast (224.0.0.0/4, RFC 5771)
      240.0.0.1             | UNROUTABLE | 240.0.0.0/4        | reserved (240.0.0.0/4, RFC 1112)
      255.255.255.254       | UNROUTABLE | 240.0.0.0/4        | reserved (240.0.0.0/4, RFC 1112)
      255.255.255.255       | UNROUTABLE | 255.255.255.255/32 | limited broadcast (255.255.255.255, RFC 919)
      ::                    | UNROUTABLE | ::/128             | unspecified (::/128, RFC 4291)
      ff02::1               | UNROUTABLE | ff00::/8           | multicast (ff00::/8, RFC 4291)
      ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | UNROUTABLE | ff00::/8 | multicast (ff00::/8, RFC 4291)
      ::ffff:224.0.0.1      | UNROUTABLE | 224.0.0.0/4        | multicast (224.0.0.0/4, RFC 5771)
      ::ffff:10.1.2.3       | INTERNAL   | 10.0.0.0/8         | network 10.0.0.0/8 (private-use, RFC 1918)
      ::ffff:a01:203        | INTERNAL   | 10.0.0.0/8         | network 10.0.0.0/8 (private-use, RFC 1918)
      ::ffff:198.51.100.7   | EXTERNAL   | -                  | outside every internal network
      ::ffff:c633:6407      | EXTERNAL   | -                  | outside every internal network
      ::10.1.2.3            | EXTERNAL   | -                  | outside every internal network
      """)
  void defaultsClassify(String address, Locality locality, String cidr, String rule) {
    IpAddress parsed = IpAddress.parse(address);

    Classification classification = NetworkMap.defaults().classify(parsed);

    assertThat(classification).isEqualTo(new Classification(locality, null, cidr, rule));
    assertThat(NetworkMap.defaults().locality(parsed)).isEqualTo(locality);
    assertThat(NetworkMap.defaults().networkName(parsed)).isNull();
  }

  @Test
  void defaultInternalNetworksListed() {
    assertThat(NetworkMap.defaultInternalNetworks()).map(n -> n.cidr().toString()).containsExactly(
        "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8",
        "169.254.0.0/16", "fc00::/7", "::1/128", "fe80::/10");
    assertThat(NetworkMap.defaultInternalNetworks()).allSatisfy(n -> assertThat(n.name()).isNull());
  }

  @Test
  void networksLongestPrefixFirst() {
    NetworkMap map = map("a", "10.0.0.0/8", "b", "10.1.0.0/16", "c", "::/0", "d", "10.1.2.0/24");

    assertThat(map.networks()).map(NetworkMap.Network::name).containsExactly("d", "b", "a", "c");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      10.47.8.50     | INTERNAL | blue-team | 10.47.0.0/16 | network blue-team (10.47.0.0/16)
      10.47.255.255  | INTERNAL | blue-team | 10.47.0.0/16 | network blue-team (10.47.0.0/16)
      10.47.9.1      | INTERNAL | lab       | 10.47.9.0/24 | network lab (10.47.9.0/24)
      10.47.10.1     | INTERNAL | blue-team | 10.47.0.0/16 | network blue-team (10.47.0.0/16)
      10.48.0.1      | INTERNAL | -         | 10.0.0.0/8   | network 10.0.0.0/8 (private-use, RFC 1918)
      10.0.0.0       | INTERNAL | -         | 10.0.0.0/8   | network 10.0.0.0/8 (private-use, RFC 1918)
      11.0.0.0       | EXTERNAL | -         | -            | outside every internal network
      203.0.113.5    | INTERNAL | dmz       | 203.0.113.0/24 | network dmz (203.0.113.0/24)
      203.0.114.5    | EXTERNAL | -         | -            | outside every internal network
      2001:db8:1::9  | INTERNAL | v6-office | 2001:db8:1::/48 | network v6-office (2001:db8:1::/48)
      2001:db8:2::9  | INTERNAL | -         | 2001:db8::/32 | network 2001:db8::/32
      """)
  void longestMatchNames(String address, Locality locality, String name, String cidr, String rule) {
    NetworkMap map = map(
        "", "10.0.0.0/8",
        "blue-team", "10.47.0.0/16",
        "lab", "10.47.9.0/24",
        "dmz", "203.0.113.0/24",
        "", "2001:db8::/32",
        "v6-office", "2001:db8:1::/48");
    IpAddress parsed = IpAddress.parse(address);

    assertThat(map.classify(parsed)).isEqualTo(new Classification(locality, name, cidr, rule));
    assertThat(map.locality(parsed)).isEqualTo(locality);
    assertThat(map.networkName(parsed)).isEqualTo(name);
  }

  @Test
  void unnamedInsideNamedDropsName() {
    NetworkMap map = map("corp", "10.0.0.0/8", "", "10.1.2.0/24");

    assertThat(map.networkName(IpAddress.parse("10.1.2.3"))).isNull();
    assertThat(map.classify(IpAddress.parse("10.1.2.3")).cidr()).isEqualTo("10.1.2.0/24");
    assertThat(map.networkName(IpAddress.parse("10.1.3.3"))).isEqualTo("corp");
  }

  @Test
  void adjacentNetworksKeepOwnNames() {
    NetworkMap map = map("low", "10.0.0.0/25", "high", "10.0.0.128/25");

    assertThat(map.networkName(IpAddress.parse("10.0.0.127"))).isEqualTo("low");
    assertThat(map.networkName(IpAddress.parse("10.0.0.128"))).isEqualTo("high");
    assertThat(map.locality(IpAddress.parse("10.0.1.0"))).isEqualTo(Locality.EXTERNAL);
    assertThat(map.locality(IpAddress.parse("9.255.255.255"))).isEqualTo(Locality.EXTERNAL);
  }

  @Test
  void equalNetworksFirstWins() {
    NetworkMap map = map("first", "10.0.0.0/8", "second", "10.0.0.0/8");

    assertThat(map.networkName(IpAddress.parse("10.1.1.1"))).isEqualTo("first");
  }

  @Test
  void emptyMapHasNoInternal() {
    NetworkMap map = NetworkMap.of(List.of());

    assertThat(map.locality(IpAddress.parse("10.1.1.1"))).isEqualTo(Locality.EXTERNAL);
    assertThat(map.locality(IpAddress.parse("224.0.0.1"))).isEqualTo(Locality.UNROUTABLE);
    assertThat(map.networks()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "127.0.0.1, 'loopback (127.0.0.0/8, RFC 1122), never routed, so always internal'",
      "169.254.10.1, 'link-local (169.254.0.0/16, RFC 3927), never routed, so always internal'",
      "::1, 'loopback (::1, RFC 4291), never routed, so always internal'",
      "fe80::1, 'link-local (fe80::/10, RFC 4291), never routed, so always internal'",
      "::ffff:127.0.0.1, 'loopback (127.0.0.0/8, RFC 1122), never routed, so always internal'"})
  void hostAndLinkScopeStayInternalWithSiteNetworks(String address, String rule) {
    NetworkMap map = map("office", "10.20.0.0/16");

    Classification classification = map.classify(IpAddress.parse(address));

    assertThat(classification.locality()).isEqualTo(Locality.INTERNAL);
    assertThat(classification.rule()).isEqualTo(rule);
    assertThat(classification.network()).isNull();
    assertThat(map.locality(IpAddress.parse(address))).isEqualTo(Locality.INTERNAL);
  }

  @Test
  void namedNetworkWinsOverLoopbackRule() {
    NetworkMap map = map("lab", "127.0.0.0/8");

    assertThat(map.classify(IpAddress.parse("127.0.0.1")).network()).isEqualTo("lab");
  }

  @Test
  void internalNeverOverridesUnroutable() {
    NetworkMap map = map("mcast", "224.0.0.0/24", "all", "0.0.0.0/0", "v6", "ff02::/16");

    assertThat(map.classify(IpAddress.parse("224.0.0.1")).locality()).isEqualTo(Locality.UNROUTABLE);
    assertThat(map.networkName(IpAddress.parse("224.0.0.1"))).isNull();
    assertThat(map.locality(IpAddress.parse("0.1.2.3"))).isEqualTo(Locality.UNROUTABLE);
    assertThat(map.locality(IpAddress.parse("255.255.255.255"))).isEqualTo(Locality.UNROUTABLE);
    assertThat(map.locality(IpAddress.parse("ff02::1"))).isEqualTo(Locality.UNROUTABLE);
    assertThat(map.networkName(IpAddress.parse("8.8.8.8"))).isEqualTo("all");
  }

  @Test
  void ipv6AllContainsIpv4() {
    NetworkMap map = map("everything", "::/0");

    assertThat(map.networkName(IpAddress.parse("8.8.8.8"))).isEqualTo("everything");
    assertThat(map.networkName(IpAddress.parse("2001:db8::1"))).isEqualTo("everything");
    assertThat(map.locality(IpAddress.parse("::"))).isEqualTo(Locality.UNROUTABLE);
  }

  @Test
  void ipv4AllLeavesIpv6External() {
    NetworkMap map = map("v4", "0.0.0.0/0");

    assertThat(map.locality(IpAddress.parse("8.8.8.8"))).isEqualTo(Locality.INTERNAL);
    assertThat(map.locality(IpAddress.parse("2001:db8::1"))).isEqualTo(Locality.EXTERNAL);
    assertThat(map.locality(IpAddress.parse("::fffe:ffff:ffff"))).isEqualTo(Locality.EXTERNAL);
    assertThat(map.locality(IpAddress.parse("::1:0:0:0"))).isEqualTo(Locality.EXTERNAL);
  }

  @Test
  void hostRoutesMatchExactly() {
    NetworkMap map = map("jump", "198.51.100.7/32", "v6host", "2001:db8::7/128");

    assertThat(map.networkName(IpAddress.parse("198.51.100.7"))).isEqualTo("jump");
    assertThat(map.networkName(IpAddress.parse("::ffff:c633:6407"))).isEqualTo("jump");
    assertThat(map.locality(IpAddress.parse("198.51.100.6"))).isEqualTo(Locality.EXTERNAL);
    assertThat(map.locality(IpAddress.parse("198.51.100.8"))).isEqualTo(Locality.EXTERNAL);
    assertThat(map.networkName(IpAddress.parse("2001:db8::7"))).isEqualTo("v6host");
    assertThat(map.locality(IpAddress.parse("2001:db8::8"))).isEqualTo(Locality.EXTERNAL);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      224.0.0.0/24        | multicast (224.0.0.0/4, RFC 5771)
      224.0.0.0/4         | multicast (224.0.0.0/4, RFC 5771)
      255.255.255.255/32  | limited broadcast (255.255.255.255, RFC 919)
      255.0.0.0/8         | reserved (240.0.0.0/4, RFC 1112)
      0.0.0.0/8           | "this network" (0.0.0.0/8, RFC 1122)
      ::/128              | unspecified (::/128, RFC 4291)
      ff02::/16           | multicast (ff00::/8, RFC 4291)
      224.0.0.0/3         | -
      0.0.0.0/0           | -
      ::/0                | -
      10.0.0.0/8          | -
      """)
  void unroutableRangeContainingNetwork(String cidr, String description) {
    assertThat(NetworkMap.unroutableRangeContaining(Cidr.parse(cidr))).isEqualTo(description);
  }

  @Test
  void lookupsDoNotAllocate() {
    NetworkMap map = map("blue-team", "10.47.0.0/16", "", "10.0.0.0/8", "v6", "2001:db8::/32");
    IpAddress[] addresses = {
        IpAddress.parse("10.47.1.1"), IpAddress.parse("10.1.1.1"), IpAddress.parse("8.8.8.8"),
        IpAddress.parse("224.0.0.1"), IpAddress.parse("2001:db8::1"), IpAddress.parse("fe80::1")};
    int[] counts = new int[2];

    long allocated = Allocations.measure(() -> {
      for (int i = 0; i < 100_000; i++) {
        IpAddress address = addresses[i % addresses.length];
        if (map.locality(address) == Locality.INTERNAL) {
          counts[0]++;
        }
        if (map.classify(address).network() != null) {
          counts[1]++;
        }
      }
    });

    assertThat(counts[0]).isEqualTo(66_666);
    assertThat(counts[1]).isEqualTo(33_333);
    // One 16-byte allocation per lookup would add 3.2 MB. The margin covers the probe itself.
    assertThat(allocated).isLessThan(10_000L);
  }
}
