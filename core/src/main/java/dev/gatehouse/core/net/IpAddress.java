package dev.gatehouse.core.net;

import java.util.Objects;

/**
 * An IPv4 or IPv6 address held as 128 bits, parsed strictly from its text form and never
 * resolved through DNS.
 *
 * <p>IPv4 addresses are stored in their IPv4-mapped IPv6 form ({@code ::ffff:a.b.c.d}, RFC 4291
 * section 2.5.5.2), so an IPv4-mapped IPv6 address written by a sensor is equal to the IPv4
 * address it carries and is classified as IPv4.
 */
public final class IpAddress implements Comparable<IpAddress> {

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
   * Parses a dotted-quad IPv4 address or an RFC 4291 IPv6 address.
   *
   * <p>Accepts no zone index ({@code %eth0}), no brackets, no port and no leading zeros in an
   * IPv4 octet, because octal readings of such octets differ between tools.
   *
   * @throws IllegalArgumentException if {@code text} is not an IP address literal; the message
   *     quotes the text
   */
  public static IpAddress parse(CharSequence text) {
    IpAddress address = AddressParser.parse(text, 0, text.length());
    if (address == null) {
      throw new IllegalArgumentException("'" + text + "' is not a valid IPv4 or IPv6 address");
    }
    return address;
  }

  /** Parses like {@link #parse} but returns {@code null} instead of throwing. */
  public static IpAddress tryParse(CharSequence text) {
    return AddressParser.parse(text, 0, text.length());
  }

  /** Returns whether this address is IPv4, including an IPv4-mapped IPv6 address. */
  public boolean isIpv4() {
    return high == 0L && (low & 0xffff_ffff_0000_0000L) == MAPPED_PREFIX_LOW;
  }

  /** Returns the 32 IPv4 bits; only meaningful when {@link #isIpv4()} is true. */
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

  /** Returns bit {@code index} of the 128-bit form, counting from the most significant. */
  public int bit(int index) {
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
    return Objects.hash(high, low);
  }

  /** Returns the dotted quad for IPv4, and the RFC 5952 canonical text for IPv6. */
  @Override
  public String toString() {
    return AddressParser.format(this);
  }
}
