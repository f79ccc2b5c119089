package dev.gatehouse.core.net;

import java.util.Objects;

/**
 * An IPv4 or IPv6 address held as 128 bits, parsed strictly from its text form and never
 * resolved through DNS.
 *
 * <p>IPv4 addresses are stored in their IPv4-mapped IPv6 form ({@code ::ffff:a.b.c.d}, RFC 4291
 * section 2.5.5.2). An IPv4-mapped address written by a sensor, in dotted form ({@code
 * ::ffff:198.51.100.7}) or in hexadecimal ({@code ::ffff:c633:6407}), is therefore equal to the
 * IPv4 address it carries, prints as that address and is classified as it.
 *
 * <p>Instances are immutable and safe to share between threads. The natural order is the
 * unsigned order of the 128 bits, which puts every IPv4 address between {@code ::ffff:0:0} and
 * {@code ::ffff:ffff:ffff}.
 */
public final class IpAddress implements Comparable<IpAddress> {

  /** The upper 32 bits of the lower half of an IPv4-mapped address. */
  private static final long MAPPED_PREFIX_LOW = 0x0000_ffff_0000_0000L;

  private final long high;
  private final long low;

  private IpAddress(long high, long low) {
    this.high = high;
    this.low = low;
  }

  /** Returns the address with the given upper and lower 64 bits. */
  public static IpAddress of(long high, long low) {
    return new IpAddress(high, low);
  }

  /** Returns the IPv4 address with the given 32 bits, stored in its IPv4-mapped form. */
  public static IpAddress ofIpv4(int bits) {
    return new IpAddress(0L, MAPPED_PREFIX_LOW | (bits & 0xffff_ffffL));
  }

  /**
   * Parses a dotted-quad IPv4 address or an IPv6 address in one of the text forms of RFC 4291
   * section 2.2.
   *
   * <p>IPv4: four decimal octets from 0 to 255, without leading zeros, because tools disagree
   * on whether {@code 010} is octal.
   *
   * <p>IPv6: eight groups of one to four hexadecimal digits in either case, at most one {@code
   * ::} standing for one or more zero groups, and optionally a dotted quad in place of the last
   * two groups.
   *
   * <p>Rejected in both: a zone index ({@code %eth0}), brackets, a prefix length, a port,
   * whitespace and digits outside ASCII.
   *
   * @throws IllegalArgumentException if {@code text} is not an IP address literal; the message
   *     quotes the text
   */
  public static IpAddress parse(CharSequence text) {
    return parse(text, 0, text.length());
  }

  /**
   * Parses the characters {@code text[from, to)} like {@link #parse(CharSequence)}.
   *
   * @throws IllegalArgumentException if the range is not an IP address literal; the message
   *     quotes the range
   * @throws IndexOutOfBoundsException if the range does not lie within {@code text}
   */
  public static IpAddress parse(CharSequence text, int from, int to) {
    IpAddress address = tryParse(text, from, to);
    if (address == null) {
      throw new IllegalArgumentException(
          "'" + text.subSequence(from, to) + "' is not a valid IPv4 or IPv6 address");
    }
    return address;
  }

  /** Parses like {@link #parse(CharSequence)} but returns {@code null} instead of throwing. */
  public static IpAddress tryParse(CharSequence text) {
    return AddressParser.parse(text, 0, text.length());
  }

  /**
   * Parses the characters {@code text[from, to)} like {@link #parse(CharSequence)} but returns
   * {@code null} instead of throwing. Readers call it on a field of a line without copying the
   * field, and a rejected field costs no allocation.
   *
   * @throws IndexOutOfBoundsException if the range does not lie within {@code text}
   */
  public static IpAddress tryParse(CharSequence text, int from, int to) {
    Objects.checkFromToIndex(from, to, text.length());
    return AddressParser.parse(text, from, to);
  }

  /**
   * Parses the ASCII dotted quad in {@code bytes[from, to)} with the IPv4 rules of {@link
   * #parse(CharSequence)} and returns its 32 bits as a non-negative long, or -1 when the range
   * is not a dotted quad (an IPv6 literal included). Readers call it to classify an address
   * before they create an {@code IpAddress}.
   *
   * @throws IndexOutOfBoundsException if the range does not lie within {@code bytes}
   */
  public static long parseIpv4Bits(byte[] bytes, int from, int to) {
    Objects.checkFromToIndex(from, to, bytes.length);
    return AddressParser.parseIpv4Bits(bytes, from, to);
  }

  /**
   * Parses the characters {@code text[from, to)} like {@link #parse(CharSequence)} into the two
   * halves of the 128-bit form, {@code halves[0]} ({@link #high()}) and {@code halves[1]} ({@link
   * #low()}), without creating an address, and returns whether the range is a valid literal.
   * {@code halves} is unchanged when it is not.
   *
   * @throws IndexOutOfBoundsException if the range does not lie within {@code text} or {@code
   *     halves} has fewer than two elements
   */
  public static boolean parseHalves(CharSequence text, int from, int to, long[] halves) {
    Objects.checkFromToIndex(from, to, text.length());
    Objects.checkIndex(1, halves.length);
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == ':') {
        return AddressParser.parseIpv6(text, from, to, halves);
      }
    }
    long bits = from < to ? AddressParser.parseIpv4Bits(text, from, to) : AddressParser.INVALID;
    if (bits == AddressParser.INVALID) {
      return false;
    }
    halves[0] = 0L;
    halves[1] = MAPPED_PREFIX_LOW | bits;
    return true;
  }

  /** Returns whether this address is IPv4, which includes every IPv4-mapped IPv6 address. */
  public boolean isIpv4() {
    return high == 0L && (low & 0xffff_ffff_0000_0000L) == MAPPED_PREFIX_LOW;
  }

  /** Returns the 32 IPv4 bits, which are meaningful only when {@link #isIpv4()} is true. */
  public int ipv4Bits() {
    return (int) low;
  }

  /** Returns the upper 64 bits of the 128-bit form. */
  public long high() {
    return high;
  }

  /** Returns the lower 64 bits of the 128-bit form. */
  public long low() {
    return low;
  }

  /** Returns bit {@code index} (0 to 127) of the 128-bit form, counting from the most significant. */
  public int bit(int index) {
    Objects.checkIndex(index, 128);
    return index < 64
        ? (int) (high >>> (63 - index)) & 1
        : (int) (low >>> (127 - index)) & 1;
  }

  @Override
  public int compareTo(IpAddress other) {
    int byHigh = Long.compareUnsigned(high, other.high);
    return byHigh != 0 ? byHigh : Long.compareUnsigned(low, other.low);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IpAddress that && high == that.high && low == that.low;
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(high) + Long.hashCode(low);
  }

  /**
   * Returns the dotted quad for IPv4 and IPv4-mapped addresses, and the RFC 5952 canonical text
   * for every other IPv6 address.
   *
   * <p>RFC 5952 section 5 would print an IPv4-mapped address as {@code ::ffff:a.b.c.d}. Here it
   * prints as the IPv4 address that it is equal to.
   */
  @Override
  public String toString() {
    return AddressParser.format(this);
  }
}
