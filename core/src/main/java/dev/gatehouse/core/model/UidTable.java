package dev.gatehouse.core.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A map from connection uids to non-zero {@code int} values, sized for millions of entries.
 *
 * <p>Packable uids ({@link UidCodec}) are kept as 128-bit keys in open-addressing tables with
 * linear probing: five ints a slot (the key's four halves and the value, 20 bytes), filled to
 * at most 3/4. The table is split into 64 segments chosen by the hash, and each segment doubles
 * on its own, so growing copies 1/64 of the entries at a time instead of holding two full
 * tables at once. Other uids go to a {@link HashMap} by their text.
 *
 * <p>Not thread-safe.
 */
final class UidTable {

  /** Receives the entries of {@link #forEach}. */
  interface Visitor {
    /**
     * Receives one entry: a packed uid as {@code high} and {@code low} with {@code text} {@code
     * null}, or another uid as {@code text}.
     */
    void visit(long high, long low, String text, int value);
  }

  private static final int SEGMENT_BITS = 6;
  private static final int INITIAL_SLOTS = 16;
  private static final int STRIDE = 5;

  private final Segment[] segments = new Segment[1 << SEGMENT_BITS];
  private final Map<String, Integer> textual = new HashMap<>();

  /** One open-addressing table; slot i is {@code slots[5i..5i+4]}: high, low (two ints each), value. */
  private static final class Segment {
    int[] slots = new int[STRIDE * INITIAL_SLOTS];
    int mask = INITIAL_SLOTS - 1;
    int size;
  }

  UidTable() {
    for (int i = 0; i < segments.length; i++) {
      segments[i] = new Segment();
    }
  }

  static long hash(long high, long low) {
    long h = high * 0x9e37_79b9_7f4a_7c15L + low * 0xc2b2_ae3d_27d4_eb4fL;
    h ^= h >>> 31;
    h *= 0xbf58_476d_1ce4_e5b9L;
    return h ^ (h >>> 29);
  }

  private Segment segment(long hash) {
    return segments[(int) (hash >>> (64 - SEGMENT_BITS))];
  }

  private static boolean matches(int[] slots, int at, long high, long low) {
    return slots[at] == (int) (high >>> 32) && slots[at + 1] == (int) high
        && slots[at + 2] == (int) (low >>> 32) && slots[at + 3] == (int) low;
  }

  /** Returns the slot offset of a packed uid, or the offset of the empty slot where it would go. */
  private static int find(Segment segment, long hash, long high, long low) {
    int[] slots = segment.slots;
    int mask = segment.mask;
    for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
      int at = STRIDE * i;
      if (slots[at + 4] == 0 || matches(slots, at, high, low)) {
        return at;
      }
    }
  }

  /** Returns the value of a packed uid, or 0 when it is absent. */
  int get(long high, long low) {
    long hash = hash(high, low);
    Segment segment = segment(hash);
    return segment.slots[find(segment, hash, high, low) + 4];
  }

  /**
   * Inserts a packed uid with {@code value} unless it is present.
   *
   * @return the present value, or 0 when the uid was inserted
   */
  int putIfAbsent(long high, long low, int value) {
    long hash = hash(high, low);
    Segment segment = segment(hash);
    int at = find(segment, hash, high, low);
    int[] slots = segment.slots;
    if (slots[at + 4] != 0) {
      return slots[at + 4];
    }
    slots[at] = (int) (high >>> 32);
    slots[at + 1] = (int) high;
    slots[at + 2] = (int) (low >>> 32);
    slots[at + 3] = (int) low;
    slots[at + 4] = value;
    if (++segment.size > (segment.mask + 1) / 4 * 3) {
      grow(segment);
    }
    return 0;
  }

  /** Replaces the value of a packed uid that is present. */
  void replace(long high, long low, int value) {
    long hash = hash(high, low);
    Segment segment = segment(hash);
    int at = find(segment, hash, high, low);
    if (segment.slots[at + 4] == 0) {
      throw new IllegalStateException("uid " + UidCodec.format(high, low) + " is not in the table");
    }
    segment.slots[at + 4] = value;
  }

  /** Removes a packed uid and returns its value, or 0 when it was absent. */
  int remove(long high, long low) {
    long hash = hash(high, low);
    Segment segment = segment(hash);
    int[] slots = segment.slots;
    int mask = segment.mask;
    int at = find(segment, hash, high, low);
    int removed = slots[at + 4];
    if (removed == 0) {
      return 0;
    }
    // Backward-shift deletion: move later entries of the probe run into the gap.
    int gap = at / STRIDE;
    for (int j = (gap + 1) & mask; ; j = (j + 1) & mask) {
      int entry = STRIDE * j;
      if (slots[entry + 4] == 0) {
        break;
      }
      int home = (int) hash(keyHigh(slots, entry), keyLow(slots, entry)) & mask;
      boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
      if (movable) {
        System.arraycopy(slots, entry, slots, STRIDE * gap, STRIDE);
        gap = j;
      }
    }
    Arrays.fill(slots, STRIDE * gap, STRIDE * gap + STRIDE, 0);
    segment.size--;
    return removed;
  }

  private static long keyHigh(int[] slots, int at) {
    return ((long) slots[at] << 32) | (slots[at + 1] & 0xffff_ffffL);
  }

  private static long keyLow(int[] slots, int at) {
    return ((long) slots[at + 2] << 32) | (slots[at + 3] & 0xffff_ffffL);
  }

  private static void grow(Segment segment) {
    int[] old = segment.slots;
    int capacity = (segment.mask + 1) * 2;
    int[] slots = new int[STRIDE * capacity];
    int mask = capacity - 1;
    for (int at = 0; at < old.length; at += STRIDE) {
      if (old[at + 4] == 0) {
        continue;
      }
      int j = (int) hash(keyHigh(old, at), keyLow(old, at)) & mask;
      while (slots[STRIDE * j + 4] != 0) {
        j = (j + 1) & mask;
      }
      System.arraycopy(old, at, slots, STRIDE * j, STRIDE);
    }
    segment.slots = slots;
    segment.mask = mask;
  }

  /** Returns the value of a uid that is not packable, or 0 when it is absent. */
  int getText(String uid) {
    Integer value = textual.get(uid);
    return value == null ? 0 : value;
  }

  /** Like {@link #putIfAbsent(long, long, int)} for a uid that is not packable. */
  int putIfAbsentText(String uid, int value) {
    Integer present = textual.putIfAbsent(uid, value);
    return present == null ? 0 : present;
  }

  /** Like {@link #replace(long, long, int)} for a uid that is not packable. */
  void replaceText(String uid, int value) {
    textual.put(uid, value);
  }

  /** Like {@link #remove(long, long)} for a uid that is not packable. */
  int removeText(String uid) {
    Integer removed = textual.remove(uid);
    return removed == null ? 0 : removed;
  }

  /** Returns the number of entries. */
  long size() {
    long total = textual.size();
    for (Segment segment : segments) {
      total += segment.size;
    }
    return total;
  }

  /** Passes every entry to {@code visitor}, in no particular order. */
  void forEach(Visitor visitor) {
    for (Segment segment : segments) {
      int[] slots = segment.slots;
      for (int at = 0; at < slots.length; at += STRIDE) {
        if (slots[at + 4] != 0) {
          visitor.visit(keyHigh(slots, at), keyLow(slots, at), null, slots[at + 4]);
        }
      }
    }
    textual.forEach((text, value) -> visitor.visit(0, 0, text, value));
  }
}
