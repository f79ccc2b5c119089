package dev.gatehouse.core.assess;

import dev.gatehouse.core.net.IpAddress;
import java.util.List;

/** Names that an address was seen under, such as the queries whose DNS answers contained it. */
@FunctionalInterface
public interface HostNames {

  /** A lookup that returns no name for any address. */
  HostNames NONE = address -> List.of();

  /** Returns the names of {@code address} in the order they were first seen; never {@code null}. */
  List<String> namesOf(IpAddress address);
}
