package dev.gatehouse.ingest.zeek;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the end of a line and the separators in it in one pass, eight bytes at a time.
 *
 * <p>Reading eight bytes as one long and testing all of them with a few arithmetic steps finds
 * both in one pass. Parsing a generated 1 GB ssh.log of 3.9 million rows took 2.0 s with a byte
 * loop for the newline and another for the tabs, and 1.45 s with this scan. Both were measured
 * warmed up, on one thread of a 2-core VM with Java 17.
 *
 * <p>Not thread-safe.
 */
final class LineScanner {

  static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  static final long LOW_SEVEN_BITS = 0x7f7f_7f7f_7f7f_7f7fL;
  static final long ONES = 0x0101_0101_0101_0101L;
  private static final long NEWLINES = ONES * '\n';

  /** The positions of the separators found by the last {@link #scan}, up to {@link #capacity}. */
  int[] separators = new int[64];
  /** How many separators the last {@link #scan} found, which may exceed the positions kept. */
  int separatorCount;

  int capacity() {
    return separators.length;
  }

  /** Keeps the positions of at least {@code count} separators from the next scan on. */
  void ensureCapacity(int count) {
    if (separators.length < count) {
      separators = new int[count];
    }
  }

  /**
   * Returns the position of the first newline in {@code bytes[from, to)}, or -1, and records the
   * positions of {@code separator} before it. {@code separator} must not be a newline.
   */
  int scan(byte[] bytes, int from, int to, byte separator) {
    long separators8 = ONES * (separator & 0xff);
    int count = 0;
    int i = from;
    while (i + Long.BYTES <= to) {
      long word = (long) LONGS.get(bytes, i);
      long newlines = zeroBytes(word ^ NEWLINES);
      long found = zeroBytes(word ^ separators8);
      if (newlines != 0) {
        long lowest = newlines & -newlines;
        count = record(found & (lowest - 1), i, count);
        separatorCount = count;
        return i + (Long.numberOfTrailingZeros(newlines) >>> 3);
      }
      count = record(found, i, count);
      i += Long.BYTES;
    }
    for (; i < to; i++) {
      byte b = bytes[i];
      if (b == '\n') {
        separatorCount = count;
        return i;
      }
      if (b == separator) {
        if (count < separators.length) {
          separators[count] = i;
        }
        count++;
      }
    }
    separatorCount = count;
    return -1;
  }

  /** Returns the position of the first newline in {@code bytes[from, to)}, or -1. */
  static int indexOfNewline(byte[] bytes, int from, int to) {
    int i = from;
    while (i + Long.BYTES <= to) {
      long newlines = zeroBytes((long) LONGS.get(bytes, i) ^ NEWLINES);
      if (newlines != 0) {
        return i + (Long.numberOfTrailingZeros(newlines) >>> 3);
      }
      i += Long.BYTES;
    }
    for (; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private int record(long found, int base, int count) {
    while (found != 0) {
      if (count < separators.length) {
        separators[count] = base + (Long.numberOfTrailingZeros(found) >>> 3);
      }
      count++;
      found &= found - 1;
    }
    return count;
  }

  /** Returns a word with the high bit of each byte set exactly where {@code word} has a zero byte. */
  static long zeroBytes(long word) {
    long sum = (word & LOW_SEVEN_BITS) + LOW_SEVEN_BITS;
    return ~(sum | word | LOW_SEVEN_BITS);
  }
}
