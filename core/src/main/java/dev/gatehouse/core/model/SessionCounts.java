package dev.gatehouse.core.model;

/** Sessions of one (source, destination, port) by certainty. */
public record SessionCounts(long confirmed, long likely, long unknown, long failed) {

  /** Returns the count for {@code certainty}. */
  public long of(Certainty certainty) {
    return switch (certainty) {
      case CONFIRMED -> confirmed;
      case LIKELY -> likely;
      case UNKNOWN -> unknown;
      case FAILED -> failed;
    };
  }
}
