package dev.gatehouse.core.net;

/**
 * The locality of one address and what decided it.
 *
 * @param locality internal, external or unroutable
 * @param network the name of the internal network that decided, or {@code null} when that
 *     network is unnamed or the address is not internal
 * @param cidr the internal network or unroutable range that decided, in CIDR form, or {@code
 *     null} for an external address
 * @param rule the rule that decided, such as {@code network dmz (203.0.113.0/24)}, {@code
 *     network 10.0.0.0/8 (private-use, RFC 1918)}, {@code outside every internal network} or
 *     {@code multicast (224.0.0.0/4, RFC 5771)}
 */
public record Classification(Locality locality, String network, String cidr, String rule) {}
