package dev.gatehouse.ingest;

import java.io.IOException;

/**
 * Thrown by a stream from {@link Decompression#open} when the compressed data ends early or
 * cannot be decoded. The bytes decoded before the failure are valid and may be used.
 */
public final class CorruptInputException extends IOException {

  private final String format;
  private final boolean truncated;

  CorruptInputException(String format, boolean truncated, Throwable cause) {
    super(describe(format, truncated, cause), cause);
    this.format = format;
    this.truncated = truncated;
  }

  private static String describe(String format, boolean truncated, Throwable cause) {
    String detail = cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")";
    return truncated
        ? "the " + format + " stream ends before its end marker" + detail
        : "the " + format + " data is corrupt" + detail;
  }

  /** Returns the compression format: {@code gzip} or {@code zstd}. */
  public String format() {
    return format;
  }

  /**
   * Returns whether the compressed input ended before the decoder expected, as in a file cut
   * during copying or still being written. Otherwise the data itself was invalid.
   */
  public boolean truncated() {
    return truncated;
  }
}
