package dev.gatehouse.core.model;

import dev.gatehouse.core.net.IpAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The pairs of a run by (source, destination, port), and by the id each pair gets when created.
 *
 * <p>Pairs whose addresses both have a zero high half, which includes every IPv4 address, are
 * found in an open-addressing table of three longs a slot (source low, destination low, port
 * and id), filled to at most 2/3. Other pairs go to a {@link HashMap}.
 *
 * <p>Not thread-safe.
 */
final class PairTable {

  private long[] slots = new long[3 * 64];
  private int mask = 63;
  private int narrowCount;
  private final Map<PairKey, Pair> wide = new HashMap<>();
  private Pair[] byId = new Pair[64];
  private int count;

  private static int hash(long sourceLow, long destinationLow, int port) {
    long h = sourceLow * 0x9e37_79b9_7f4a_7c15L ^ destinationLow * 0xc2b2_ae3d_27d4_eb4fL ^ port;
    h ^= h >>> 32;
    h *= 0xd6e8_feb8_6659_fd93L;
    return (int) (h ^ (h >>> 32));
  }

  /** Returns the pair, creating it when it is new. */
  Pair getOrCreate(long sourceHigh, long sourceLow, long destinationHigh, long destinationLow, int port) {
    if (sourceHigh != 0 || destinationHigh != 0) {
      PairKey key = new PairKey(IpAddress.of(sourceHigh, sourceLow),
          IpAddress.of(destinationHigh, destinationLow), port);
      return wide.computeIfAbsent(key, k -> add(new Pair(count, 0, 0, port, k)));
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
        return byId[(int) packed - 1];
      }
      i = (i + 1) & mask;
    }
    Pair pair = add(new Pair(count, sourceLow, destinationLow, port, null));
    slots[3 * i] = sourceLow;
    slots[3 * i + 1] = destinationLow;
    slots[3 * i + 2] = tail | (pair.id + 1L);
    if (++narrowCount > (mask + 1) / 3 * 2) {
      grow();
    }
    return pair;
  }

  private Pair add(Pair pair) {
    if (count == byId.length) {
      byId = Arrays.copyOf(byId, count + (count >> 1));
    }
    byId[count++] = pair;
    return pair;
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

  Pair byId(int id) {
    return byId[id];
  }

  int size() {
    return count;
  }
}
