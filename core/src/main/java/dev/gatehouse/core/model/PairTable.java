package dev.gatehouse.core.model;

import dev.gatehouse.core.net.IpAddress;
import java.util.Arrays;

/**
 * The pairs of a run by (source, destination, port), each with a dense id and the counters every
 * ssh row of the pair updates.
 *
 * <p>Pairs whose addresses both have a zero high half, which includes every IPv4 address, are
 * found in an open-addressing table of three longs a slot (source low, destination low, port
 * and id + 1), filled to at most 2/3; other pairs in a second table of five longs a slot. The
 * counters live in arrays indexed by id, a few megabytes for a few hundred thousand pairs, so a
 * row touches the slot of its pair and cached arrays rather than an object of its own. The
 * {@link Pair} of a pair, with what only non-failed and reported sessions need, is created on
 * first use.
 *
 * <p>Not thread-safe.
 */
final class PairTable {

  private long[] slots = new long[3 * 64];
  private int mask = 63;
  private int narrowCount;
  private long[] wideSlots = new long[5 * 16];
  private int wideMask = 15;
  private int wideCount;

  private int count;
  private long[] sourceHighs = new long[64];
  private long[] sourceLows = new long[64];
  private long[] destinationHighs = new long[64];
  private long[] destinationLows = new long[64];
  private int[] ports = new int[64];
  /** Failed sessions of each pair. */
  long[] failed = new long[64];
  /** Sessions of unset outcome of each pair, whatever their grade. */
  long[] unset = new long[64];
  /** The start of each pair's first non-failed session, or {@link Long#MAX_VALUE}. */
  long[] firstNonFailed = filled(64);
  private Pair[] details = new Pair[64];

  private static long[] filled(int length) {
    long[] values = new long[length];
    Arrays.fill(values, Long.MAX_VALUE);
    return values;
  }

  private static int hash(long sourceLow, long destinationLow, int port) {
    long h = sourceLow * 0x9e37_79b9_7f4a_7c15L ^ destinationLow * 0xc2b2_ae3d_27d4_eb4fL ^ port;
    h ^= h >>> 32;
    h *= 0xd6e8_feb8_6659_fd93L;
    return (int) (h ^ (h >>> 32));
  }

  /** Returns the id of the pair, creating it when it is new. */
  int idOf(long sourceHigh, long sourceLow, long destinationHigh, long destinationLow, int port) {
    if (sourceHigh != 0 || destinationHigh != 0) {
      return wideIdOf(sourceHigh, sourceLow, destinationHigh, destinationLow, port);
    }
    long tail = (long) port << 32;
    int i = hash(sourceLow, destinationLow, port) & mask;
    while (true) {
      long packed = slots[3 * i + 2];
      if ((int) packed == 0) {
        break;
      }
      if (slots[3 * i] == sourceLow && slots[3 * i + 1] == destinationLow
          && (packed & 0xffff_ffff_0000_0000L) == tail) {
        return (int) packed - 1;
      }
      i = (i + 1) & mask;
    }
    int id = add(0, sourceLow, 0, destinationLow, port);
    slots[3 * i] = sourceLow;
    slots[3 * i + 1] = destinationLow;
    slots[3 * i + 2] = tail | (id + 1L);
    if (++narrowCount > (mask + 1) / 3 * 2) {
      grow();
    }
    return id;
  }

  private int wideIdOf(long sourceHigh, long sourceLow, long destinationHigh, long destinationLow,
      int port) {
    long tail = (long) port << 32;
    int i = hash(sourceHigh ^ sourceLow, destinationHigh ^ destinationLow, port) & wideMask;
    while (true) {
      long packed = wideSlots[5 * i + 4];
      if ((int) packed == 0) {
        break;
      }
      if (wideSlots[5 * i] == sourceHigh && wideSlots[5 * i + 1] == sourceLow
          && wideSlots[5 * i + 2] == destinationHigh && wideSlots[5 * i + 3] == destinationLow
          && (packed & 0xffff_ffff_0000_0000L) == tail) {
        return (int) packed - 1;
      }
      i = (i + 1) & wideMask;
    }
    int id = add(sourceHigh, sourceLow, destinationHigh, destinationLow, port);
    wideSlots[5 * i] = sourceHigh;
    wideSlots[5 * i + 1] = sourceLow;
    wideSlots[5 * i + 2] = destinationHigh;
    wideSlots[5 * i + 3] = destinationLow;
    wideSlots[5 * i + 4] = tail | (id + 1L);
    if (++wideCount > (wideMask + 1) / 3 * 2) {
      growWide();
    }
    return id;
  }

  private int add(long sourceHigh, long sourceLow, long destinationHigh, long destinationLow, int port) {
    if (count == ports.length) {
      int capacity = count + (count >> 1);
      sourceHighs = Arrays.copyOf(sourceHighs, capacity);
      sourceLows = Arrays.copyOf(sourceLows, capacity);
      destinationHighs = Arrays.copyOf(destinationHighs, capacity);
      destinationLows = Arrays.copyOf(destinationLows, capacity);
      ports = Arrays.copyOf(ports, capacity);
      failed = Arrays.copyOf(failed, capacity);
      unset = Arrays.copyOf(unset, capacity);
      firstNonFailed = Arrays.copyOf(firstNonFailed, capacity);
      Arrays.fill(firstNonFailed, count, capacity, Long.MAX_VALUE);
      details = Arrays.copyOf(details, capacity);
    }
    sourceHighs[count] = sourceHigh;
    sourceLows[count] = sourceLow;
    destinationHighs[count] = destinationHigh;
    destinationLows[count] = destinationLow;
    ports[count] = port;
    return count++;
  }

  private void grow() {
    long[] old = slots;
    int capacity = (mask + 1) * 2;
    slots = new long[3 * capacity];
    mask = capacity - 1;
    for (int i = 0; i < old.length; i += 3) {
      long packed = old[i + 2];
      if ((int) packed == 0) {
        continue;
      }
      int j = hash(old[i], old[i + 1], (int) (packed >>> 32)) & mask;
      while ((int) slots[3 * j + 2] != 0) {
        j = (j + 1) & mask;
      }
      slots[3 * j] = old[i];
      slots[3 * j + 1] = old[i + 1];
      slots[3 * j + 2] = packed;
    }
  }

  private void growWide() {
    long[] old = wideSlots;
    int capacity = (wideMask + 1) * 2;
    wideSlots = new long[5 * capacity];
    wideMask = capacity - 1;
    for (int at = 0; at < old.length; at += 5) {
      long packed = old[at + 4];
      if ((int) packed == 0) {
        continue;
      }
      int j = hash(old[at] ^ old[at + 1], old[at + 2] ^ old[at + 3], (int) (packed >>> 32)) & wideMask;
      while ((int) wideSlots[5 * j + 4] != 0) {
        j = (j + 1) & wideMask;
      }
      System.arraycopy(old, at, wideSlots, 5 * j, 5);
    }
  }

  /**
   * Reads the first slot where a pair would be, so that the memory is in the cache when the pair
   * is looked up soon after; see {@link UidTable#touch}.
   */
  long touch(long sourceHigh, long sourceLow, long destinationHigh, long destinationLow, int port) {
    if (sourceHigh != 0 || destinationHigh != 0) {
      return 0;
    }
    return slots[3 * (hash(sourceLow, destinationLow, port) & mask)];
  }

  /** Returns the details of a pair, creating them on first use. */
  Pair details(int id) {
    Pair pair = details[id];
    if (pair == null) {
      pair = new Pair(id);
      details[id] = pair;
    }
    return pair;
  }

  /** Returns the details of a pair, or {@code null} when none were needed. */
  Pair detailsOrNull(int id) {
    return details[id];
  }

  IpAddress source(int id) {
    return IpAddress.of(sourceHighs[id], sourceLows[id]);
  }

  IpAddress destination(int id) {
    return IpAddress.of(destinationHighs[id], destinationLows[id]);
  }

  int port(int id) {
    return ports[id];
  }

  int size() {
    return count;
  }
}
