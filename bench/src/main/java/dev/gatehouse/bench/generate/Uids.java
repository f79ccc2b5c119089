package dev.gatehouse.bench.generate;

/** Zeek-style connection uids: 'C' and 17 base62 characters, distinct for distinct numbers. */
final class Uids {

  /** Added to the numbers of conn.log rows that have no ssh.log row, to keep them apart. */
  static final long OTHER_CONNECTIONS = 1L << 62;

  private static final char[] DIGITS =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  private Uids() {}

  /**
   * Returns the uid of connection {@code number}. The first 11 characters encode a bijective mix
   * of the number (62^11 exceeds 2^64), so distinct numbers give distinct uids.
   */
  static String of(long number) {
    char[] uid = new char[18];
    uid[0] = 'C';
    long mixed = mix(number ^ 0x632be59bd9b4e019L);
    for (int i = 11; i >= 1; i--) {
      uid[i] = DIGITS[(int) Long.remainderUnsigned(mixed, 62)];
      mixed = Long.divideUnsigned(mixed, 62);
    }
    long tail = mix(number ^ 0x5deece66dL);
    for (int i = 12; i < 18; i++) {
      uid[i] = DIGITS[(int) Long.remainderUnsigned(tail, 62)];
      tail = Long.divideUnsigned(tail, 62);
    }
    return new String(uid);
  }

  /** Returns the SplitMix64 finalizer of {@code z}, a bijection on 64-bit values. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
