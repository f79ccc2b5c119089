package dev.gatehouse.bench.generate;

import java.util.SplittableRandom;

/**
 * Builds the addresses of generated traffic. Each pool maps an index to an address one-to-one,
 * so two pools whose ranges are disjoint never share an address, and the generator can tell
 * internal from external by construction instead of by a lookup.
 *
 * <p>Internal addresses lie in gatehouse's default internal networks: 10.0.0.0/8,
 * 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10 and the unique local fd00::/8. External ones
 * lie in public IPv4 /8 blocks, 203.0.113.0/24 and 2001:db8::/32 (both documentation ranges,
 * which gatehouse counts as external), and 2a01:4f8::/32. None is unroutable. IPv6 text is in
 * RFC 5952 form, as gatehouse prints it.
 */
final class Addresses {

  /** Public /8 blocks for scanners: none is private, shared, loopback, multicast or reserved. */
  private static final int[] SCANNER_BLOCKS = {
      5, 23, 31, 37, 45, 46, 61, 62, 77, 78, 80, 85, 89, 91, 92, 94, 101, 103, 109, 112, 113,
      116, 118, 119, 121, 122, 124, 125, 139, 141, 146, 159, 162, 164, 167, 171, 175, 176, 178,
      179, 180, 181, 182, 183, 185, 186, 187, 188, 189, 190, 193, 194, 195, 200, 201, 202, 210,
      211, 212, 213, 217, 218, 219, 220, 221, 222};

  /** Public /8 blocks for the sources of logins, disjoint from {@link #SCANNER_BLOCKS}. */
  private static final int[] LOGIN_BLOCKS = {3, 13, 18, 34, 35, 52, 54, 64, 66, 68, 73, 98, 104};

  /** Public /8 blocks for servers that internal hosts reach, disjoint from both lists above. */
  private static final int[] OUTSIDE_SERVER_BLOCKS = {8, 20, 40, 140, 151, 157, 199};

  private Addresses() {}

  /** Returns scanner address {@code index}: IPv4 from public blocks, or IPv6 when {@code v6}. */
  static String scanner(int index, boolean v6) {
    return v6 ? v6("2001:db8:5ca", index) : v4(SCANNER_BLOCKS, index);
  }

  /** Returns the source of logins number {@code index}; the v6 ones mix two public ranges. */
  static String loginSource(int index, boolean v6) {
    if (!v6) {
      return index % 50 == 7 ? "203.0.113." + (1 + index / 50 % 254) : v4(LOGIN_BLOCKS, index);
    }
    return index % 2 == 0 ? v6("2001:db8:10", index) : v6("2a01:4f8:c17", index);
  }

  /** Returns outside server {@code index}, the peer of outbound and transit sessions. */
  static String outsideServer(int index, boolean v6) {
    return v6 ? v6("2a01:4f8:e0", index) : v4(OUTSIDE_SERVER_BLOCKS, index);
  }

  /** Returns internal address {@code index}, spread over the default internal IPv4 networks. */
  static String internalV4(int index) {
    int bucket = index % 10;
    int host = index / 10;
    int c = 1 + host % 254;
    int b = host / 254 % 256;
    if (bucket < 6) {
      return "10." + (1 + host / (254 * 256) % 254) + "." + b + "." + c;
    } else if (bucket < 8) {
      return "172." + (16 + host / (254 * 256) % 16) + "." + b + "." + c;
    } else if (bucket == 8) {
      return "192.168." + b + "." + c;
    }
    return "100." + (64 + host / (254 * 256) % 64) + "." + b + "." + c;
  }

  /** Returns internal IPv6 address {@code index}, in the unique local range fd00::/8. */
  static String internalV6(int index) {
    return v6("fd3c:8a2e:15", index);
  }

  /** Returns a random internal IPv4 address, as a scanner sweeping a network reaches. */
  static String randomInternalV4(SplittableRandom random) {
    return internalV4(random.nextInt(1 << 24));
  }

  /**
   * Returns {@code prefix:X::Y} with X and Y taken from {@code index}, both non-zero and printed
   * without leading zeros, so the text is the RFC 5952 form: the three zero groups between them
   * are the longest run and become {@code ::}.
   */
  private static String v6(String prefix, int index) {
    int x = 1 + Math.floorDiv(index, 0xffff) % 0xffff;
    int y = 1 + Math.floorMod(index, 0xffff);
    return prefix + ":" + Integer.toHexString(x) + "::" + Integer.toHexString(y);
  }

  /** Returns an IPv4 address in one of {@code blocks}; distinct indexes give distinct addresses. */
  private static String v4(int[] blocks, int index) {
    int block = blocks[Math.floorMod(index, blocks.length)];
    // An odd multiplier is a bijection on 24 bits, so the hosts of one block are distinct.
    int rest = (Math.floorDiv(index, blocks.length) * 0x9e3779 + 0x5a3c71) & 0xffffff;
    return block + "." + (rest >>> 16) + "." + (rest >>> 8 & 0xff) + "." + (rest & 0xff);
  }
}
