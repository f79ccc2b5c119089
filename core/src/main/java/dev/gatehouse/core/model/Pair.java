package dev.gatehouse.core.model;

import dev.gatehouse.core.net.IpAddress;
import java.util.Arrays;

/**
 * The aggregates of one (external source, internal destination, destination port), updated as
 * sessions arrive in any order.
 *
 * <p>Failed sessions need the times of failures relative to the pair's first success, which can
 * still move earlier. The pair keeps the start times of the failures before its current first
 * success (all of them while it has none) and drops the others, which can never count again.
 */
final class Pair {

  final int id;
  /** The low 64 bits of the source and destination, when both high halves are zero. */
  final long sourceLow;
  final long destinationLow;
  final int port;
  /** The addresses when a high half is not zero, else {@code null}. */
  final PairKey wideKey;

  long failed;
  long unset;

  /** The earliest session that did not fail, for the detection id; {@code null} until one arrives. */
  SessionKey firstNonFailed;
  /** The earliest failed session, kept only when failed pairs are reported. */
  SessionKey firstFailed;

  private long[] failureTimes;
  private int failureCount;
  private boolean failureTimesSorted = true;

  PairReport report;

  Pair(int id, long sourceLow, long destinationLow, int port, PairKey wideKey) {
    this.id = id;
    this.sourceLow = sourceLow;
    this.destinationLow = destinationLow;
    this.port = port;
    this.wideKey = wideKey;
  }

  IpAddress source() {
    return wideKey != null ? wideKey.source() : IpAddress.of(0L, sourceLow);
  }

  IpAddress destination() {
    return wideKey != null ? wideKey.destination() : IpAddress.of(0L, destinationLow);
  }

  PairReport report() {
    if (report == null) {
      report = new PairReport();
    }
    return report;
  }

  /** Records a failed session that started at {@code ts}. */
  void addFailure(long ts) {
    failed++;
    if (report != null && ts >= report.firstSuccess) {
      return;
    }
    if (failureTimes == null) {
      failureTimes = new long[2];
    } else if (failureCount == failureTimes.length) {
      failureTimes = Arrays.copyOf(failureTimes, failureCount + (failureCount >> 1) + 1);
    }
    if (failureCount > 0 && ts < failureTimes[failureCount - 1]) {
      failureTimesSorted = false;
    }
    failureTimes[failureCount++] = ts;
  }

  /** Records a confirmed or likely session that started at {@code ts}. */
  void addSuccess(long ts) {
    PairReport r = report();
    if (ts >= r.firstSuccess) {
      return;
    }
    r.firstSuccess = ts;
    if (failureCount == 0 || (failureTimesSorted && failureTimes[failureCount - 1] < ts)) {
      return;
    }
    if (!failureTimesSorted) {
      Arrays.sort(failureTimes, 0, failureCount);
      failureTimesSorted = true;
    }
    // Keep the failures strictly before the new first success.
    int keep = 0;
    while (keep < failureCount && failureTimes[keep] < ts) {
      keep++;
    }
    failureCount = keep;
    if (failureTimes.length > 2 * keep + 2) {
      failureTimes = Arrays.copyOf(failureTimes, keep + 1);
    }
  }

  /** Returns the failed sessions that started before the first confirmed or likely session. */
  long failuresBeforeFirstSuccess() {
    return failureCount;
  }

  /** Records a session that did not fail, keeping the earliest. */
  void offerNonFailed(SessionKey key) {
    if (firstNonFailed == null || key.compareTo(firstNonFailed) < 0) {
      firstNonFailed = key;
    }
  }

  void offerFailed(SessionKey key) {
    if (firstFailed == null || key.compareTo(firstFailed) < 0) {
      firstFailed = key;
    }
  }
}
