package dev.gatehouse.core.model;

import java.util.Arrays;

/**
 * The start time and pair of every failed external-to-internal session, appended in arrival
 * order: 12 bytes a session, written sequentially.
 *
 * <p>A detection counts the failures of its pair before the pair's first success, and that
 * success can move earlier with every row until the end of the run. The log lets the model
 * count them once at the end, in one pass over the log, instead of keeping a list per pair.
 *
 * <p>Not thread-safe.
 */
final class FailureLog {

  private static final int PAGE_BITS = 14;
  private static final int PAGE_SIZE = 1 << PAGE_BITS;

  private int[][] pairIds = new int[0][];
  private long[][] timestamps = new long[0][];
  private long size;

  void add(int pairId, long timestampMicros) {
    int page = (int) (size >>> PAGE_BITS);
    int index = (int) size & (PAGE_SIZE - 1);
    if (page == pairIds.length) {
      pairIds = Arrays.copyOf(pairIds, page + 1);
      timestamps = Arrays.copyOf(timestamps, page + 1);
      pairIds[page] = new int[PAGE_SIZE];
      timestamps[page] = new long[PAGE_SIZE];
    }
    pairIds[page][index] = pairId;
    timestamps[page][index] = timestampMicros;
    size++;
  }

  /**
   * Returns, for each pair id below {@code pairCount}, how many of its failures started before
   * {@code firstSuccess[id]}; a pair without a success has {@link Long#MAX_VALUE} there.
   */
  long[] countBefore(long[] firstSuccess, int pairCount) {
    long[] counts = new long[pairCount];
    for (long i = 0; i < size; i++) {
      int page = (int) (i >>> PAGE_BITS);
      int index = (int) i & (PAGE_SIZE - 1);
      int pairId = pairIds[page][index];
      if (timestamps[page][index] < firstSuccess[pairId]) {
        counts[pairId]++;
      }
    }
    return counts;
  }
}
