package dev.gatehouse.core.record;

/**
 * The place a record was read from.
 *
 * @param source the file path as given, or {@code -} for standard input
 * @param line the 1-based line number within the decompressed source
 */
public record RecordOrigin(String source, long line) {

  @Override
  public String toString() {
    return source + ":" + line;
  }
}
