package dev.gatehouse.core.net;

/**
 * The locality of one address and what decided it.
 *
 * @param locality internal, external or unroutable
 * @param network the name of the internal network that matched, or {@code null}
 * @param cidr the matching network in CIDR form, or {@code null} when no network matched
 * @param rule a sentence naming the rule that decided, such as "inside internal network dmz
 *     (203.0.113.0/24)" or "multicast (224.0.0.0/4, RFC 5771)"
 */
public record Classification(Locality locality, String network, String cidr, String rule) {}
