package dev.gatehouse.core.model;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A map from connection uids to non-zero {@code int} values, or a set of uids, sized for
 * millions of entries.
 *
 * <p>Packable uids ({@link UidCodec}) are kept as 128-bit keys in open-addressing tables with
 * linear probing: four ints a slot for a set (16 bytes), five for a map (the value in the
 * fifth), filled to at most 4/5 and grown by half, so on average about 2/3 full. The table is
 * split into 1024 segments chosen by the hash, and each segment grows on its own, so growing
 * copies a small part of the entries at a time instead of holding two full tables at once.
 * Segments are made of pages of 64 slots. The pages a growing segment leaves are cleared and
 * reused by the next one, so growth leaves no garbage that the collector would promote and then
 * find dead in the old generation. Other uids go to a {@link HashMap} by their text.
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

  private static final int SEGMENT_BITS = 10;
  private static final int PAGE_BITS = 6;
  /** Slots a page. */
  private static final int PAGE_SLOTS = 1 << PAGE_BITS;
  /** The value a set returns for a present uid. */
  private static final int PRESENT = 1;

  private final Segment[] segments = new Segment[1 << SEGMENT_BITS];
  private final Map<String, Integer> textual = new HashMap<>();
  /** Ints a slot: the key's four halves, and in a map the value. */
  private final int stride;
  /** Pages freed by growing segments, cleared, for the next segment that grows. */
  private final ArrayDeque<int[]> freePages = new ArrayDeque<>();

  /**
   * One open-addressing table in pages of {@link #PAGE_SLOTS} slots; a slot is empty when its
   * key is all zero, which no packed uid is.
   */
  private static final class Segment {
    int[][] pages;
    int capacity;
    int size;
  }

  /**
   * Creates a table.
   *
   * @param values whether the table keeps a value per uid; a set returns 1 for a present uid
   */
  UidTable(boolean values) {
    this.stride = values ? 5 : 4;
    for (int i = 0; i < segments.length; i++) {
      Segment segment = new Segment();
      segment.pages = new int[][] {new int[stride * PAGE_SLOTS]};
      segment.capacity = PAGE_SLOTS;
      segments[i] = segment;
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

  /** Maps the low 32 bits of the hash onto {@code [0, capacity)}. */
  private static int home(long hash, int capacity) {
    return (int) (((hash & 0xffff_ffffL) * capacity) >>> 32);
  }

  private static boolean matches(int[] page, int at, long high, long low) {
    return page[at] == (int) (high >>> 32) && page[at + 1] == (int) high
        && page[at + 2] == (int) (low >>> 32) && page[at + 3] == (int) low;
  }

  private static boolean isEmpty(int[] page, int at) {
    return (page[at] | page[at + 1] | page[at + 2] | page[at + 3]) == 0;
  }

  /** Returns the slot of a packed uid, or of the empty slot where it would go. */
  private int find(Segment segment, long hash, long high, long low) {
    int[][] pages = segment.pages;
    int capacity = segment.capacity;
    int slot = home(hash, capacity);
    while (true) {
      int[] page = pages[slot >>> PAGE_BITS];
      int at = stride * (slot & (PAGE_SLOTS - 1));
      if (isEmpty(page, at) || matches(page, at, high, low)) {
        return slot;
      }
      slot = slot + 1 == capacity ? 0 : slot + 1;
    }
  }

  private int[] page(Segment segment, int slot) {
    return segment.pages[slot >>> PAGE_BITS];
  }

  private int offset(int slot) {
    return stride * (slot & (PAGE_SLOTS - 1));
  }

  private int valueAt(int[] page, int at) {
    if (isEmpty(page, at)) {
      return 0;
    }
    return stride == 5 ? page[at + 4] : PRESENT;
  }

  /**
   * Reads the first slot where a packed uid would be, so that the memory is in the cache when
   * the uid is looked up soon after. A caller touches the uids of several rows before it looks
   * any of them up: the reads do not wait for one another, while each lookup waits for its own.
   *
   * @return a word of the slot, for the caller to fold into a value it keeps
   */
  int touch(long high, long low) {
    long hash = hash(high, low);
    Segment segment = segment(hash);
    int slot = home(hash, segment.capacity);
    return page(segment, slot)[offset(slot)];
  }

  /** Returns the value of a packed uid, or 0 when it is absent. */
  int get(long high, long low) {
    long hash = hash(high, low);
    Segment segment = segment(hash);
    int slot = find(segment, hash, high, low);
    return valueAt(page(segment, slot), offset(slot));
  }

  /**
   * Inserts a packed uid with {@code value} unless it is present; a set ignores the value.
   *
   * @return the present value, or 0 when the uid was inserted
   */
  int putIfAbsent(long high, long low, int value) {
    long hash = hash(high, low);
    Segment segment = segment(hash);
    int slot = find(segment, hash, high, low);
    int[] page = page(segment, slot);
    int at = offset(slot);
    if (!isEmpty(page, at)) {
      return valueAt(page, at);
    }
    page[at] = (int) (high >>> 32);
    page[at + 1] = (int) high;
    page[at + 2] = (int) (low >>> 32);
    page[at + 3] = (int) low;
    if (stride == 5) {
      page[at + 4] = value;
    }
    if (++segment.size * 5 > segment.capacity * 4) {
      grow(segment);
    }
    return 0;
  }

  /** Replaces the value of a packed uid that is present in a map. */
  void replace(long high, long low, int value) {
    long hash = hash(high, low);
    Segment segment = segment(hash);
    int slot = find(segment, hash, high, low);
    int[] page = page(segment, slot);
    int at = offset(slot);
    if (isEmpty(page, at)) {
      throw new IllegalStateException("uid " + UidCodec.format(high, low) + " is not in the table");
    }
    page[at + 4] = value;
  }

  /** Removes a packed uid and returns its value, or 0 when it was absent. */
  int remove(long high, long low) {
    long hash = hash(high, low);
    Segment segment = segment(hash);
    int capacity = segment.capacity;
    int gap = find(segment, hash, high, low);
    int removed = valueAt(page(segment, gap), offset(gap));
    if (removed == 0) {
      return 0;
    }
    // Backward-shift deletion: move later entries of the probe run into the gap when the gap
    // lies between their home slot and where they are.
    int j = gap;
    while (true) {
      j = j + 1 == capacity ? 0 : j + 1;
      int[] page = page(segment, j);
      int at = offset(j);
      if (isEmpty(page, at)) {
        break;
      }
      int home = home(hash(keyHigh(page, at), keyLow(page, at)), capacity);
      if (Math.floorMod(j - home, capacity) >= Math.floorMod(j - gap, capacity)) {
        System.arraycopy(page, at, page(segment, gap), offset(gap), stride);
        gap = j;
      }
    }
    Arrays.fill(page(segment, gap), offset(gap), offset(gap) + stride, 0);
    segment.size--;
    return removed;
  }

  private static long keyHigh(int[] page, int at) {
    return ((long) page[at] << 32) | (page[at + 1] & 0xffff_ffffL);
  }

  private static long keyLow(int[] page, int at) {
    return ((long) page[at + 2] << 32) | (page[at + 3] & 0xffff_ffffL);
  }

  /** Moves a segment into half as many pages again, taking pages from the free ones first. */
  private void grow(Segment segment) {
    int[][] old = segment.pages;
    int pageCount = old.length + (old.length + 1) / 2;
    int[][] pages = new int[pageCount][];
    for (int i = 0; i < pageCount; i++) {
      int[] page = freePages.poll();
      pages[i] = page != null ? page : new int[stride * PAGE_SLOTS];
    }
    int capacity = pageCount * PAGE_SLOTS;
    for (int[] oldPage : old) {
      for (int at = 0; at < oldPage.length; at += stride) {
        if (isEmpty(oldPage, at)) {
          continue;
        }
        int slot = home(hash(keyHigh(oldPage, at), keyLow(oldPage, at)), capacity);
        while (!isEmpty(pages[slot >>> PAGE_BITS], offset(slot))) {
          slot = slot + 1 == capacity ? 0 : slot + 1;
        }
        int[] page = pages[slot >>> PAGE_BITS];
        int to = offset(slot);
        for (int k = 0; k < stride; k++) {
          page[to + k] = oldPage[at + k];
        }
      }
    }
    segment.pages = pages;
    segment.capacity = capacity;
    for (int[] oldPage : old) {
      Arrays.fill(oldPage, 0);
      freePages.push(oldPage);
    }
  }

  /** Returns the value of a uid that is not packable, or 0 when it is absent. */
  int getText(String uid) {
    Integer value = textual.get(uid);
    return value == null ? 0 : value;
  }

  /** Like {@link #putIfAbsent(long, long, int)} for a uid that is not packable. */
  int putIfAbsentText(String uid, int value) {
    Integer present = textual.putIfAbsent(uid, stride == 5 ? value : PRESENT);
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
      for (int[] page : segment.pages) {
        for (int at = 0; at < page.length; at += stride) {
          if (!isEmpty(page, at)) {
            visitor.visit(keyHigh(page, at), keyLow(page, at), null, valueAt(page, at));
          }
        }
      }
    }
    textual.forEach((text, value) -> visitor.visit(0, 0, text, value));
  }
}
