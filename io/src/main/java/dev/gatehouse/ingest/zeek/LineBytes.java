package dev.gatehouse.ingest.zeek;

/** Checks on the bytes of one line that the sequential and the parallel readers share. */
final class LineBytes {

  private static final int UTF8_BOM_LENGTH = 3;

  private LineBytes() {}

  /** Returns the position after a UTF-8 byte order mark at {@code from}, or {@code from} when there is none. */
  static int skipByteOrderMark(byte[] buffer, int from, int to) {
    boolean bom = to - from >= UTF8_BOM_LENGTH
        && buffer[from] == (byte) 0xef
        && buffer[from + 1] == (byte) 0xbb
        && buffer[from + 2] == (byte) 0xbf;
    return bom ? from + UTF8_BOM_LENGTH : from;
  }

  /** Returns whether {@code buffer[from, to)} contains only spaces, tabs and carriage returns. */
  static boolean isBlank(byte[] buffer, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = buffer[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
