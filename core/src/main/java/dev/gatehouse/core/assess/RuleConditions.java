package dev.gatehouse.core.assess;

import dev.gatehouse.core.net.Cidr;
import java.util.List;

/**
 * What a triage rule matches. An empty list, or a {@code null} time window, sets no condition.
 * A detection matches when it meets every condition that is set, and meets a list condition
 * when it matches any entry of the list.
 *
 * @param sourceCidrs networks that contain the source
 * @param sourceAsns autonomous system numbers of the source
 * @param sourceCountries ISO 3166-1 alpha-2 codes of the source's country, upper case
 * @param destinationCidrs networks that contain the destination
 * @param hosts patterns, without regard to case, for the destination's inventory host name or
 *     any of its names from DNS
 * @param roles inventory roles of the destination, without regard to case
 * @param destinationPorts destination ports
 * @param clientBanners patterns that every client banner of the detection must match; a
 *     detection without a client banner does not match
 * @param hostKeys host key fingerprints, compared without regard to case. Every host key of the
 *     detection must be listed, so a detection without a host key does not match
 * @param time a window in which the first and the last reported session must both lie
 */
public record RuleConditions(
    List<Cidr> sourceCidrs,
    List<Long> sourceAsns,
    List<String> sourceCountries,
    List<Cidr> destinationCidrs,
    List<Glob> hosts,
    List<String> roles,
    List<Integer> destinationPorts,
    List<Glob> clientBanners,
    List<String> hostKeys,
    TimeWindow time) {

  /** Copies every list. */
  public RuleConditions {
    sourceCidrs = List.copyOf(sourceCidrs);
    sourceAsns = List.copyOf(sourceAsns);
    sourceCountries = List.copyOf(sourceCountries);
    destinationCidrs = List.copyOf(destinationCidrs);
    hosts = List.copyOf(hosts);
    roles = List.copyOf(roles);
    destinationPorts = List.copyOf(destinationPorts);
    clientBanners = List.copyOf(clientBanners);
    hostKeys = List.copyOf(hostKeys);
  }

  /** Returns whether no condition is set, so the rule would match every detection. */
  public boolean isEmpty() {
    return sourceCidrs.isEmpty() && sourceAsns.isEmpty() && sourceCountries.isEmpty()
        && destinationCidrs.isEmpty() && hosts.isEmpty() && roles.isEmpty()
        && destinationPorts.isEmpty() && clientBanners.isEmpty() && hostKeys.isEmpty()
        && time == null;
  }
}
