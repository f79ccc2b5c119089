package dev.gatehouse.core.net;

/**
 * A network prefix: an address and a prefix length counted on the 128-bit form, so an IPv4
 * {@code /n} is stored as {@code /(96 + n)}.
 */
public record Cidr(IpAddress address, int prefixLength) {

  /**
   * Parses {@code a.b.c.d/n}, {@code x:y::/n} or a bare address (a host route).
   *
   * @throws IllegalArgumentException naming the text and the rule it breaks
   */
  public static Cidr parse(String text) {
    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    String addressText = slash < 0 ? trimmed : trimmed.substring(0, slash);
    IpAddress address = IpAddress.tryParse(addressText);
    if (address == null) {
      throw new IllegalArgumentException("'" + text + "' is not a valid CIDR: '" + addressText
          + "' is not an IPv4 or IPv6 address");
    }
    boolean ipv4 = addressText.indexOf(':') < 0;
    int maxLength = ipv4 ? 32 : 128;
    int length = maxLength;
    if (slash >= 0) {
      String lengthText = trimmed.substring(slash + 1);
      if (lengthText.isEmpty() || lengthText.length() > 3 || !lengthText.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("'" + text + "' is not a valid CIDR: prefix length '"
            + lengthText + "' is not a number");
      }
      length = Integer.parseInt(lengthText);
      if (length > maxLength) {
        throw new IllegalArgumentException("'" + text + "' is not a valid CIDR: prefix length must be 0-"
            + maxLength + " for " + (ipv4 ? "IPv4" : "IPv6"));
      }
    }
    int prefixLength = ipv4 ? 96 + length : length;
    IpAddress network = mask(address, prefixLength);
    if (!network.equals(address)) {
      throw new IllegalArgumentException("'" + text + "' is not a valid CIDR: host bits are set"
          + " (the network is " + new Cidr(network, prefixLength) + ")");
    }
    return new Cidr(network, prefixLength);
  }

  /** Returns whether {@code candidate} lies inside this network. */
  public boolean contains(IpAddress candidate) {
    return mask(candidate, prefixLength).equals(address);
  }

  /** Returns whether this network and {@code other} share at least one address. */
  public boolean overlaps(Cidr other) {
    return prefixLength <= other.prefixLength ? contains(other.address) : other.contains(address);
  }

  static IpAddress mask(IpAddress address, int prefixLength) {
    long highMask = prefixLength >= 64 ? -1L : prefixLength == 0 ? 0L : -1L << (64 - prefixLength);
    long lowMask = prefixLength <= 64 ? 0L : prefixLength == 128 ? -1L : -1L << (128 - prefixLength);
    return IpAddress.of(address.high() & highMask, address.low() & lowMask);
  }

  /** Returns {@code a.b.c.d/n} for IPv4 networks and {@code x:y::/n} for IPv6. */
  @Override
  public String toString() {
    boolean ipv4 = address.isIpv4() && prefixLength >= 96;
    return address + "/" + (ipv4 ? prefixLength - 96 : prefixLength);
  }
}
