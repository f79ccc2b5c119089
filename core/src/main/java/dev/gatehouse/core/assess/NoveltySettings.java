package dev.gatehouse.core.assess;

/**
 * The prefix lengths that group source addresses into networks for the novelty history.
 *
 * @param ipv4PrefixLength the prefix length of an IPv4 source's network, from 1 to 32
 * @param ipv6PrefixLength the prefix length of an IPv6 source's network, from 1 to 128
 */
public record NoveltySettings(int ipv4PrefixLength, int ipv6PrefixLength) {

  /** The defaults: a {@code /24} for IPv4 and a {@code /48} for IPv6. */
  public static final NoveltySettings DEFAULTS = new NoveltySettings(24, 48);

  /** Checks the ranges. */
  public NoveltySettings {
    if (ipv4PrefixLength < 1 || ipv4PrefixLength > 32) {
      throw new IllegalArgumentException("the IPv4 prefix length is " + ipv4PrefixLength + ", expected 1 to 32");
    }
    if (ipv6PrefixLength < 1 || ipv6PrefixLength > 128) {
      throw new IllegalArgumentException("the IPv6 prefix length is " + ipv6PrefixLength + ", expected 1 to 128");
    }
  }
}
