package dev.gatehouse.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      10.0.0.0/8            | 10.0.0.0/8            | 104 | true
      0.0.0.0/0             | 0.0.0.0/0             | 96  | true
      128.0.0.0/1           | 128.0.0.0/1           | 97  | true
      1.2.3.4               | 1.2.3.4/32            | 128 | true
      1.2.3.4/32            | 1.2.3.4/32            | 128 | true
      ::/0                  | ::/0                  | 0   | false
      2001:db8::/32         | 2001:db8::/32         | 32  | false
      2001:DB8::/32         | 2001:db8::/32         | 32  | false
      fc00::/7              | fc00::/7              | 7   | false
      fe80::/10             | fe80::/10             | 10  | false
      ::1                   | ::1/128               | 128 | false
      ::ffff:10.0.0.0/104   | 10.0.0.0/8            | 104 | true
      ::ffff:0:0/96         | 0.0.0.0/0             | 96  | true
      ::fffe:0:0/95         | ::fffe:0:0/95         | 95  | false
      """)
  void parseValidCidr(String text, String canonical, int prefixLength, boolean ipv4) {
    Cidr cidr = Cidr.parse(text);

    assertThat(cidr).hasToString(canonical);
    assertThat(cidr.prefixLength()).isEqualTo(prefixLength);
    assertThat(cidr.isIpv4()).isEqualTo(ipv4);
    assertThat(Cidr.parse(canonical)).isEqualTo(cidr);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      10.0.0.0/33         | prefix length must be 0-32 for IPv4
      ::/129              | prefix length must be 0-128 for IPv6
      ::ffff:0:0/129      | prefix length must be 0-128 for IPv6
      10.0.0.1/8          | host bits are set (the network is 10.0.0.0/8)
      192.168.1.1/16      | host bits are set (the network is 192.168.0.0/16)
      2001:db8::1/32      | host bits are set (the network is 2001:db8::/32)
      ::ffff:10.0.0.0/90  | host bits are set (the network is ::ffc0:0:0/90)
      10.0.0.0/           | prefix length '' is not a decimal number without leading zeros
      10.0.0.0/08         | prefix length '08' is not a decimal number without leading zeros
      10.0.0.0/8/8        | prefix length '8/8' is not a decimal number without leading zeros
      10.0.0.0/-1         | prefix length '-1' is not a decimal number without leading zeros
      10.0.0.0/+8         | prefix length '+8' is not a decimal number without leading zeros
      10.0.0.0/1000       | prefix length '1000' is not a decimal number without leading zeros
      "10.0.0.0/8 "       | prefix length '8 ' is not a decimal number without leading zeros
      10.0.0.0/\u0668     | prefix length '\u0668' is not a decimal number without leading zeros
      10.0.0/8            | '10.0.0' is not an IPv4 or IPv6 address
      /8                  | '' is not an IPv4 or IPv6 address
      ""                  | '' is not an IPv4 or IPv6 address
      " 10.0.0.0/8"       | ' 10.0.0.0' is not an IPv4 or IPv6 address
      fe80::%eth0/64      | 'fe80::%eth0' is not an IPv4 or IPv6 address
      010.0.0.0/8         | '010.0.0.0' is not an IPv4 or IPv6 address
      [::]/0              | '[::]' is not an IPv4 or IPv6 address
      """)
  void parseRejectsInvalidCidr(String text, String reason) {
    assertThatThrownBy(() -> Cidr.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'" + text + "' is not a valid CIDR: " + reason);
  }

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      10.0.0.0/8       | 10.0.0.0                  | true
      10.0.0.0/8       | 10.255.255.255            | true
      10.0.0.0/8       | 11.0.0.0                  | false
      10.0.0.0/8       | 9.255.255.255             | false
      10.0.0.0/8       | ::ffff:10.1.2.3           | true
      10.0.0.0/8       | ::10.1.2.3                | false
      10.0.0.0/8       | 2001:db8::1               | false
      0.0.0.0/0        | 255.255.255.255           | true
      0.0.0.0/0        | ::1                       | false
      ::/0             | 1.2.3.4                   | true
      ::/0             | ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | true
      fc00::/7         | fd12:3456::1              | true
      fc00::/7         | fe00::1                   | false
      fc00::/7         | fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | false
      2001:db8::/32    | 2001:db8:ffff::1          | true
      2001:db8::/32    | 2001:db9::                | false
      1.2.3.4/32       | 1.2.3.4                   | true
      1.2.3.4/32       | 1.2.3.5                   | false
      ::1/128          | ::1                       | true
      ::1/128          | ::                        | false
      2001:db8::/64    | 2001:db8::ffff:ffff:ffff:ffff | true
      2001:db8::/64    | 2001:db8:0:1::            | false
      2001:db8::/65    | 2001:db8::7fff:ffff:ffff:ffff | true
      2001:db8::/65    | 2001:db8::8000:0:0:0      | false
      """)
  void containsAddress(String cidr, String address, boolean expected) {
    assertThat(Cidr.parse(cidr).contains(IpAddress.parse(address))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} vs {1}")
  @CsvSource(delimiter = '|', textBlock = """
      10.0.0.0/8     | 10.1.0.0/16    | true  | false | true
      10.1.0.0/16    | 10.0.0.0/8     | false | true  | true
      10.0.0.0/8     | 10.0.0.0/8     | true  | true  | true
      10.0.0.0/8     | 11.0.0.0/8     | false | false | false
      10.0.0.0/25    | 10.0.0.128/25  | false | false | false
      ::/0           | 10.0.0.0/8     | true  | false | true
      0.0.0.0/0      | ::/0           | false | true  | true
      fc00::/7       | fd00::/8       | true  | false | true
      fc00::/7       | fe80::/10      | false | false | false
      """)
  void containsAndOverlapsNetworks(String first, String second, boolean firstContainsSecond,
      boolean secondContainsFirst, boolean overlap) {
    Cidr a = Cidr.parse(first);
    Cidr b = Cidr.parse(second);

    assertThat(a.contains(b)).isEqualTo(firstContainsSecond);
    assertThat(b.contains(a)).isEqualTo(secondContainsFirst);
    assertThat(a.overlaps(b)).isEqualTo(overlap);
    assertThat(b.overlaps(a)).isEqualTo(overlap);
  }

  @ParameterizedTest(name = "{0} ends at {1}")
  @CsvSource(delimiter = '|', textBlock = """
      10.0.0.0/8       | 10.255.255.255
      0.0.0.0/0        | 255.255.255.255
      1.2.3.4/32       | 1.2.3.4
      ::/0             | ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff
      2001:db8::/32    | 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff
      2001:db8::/64    | 2001:db8::ffff:ffff:ffff:ffff
      fe80::/10        | febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff
      ::1/128          | ::1
      """)
  void lastAddressHasHostBitsSet(String cidr, String last) {
    assertThat(Cidr.parse(cidr).lastAddress()).isEqualTo(IpAddress.parse(last));
  }

  @Test
  void constructorRejectsHostBits() {
    assertThatThrownBy(() -> new Cidr(IpAddress.parse("10.0.0.1"), 104))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("address 10.0.0.1 has host bits set for prefix length 104");
  }

  @Test
  void constructorRejectsPrefixOutsideRange() {
    assertThatThrownBy(() -> new Cidr(IpAddress.parse("::"), 129))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("prefix length 129 is outside 0-128");
    assertThatThrownBy(() -> new Cidr(IpAddress.parse("::"), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("prefix length -1 is outside 0-128");
  }

  @Test
  void constructorRejectsNullAddress() {
    assertThatThrownBy(() -> new Cidr(null, 0))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("address");
  }

  @Test
  void ipv4PrefixBelow96IsIpv6() {
    Cidr cidr = new Cidr(IpAddress.parse("::"), 80);

    assertThat(cidr.isIpv4()).isFalse();
    assertThat(cidr).hasToString("::/80");
    assertThat(cidr.contains(IpAddress.parse("8.8.8.8"))).isTrue();
  }
}
