package dev.gatehouse.core.net;

import java.util.Objects;

/**
 * A network prefix: an address and a prefix length counted on the 128-bit form, so an IPv4
 * {@code /n} is stored as {@code /(96 + n)}.
 *
 * <p>Two prefixes either nest or share no address, so {@link #overlaps} is true exactly when
 * one of the two {@linkplain #contains(Cidr) contains} the other.
 *
 * @param address the first address of the network, with every host bit clear
 * @param prefixLength the number of leading network bits of the 128-bit form, from 0 to 128
 */
public record Cidr(IpAddress address, int prefixLength) {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if {@code prefixLength} is outside 0 to 128 or {@code
   *     address} has a host bit set
   */
  public Cidr {
    Objects.requireNonNull(address, "address");
    if (prefixLength < 0 || prefixLength > 128) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " is outside 0-128");
    }
    if ((address.high() & ~highMask(prefixLength)) != 0L
        || (address.low() & ~lowMask(prefixLength)) != 0L) {
      throw new IllegalArgumentException(
          "address " + address + " has host bits set for prefix length " + prefixLength);
    }
  }

  /**
   * Parses {@code a.b.c.d/n}, {@code x:y::/n} or a bare address, which is a host route
   * ({@code /32} or {@code /128}).
   *
   * <p>The address follows {@link IpAddress#parse(CharSequence)}. The prefix length is 0 to 32
   * after an IPv4 address and 0 to 128 after an IPv6 one, in ASCII digits without a leading
   * zero. The host bits must be clear, so {@code 10.0.0.1/8} is rejected rather than read as
   * {@code 10.0.0.0/8}.
   *
   * @throws IllegalArgumentException naming the text and the rule it breaks, such as {@code
   *     '10.0.0.0/33' is not a valid CIDR: prefix length must be 0-32 for IPv4}
   */
  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    int addressEnd = slash < 0 ? text.length() : slash;
    IpAddress address = IpAddress.tryParse(text, 0, addressEnd);
    if (address == null) {
      throw invalid(text, "'" + text.substring(0, addressEnd) + "' is not an IPv4 or IPv6 address");
    }

    boolean ipv4 = text.lastIndexOf(':', addressEnd) < 0;
    int maxLength = ipv4 ? 32 : 128;
    int length = maxLength;
    if (slash >= 0) {
      String lengthText = text.substring(slash + 1);
      length = parsePrefixLength(lengthText);
      if (length < 0) {
        throw invalid(text, "prefix length '" + lengthText
            + "' is not a decimal number without leading zeros");
      }
      if (length > maxLength) {
        throw invalid(text, "prefix length must be 0-" + maxLength + " for "
            + (ipv4 ? "IPv4" : "IPv6"));
      }
    }

    int prefixLength = ipv4 ? 96 + length : length;
    long high = address.high() & highMask(prefixLength);
    long low = address.low() & lowMask(prefixLength);
    if (high != address.high() || low != address.low()) {
      Cidr network = new Cidr(IpAddress.of(high, low), prefixLength);
      throw invalid(text, "host bits are set (the network is " + network + ")");
    }
    return new Cidr(address, prefixLength);
  }

  /** Returns the prefix length in {@code text}, or -1 unless it is 1 to 3 digits without a leading zero. */
  private static int parsePrefixLength(String text) {
    if (text.isEmpty() || text.length() > 3 || (text.length() > 1 && text.charAt(0) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException("'" + text + "' is not a valid CIDR: " + reason);
  }

  /** Returns whether {@code candidate} lies inside this network, without allocating. */
  public boolean contains(IpAddress candidate) {
    return (candidate.high() & highMask(prefixLength)) == address.high()
        && (candidate.low() & lowMask(prefixLength)) == address.low();
  }

  /** Returns whether every address of {@code other} lies inside this network. */
  public boolean contains(Cidr other) {
    return prefixLength <= other.prefixLength && contains(other.address);
  }

  /** Returns whether this network and {@code other} share at least one address. */
  public boolean overlaps(Cidr other) {
    return contains(other) || other.contains(this);
  }

  /** Returns whether this is an IPv4 network: a prefix of at least 96 bits inside {@code ::ffff:0:0/96}. */
  public boolean isIpv4() {
    return prefixLength >= 96 && address.isIpv4();
  }

  /** Returns the last address of the network, whose host bits are all set. */
  public IpAddress lastAddress() {
    return IpAddress.of(address.high() | ~highMask(prefixLength), address.low() | ~lowMask(prefixLength));
  }

  /** Returns the mask of the upper 64 bits for a prefix of {@code prefixLength} bits (0 to 128). */
  public static long highMask(int prefixLength) {
    if (prefixLength >= 64) {
      return -1L;
    }
    return prefixLength == 0 ? 0L : -1L << (64 - prefixLength);
  }

  /** Returns the mask of the lower 64 bits for a prefix of {@code prefixLength} bits (0 to 128). */
  public static long lowMask(int prefixLength) {
    if (prefixLength <= 64) {
      return 0L;
    }
    return prefixLength == 128 ? -1L : -1L << (128 - prefixLength);
  }

  /**
   * Returns {@code a.b.c.d/n} for IPv4 networks, with {@code n} counted on the 32-bit form, and
   * {@code x:y::/n} for IPv6 networks.
   */
  @Override
  public String toString() {
    return isIpv4() ? address + "/" + (prefixLength - 96) : address + "/" + prefixLength;
  }
}
