package dev.gatehouse.core.model;

import java.util.Arrays;

/**
 * Sessions whose {@code auth_success} is unset and whose conn.log row has not arrived yet, in
 * columns of primitive pages: 60 bytes a session, of which 28 are the ids of its profile values
 * ({@link ProfileValues}). A slot is freed when the session is graded
 * and reused by the next one, so growing never copies a page.
 *
 * <p>Not thread-safe.
 */
final class PendingSessions {

  private static final int PAGE_BITS = 12;
  private static final int PAGE_SIZE = 1 << PAGE_BITS;
  private static final int PAGE_MASK = PAGE_SIZE - 1;

  private long[][] timestamps = new long[0][];
  private long[][] lines = new long[0][];
  /** Originator port in the high half, auth_attempts in the low half. */
  private long[][] portsAndAttempts = new long[0][];
  private int[][] sourceIds = new int[0][];
  /** Seven profile value ids a session. */
  private int[][] profileIds = new int[0][];
  private int[][] pairIds = new int[0][];

  private int allocated;
  private int[] free = new int[16];
  private int freeCount;

  /** Returns the slot the next {@link #add} will use. */
  int nextSlot() {
    return freeCount > 0 ? free[freeCount - 1] : allocated;
  }

  /**
   * Stores a session in the slot {@link #nextSlot} returned.
   *
   * @param profile the ids of its profile values, or {@code null} when they are not kept
   */
  void add(long ts, int originatorPort, int authAttempts, int sourceId, long line, int[] profile,
      int pairId) {
    int slot;
    if (freeCount > 0) {
      slot = free[--freeCount];
    } else {
      slot = allocated++;
      if ((slot >>> PAGE_BITS) == timestamps.length) {
        addPage();
      }
    }
    int page = slot >>> PAGE_BITS;
    int index = slot & PAGE_MASK;
    timestamps[page][index] = ts;
    lines[page][index] = line;
    portsAndAttempts[page][index] = ((long) originatorPort << 32) | (authAttempts & 0xffff_ffffL);
    sourceIds[page][index] = sourceId;
    if (profile == null) {
      Arrays.fill(profileIds[page], index * ProfileValues.FIELDS,
          (index + 1) * ProfileValues.FIELDS, -1);
    } else {
      System.arraycopy(profile, 0, profileIds[page], index * ProfileValues.FIELDS, ProfileValues.FIELDS);
    }
    pairIds[page][index] = pairId;
  }

  private void addPage() {
    int pages = timestamps.length + 1;
    timestamps = Arrays.copyOf(timestamps, pages);
    lines = Arrays.copyOf(lines, pages);
    portsAndAttempts = Arrays.copyOf(portsAndAttempts, pages);
    sourceIds = Arrays.copyOf(sourceIds, pages);
    profileIds = Arrays.copyOf(profileIds, pages);
    pairIds = Arrays.copyOf(pairIds, pages);
    int last = pages - 1;
    timestamps[last] = new long[PAGE_SIZE];
    lines[last] = new long[PAGE_SIZE];
    portsAndAttempts[last] = new long[PAGE_SIZE];
    sourceIds[last] = new int[PAGE_SIZE];
    profileIds[last] = new int[PAGE_SIZE * ProfileValues.FIELDS];
    pairIds[last] = new int[PAGE_SIZE];
  }

  /** Frees a slot after its session was graded. */
  void release(int slot) {
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, freeCount * 2);
    }
    free[freeCount++] = slot;
  }

  long timestamp(int slot) {
    return timestamps[slot >>> PAGE_BITS][slot & PAGE_MASK];
  }

  long line(int slot) {
    return lines[slot >>> PAGE_BITS][slot & PAGE_MASK];
  }

  int originatorPort(int slot) {
    return (int) (portsAndAttempts[slot >>> PAGE_BITS][slot & PAGE_MASK] >>> 32);
  }

  int authAttempts(int slot) {
    return (int) portsAndAttempts[slot >>> PAGE_BITS][slot & PAGE_MASK];
  }

  int sourceId(int slot) {
    return sourceIds[slot >>> PAGE_BITS][slot & PAGE_MASK];
  }

  /** Copies the profile value ids of a slot into {@code target}. */
  void profile(int slot, int[] target) {
    System.arraycopy(profileIds[slot >>> PAGE_BITS], (slot & PAGE_MASK) * ProfileValues.FIELDS,
        target, 0, ProfileValues.FIELDS);
  }

  int pairId(int slot) {
    return pairIds[slot >>> PAGE_BITS][slot & PAGE_MASK];
  }
}
