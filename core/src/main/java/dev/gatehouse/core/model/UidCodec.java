package dev.gatehouse.core.model;

/**
 * Packs connection uids into 128 bits so that the model can index millions of sessions without
 * a {@link String} per session.
 *
 * <p>Zeek writes a connection uid as {@code C} and up to 17 base-62 digits (two numbers in base
 * 62, 96 bits by default). A uid of 1 to 20 ASCII letters and digits is <em>packable</em>: each
 * character becomes a 6-bit code (digits 1-10, upper case 11-36, lower case 37-62, in ASCII
 * order), left-aligned, ten characters in the top 60 bits of {@link #high} and ten in the top 60
 * bits of {@link #low}, the rest zero. The packing keeps the text (see {@link #format}) and its
 * order: comparing packed uids as unsigned 128-bit numbers orders them as {@link
 * String#compareTo} orders the text. Other uids are kept as text by the callers.
 *
 * <p>A codec keeps the result of its last {@link #parse} and is confined to one thread.
 */
final class UidCodec {

  static final int MAX_LENGTH = 20;
  private static final int PER_WORD = 10;

  /** The first ten characters of the last uid parsed. */
  long high;
  /** Characters 11 to 20 of the last uid parsed. */
  long low;

  private static final byte[] CODES = new byte[128];
  private static final char[] CHARACTERS = new char[64];

  static {
    int code = 1;
    for (char c = '0'; c <= '9'; c++) {
      CHARACTERS[code] = c;
      CODES[c] = (byte) code++;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      CHARACTERS[code] = c;
      CODES[c] = (byte) code++;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      CHARACTERS[code] = c;
      CODES[c] = (byte) code++;
    }
  }

  /** Parses {@code uid}; on success the packed form is in {@link #high} and {@link #low}. */
  boolean parse(CharSequence uid) {
    int length = uid.length();
    if (length == 0 || length > MAX_LENGTH) {
      return false;
    }
    long first = 0;
    long second = 0;
    for (int i = 0; i < length; i++) {
      char c = uid.charAt(i);
      int code = c < 128 ? CODES[c] : 0;
      if (code == 0) {
        return false;
      }
      if (i < PER_WORD) {
        first |= (long) code << (58 - 6 * i);
      } else {
        second |= (long) code << (58 - 6 * (i - PER_WORD));
      }
    }
    high = first;
    low = second;
    return true;
  }

  /** Parses the ASCII uid in {@code bytes[from, to)} like {@link #parse(CharSequence)}. */
  boolean parse(byte[] bytes, int from, int to) {
    int length = to - from;
    if (length <= 0 || length > MAX_LENGTH) {
      return false;
    }
    long first = 0;
    long second = 0;
    for (int i = 0; i < length; i++) {
      int b = bytes[from + i];
      int code = b >= 0 ? CODES[b] : 0;
      if (code == 0) {
        return false;
      }
      if (i < PER_WORD) {
        first |= (long) code << (58 - 6 * i);
      } else {
        second |= (long) code << (58 - 6 * (i - PER_WORD));
      }
    }
    high = first;
    low = second;
    return true;
  }

  /** Returns the uid text of a packed uid. */
  static String format(long high, long low) {
    StringBuilder text = new StringBuilder(MAX_LENGTH);
    for (int i = 0; i < MAX_LENGTH; i++) {
      long word = i < PER_WORD ? high : low;
      int code = (int) (word >>> (58 - 6 * (i % PER_WORD))) & 0x3f;
      if (code == 0) {
        break;
      }
      text.append(CHARACTERS[code]);
    }
    return text.toString();
  }
}
