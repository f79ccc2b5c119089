package dev.gatehouse.core.net;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * A longest-prefix-match table over a fixed list of prefixes, stored as sorted disjoint address
 * ranges.
 *
 * <p>The address space is cut at every first address of a prefix and after every last address.
 * Each resulting range stores the index of the longest prefix containing it, or {@link #NONE}. A
 * lookup is then one binary search for the last range starting at or below the address: {@code
 * O(log n)} for {@code n} prefixes and no allocation. IPv4 addresses search a separate table of
 * 32-bit starts, because nearly all lookups are IPv4.
 *
 * <p>The construction relies on prefixes either nesting or sharing no address. Sorted by first
 * address and then from the shortest prefix, every prefix lies inside the prefix on top of a
 * stack of open ones, once the prefixes that end before it are popped.
 *
 * <p>Immutable and safe to share between threads.
 */
final class RangeTable {

  /** The value {@link #find} returns for an address that no prefix contains. */
  static final int NONE = -1;

  private static final IpAddress FIRST_IPV6 = IpAddress.of(0L, 0L);
  private static final IpAddress FIRST_IPV4 = IpAddress.ofIpv4(0);
  private static final IpAddress LAST_IPV4 = IpAddress.ofIpv4(-1);

  /** Range starts of the IPv4 table, each XOR {@link Integer#MIN_VALUE} so signed order is unsigned order. */
  private final int[] ipv4Starts;
  private final int[] ipv4Values;
  private final long[] startHighs;
  private final long[] startLows;
  private final int[] values;

  private record Boundary(IpAddress start, int value) {}

  private RangeTable(List<Boundary> boundaries) {
    int count = boundaries.size();
    startHighs = new long[count];
    startLows = new long[count];
    values = new int[count];
    for (int i = 0; i < count; i++) {
      Boundary boundary = boundaries.get(i);
      startHighs[i] = boundary.start().high();
      startLows[i] = boundary.start().low();
      values[i] = boundary.value();
    }

    List<Boundary> ipv4 = new ArrayList<>();
    ipv4.add(new Boundary(FIRST_IPV4, values[search(startHighs, startLows, FIRST_IPV4)]));
    for (Boundary boundary : boundaries) {
      IpAddress start = boundary.start();
      if (start.compareTo(FIRST_IPV4) > 0 && start.compareTo(LAST_IPV4) <= 0) {
        ipv4.add(boundary);
      }
    }
    ipv4Starts = new int[ipv4.size()];
    ipv4Values = new int[ipv4.size()];
    for (int i = 0; i < ipv4.size(); i++) {
      ipv4Starts[i] = ipv4.get(i).start().ipv4Bits() ^ Integer.MIN_VALUE;
      ipv4Values[i] = ipv4.get(i).value();
    }
  }

  /**
   * Builds the table for {@code prefixes}. {@link #find} returns indexes into this list, and of
   * several equal prefixes it returns the first.
   */
  static RangeTable of(List<Cidr> prefixes) {
    Integer[] order = new Integer[prefixes.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Comparator<Integer> byStart = Comparator.comparing(i -> prefixes.get(i).address());
    Arrays.sort(order, byStart
        .thenComparingInt(i -> prefixes.get(i).prefixLength())
        .thenComparingInt(i -> i));

    List<Boundary> boundaries = new ArrayList<>();
    add(boundaries, FIRST_IPV6, NONE);
    Deque<Integer> open = new ArrayDeque<>();
    Cidr previous = null;
    for (int index : order) {
      Cidr prefix = prefixes.get(index);
      if (prefix.equals(previous)) {
        continue;
      }
      previous = prefix;
      closeEndingBefore(prefixes, open, boundaries, prefix.address());
      open.push(index);
      add(boundaries, prefix.address(), index);
    }
    closeEndingBefore(prefixes, open, boundaries, null);
    return new RangeTable(boundaries);
  }

  /**
   * Pops the open prefixes whose last address lies below {@code next}, or all of them when
   * {@code next} is null, and starts a range after each with the value of the prefix below it.
   */
  private static void closeEndingBefore(List<Cidr> prefixes, Deque<Integer> open,
      List<Boundary> boundaries, IpAddress next) {
    while (!open.isEmpty()) {
      IpAddress last = prefixes.get(open.peek()).lastAddress();
      if (next != null && last.compareTo(next) >= 0) {
        return;
      }
      open.pop();
      if (last.high() == -1L && last.low() == -1L) {
        continue;
      }
      IpAddress after = last.low() == -1L
          ? IpAddress.of(last.high() + 1, 0L)
          : IpAddress.of(last.high(), last.low() + 1);
      add(boundaries, after, open.isEmpty() ? NONE : open.peek());
    }
  }

  /** Appends a range start, replacing the previous one when both start at the same address. */
  private static void add(List<Boundary> boundaries, IpAddress start, int value) {
    int last = boundaries.size() - 1;
    if (last >= 0 && boundaries.get(last).start().equals(start)) {
      boundaries.set(last, new Boundary(start, value));
    } else {
      boundaries.add(new Boundary(start, value));
    }
  }

  /** Returns the index of the longest prefix containing {@code address}, or {@link #NONE}. */
  int find(IpAddress address) {
    if (address.isIpv4()) {
      int position = Arrays.binarySearch(ipv4Starts, address.ipv4Bits() ^ Integer.MIN_VALUE);
      return ipv4Values[position >= 0 ? position : -position - 2];
    }
    return values[search(startHighs, startLows, address)];
  }

  /** Returns the index of the longest prefix containing the address with these halves, or {@link #NONE}. */
  int find(long high, long low) {
    if (high == 0L && (low >>> 32) == 0xffffL) {
      int position = Arrays.binarySearch(ipv4Starts, (int) low ^ Integer.MIN_VALUE);
      return ipv4Values[position >= 0 ? position : -position - 2];
    }
    return values[search(startHighs, startLows, high, low)];
  }

  /** Returns the position of the last start at or below {@code address}. The first start is {@code ::}. */
  private static int search(long[] highs, long[] lows, IpAddress address) {
    return search(highs, lows, address.high(), address.low());
  }

  private static int search(long[] highs, long[] lows, long high, long low) {
    int lowest = 0;
    int highest = highs.length - 1;
    while (lowest < highest) {
      int middle = (lowest + highest + 1) >>> 1;
      int order = Long.compareUnsigned(highs[middle], high);
      if (order == 0) {
        order = Long.compareUnsigned(lows[middle], low);
      }
      if (order <= 0) {
        lowest = middle;
      } else {
        highest = middle - 1;
      }
    }
    return lowest;
  }
}
