/**
 * IP addresses, network prefixes and the classification of addresses as internal, external or
 * unroutable.
 *
 * <p>{@link dev.gatehouse.core.net.IpAddress} parses address literals strictly and without DNS,
 * {@link dev.gatehouse.core.net.Cidr} is a network prefix, and {@link
 * dev.gatehouse.core.net.NetworkMap} classifies addresses against the site's internal networks
 * by longest-prefix match. IPv4 addresses are held in their IPv4-mapped IPv6 form, so one
 * 128-bit model covers both families.
 */
package dev.gatehouse.core.net;
