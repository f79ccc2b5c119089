package dev.gatehouse.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RangeTableTest {

  /** Returns the index of the longest prefix containing {@code address}, the first of equals. */
  private static int linearScan(List<Cidr> prefixes, IpAddress address) {
    int best = RangeTable.NONE;
    for (int i = 0; i < prefixes.size(); i++) {
      Cidr prefix = prefixes.get(i);
      if (prefix.contains(address)
          && (best == RangeTable.NONE || prefix.prefixLength() > prefixes.get(best).prefixLength())) {
        best = i;
      }
    }
    return best;
  }

  private static List<Cidr> cidrs(String... texts) {
    return List.of(texts).stream().map(Cidr::parse).toList();
  }

  @Test
  void emptyTableFindsNothing() {
    RangeTable table = RangeTable.of(List.of());

    assertThat(table.find(IpAddress.parse("::"))).isEqualTo(RangeTable.NONE);
    assertThat(table.find(IpAddress.parse("10.0.0.1"))).isEqualTo(RangeTable.NONE);
    assertThat(table.find(IpAddress.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")))
        .isEqualTo(RangeTable.NONE);
  }

  @Test
  void wholeSpaceCoversBothEnds() {
    RangeTable table = RangeTable.of(cidrs("::/0", "8000::/1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));

    assertThat(table.find(IpAddress.parse("::"))).isZero();
    assertThat(table.find(IpAddress.parse("7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))).isZero();
    assertThat(table.find(IpAddress.parse("8000::"))).isOne();
    assertThat(table.find(IpAddress.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe"))).isOne();
    assertThat(table.find(IpAddress.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))).isEqualTo(2);
    assertThat(table.find(IpAddress.parse("1.2.3.4"))).isZero();
  }

  @Test
  void ipv4EdgesOfMappedRange() {
    RangeTable table = RangeTable.of(cidrs("0.0.0.0/1", "255.255.255.255", "::ffff:0:0/96"));

    assertThat(table.find(IpAddress.parse("0.0.0.0"))).isZero();
    assertThat(table.find(IpAddress.parse("127.255.255.255"))).isZero();
    assertThat(table.find(IpAddress.parse("128.0.0.0"))).isEqualTo(2);
    assertThat(table.find(IpAddress.parse("255.255.255.255"))).isOne();
    assertThat(table.find(IpAddress.parse("::fffe:ffff:ffff"))).isEqualTo(RangeTable.NONE);
    assertThat(table.find(IpAddress.parse("::1:0:0:0"))).isEqualTo(RangeTable.NONE);
  }

  @Test
  void rangeEndCarriesIntoHighHalf() {
    RangeTable table = RangeTable.of(cidrs("2001:db8::/64", "2001:db8:0:1::/64", "2001:db8::/48"));

    assertThat(table.find(IpAddress.parse("2001:db8::ffff:ffff:ffff:ffff"))).isZero();
    assertThat(table.find(IpAddress.parse("2001:db8:0:1::"))).isOne();
    assertThat(table.find(IpAddress.parse("2001:db8:0:2::"))).isEqualTo(2);
    assertThat(table.find(IpAddress.parse("2001:db8:1::"))).isEqualTo(RangeTable.NONE);
  }

  @Test
  void randomPrefixesMatchLinearScan() {
    Random random = new Random(20240419L);
    for (int round = 0; round < 50; round++) {
      List<Cidr> prefixes = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        prefixes.add(randomPrefix(random));
      }
      RangeTable table = RangeTable.of(prefixes);

      for (int probe = 0; probe < 400; probe++) {
        IpAddress address = probe % 2 == 0
            ? nearPrefix(random, prefixes.get(random.nextInt(prefixes.size())))
            : randomAddress(random);
        assertThat(table.find(address))
            .as("round %d, address %s, prefixes %s", round, address, prefixes)
            .isEqualTo(linearScan(prefixes, address));
      }
    }
  }

  /** Returns a prefix in a small part of the space, so that prefixes often nest or repeat. */
  private static Cidr randomPrefix(Random random) {
    boolean ipv4 = random.nextBoolean();
    if (ipv4) {
      int length = random.nextInt(33);
      int bits = 0x0a00_0000 | (random.nextInt(4) << 22) | random.nextInt(1 << 22);
      long mask = length == 0 ? 0L : (0xffff_ffffL << (32 - length)) & 0xffff_ffffL;
      return new Cidr(IpAddress.ofIpv4((int) (bits & mask)), 96 + length);
    }
    int length = random.nextInt(129);
    long high = 0x2001_0db8_0000_0000L | (random.nextLong() & 0x0000_0000_0003_ffffL);
    long low = random.nextLong();
    return new Cidr(IpAddress.of(high & Cidr.highMask(length), low & Cidr.lowMask(length)), length);
  }

  /** Returns an address at or next to the first or last address of {@code prefix}. */
  private static IpAddress nearPrefix(Random random, Cidr prefix) {
    IpAddress edge = random.nextBoolean() ? prefix.address() : prefix.lastAddress();
    long step = random.nextInt(3) - 1L;
    return IpAddress.of(edge.high(), edge.low() + step);
  }

  private static IpAddress randomAddress(Random random) {
    if (random.nextBoolean()) {
      return IpAddress.ofIpv4(0x0a00_0000 | random.nextInt(1 << 24));
    }
    return IpAddress.of(0x2001_0db8_0000_0000L | (random.nextLong() & 0x3_ffffL), random.nextLong());
  }
}
