package dev.gatehouse.core.model;

/**
 * The state of a (source, destination, port) beyond the counters of {@link PairTable}: the keys
 * of its first sessions, for the detection id, and the aggregates of its reported sessions.
 * Created with the pair's first non-failed or reported session.
 */
final class Pair {

  final int id;

  /** The earliest session that did not fail, for the detection id; {@code null} until one arrives. */
  SessionKey firstNonFailed;
  /** The earliest failed session, kept only when failed pairs are reported. */
  SessionKey firstFailed;

  PairReport report;

  Pair(int id) {
    this.id = id;
  }

  PairReport report() {
    if (report == null) {
      report = new PairReport();
    }
    return report;
  }

  /** Records a confirmed or likely session that started at {@code ts}. */
  void addSuccess(long ts) {
    PairReport aggregates = report();
    aggregates.firstSuccess = Math.min(aggregates.firstSuccess, ts);
  }

  void offerFailed(SessionKey key) {
    if (firstFailed == null || key.compareTo(firstFailed) < 0) {
      firstFailed = key;
    }
  }
}
