package dev.gatehouse.core.assess;

import dev.gatehouse.core.net.Cidr;
import dev.gatehouse.core.net.IpAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Finds the values whose network contains an address. Values are grouped by their network, and
 * a lookup masks the address once per distinct prefix length, longest first, so it costs one
 * hash lookup per prefix length in use whatever the number of values.
 *
 * <p>Immutable after construction and safe to share between threads.
 */
final class PrefixIndex<T> {

  private record Key(long high, long low, int prefixLength) {}

  /** The distinct prefix lengths, longest first. */
  private final int[] lengths;
  /** The values of each network, in the order they were given. */
  private final Map<Key, List<T>> byNetwork;

  PrefixIndex(List<T> values, Function<T, Cidr> network) {
    TreeSet<Integer> distinct = new TreeSet<>();
    Map<Key, List<T>> map = new HashMap<>();
    for (T value : values) {
      Cidr cidr = network.apply(value);
      distinct.add(cidr.prefixLength());
      map.computeIfAbsent(key(cidr.address(), cidr.prefixLength()), k -> new ArrayList<>()).add(value);
    }
    this.lengths = distinct.descendingSet().stream().mapToInt(Integer::intValue).toArray();
    this.byNetwork = map;
  }

  /** Returns the values of the longest network that contains {@code address}, or an empty list. */
  List<T> longest(IpAddress address) {
    for (int length : lengths) {
      List<T> found = byNetwork.get(key(address, length));
      if (found != null) {
        return found;
      }
    }
    return List.of();
  }

  /** Returns the values of every network that contains {@code address}, longest network first. */
  List<T> all(IpAddress address) {
    List<T> found = new ArrayList<>();
    for (int length : lengths) {
      List<T> values = byNetwork.get(key(address, length));
      if (values != null) {
        found.addAll(values);
      }
    }
    return found;
  }

  boolean isEmpty() {
    return byNetwork.isEmpty();
  }

  private static Key key(IpAddress address, int prefixLength) {
    return new Key(address.high() & Cidr.highMask(prefixLength),
        address.low() & Cidr.lowMask(prefixLength),
        prefixLength);
  }
}
