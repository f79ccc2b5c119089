package dev.gatehouse.ingest.zeek;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Decoding of Zeek's {@code \xNN} escapes and quoting of values for diagnostic messages. */
final class ZeekText {

  /** The maximum length of a value quoted in a message. Longer values are cut and end with "...". */
  static final int MAX_QUOTED_LENGTH = 64;

  private ZeekText() {}

  /**
   * Returns {@code bytes[from, to)} with every {@code \xNN} escape replaced by the byte it
   * encodes. Zeek's ASCII writer escapes the separator, non-printable and non-ASCII bytes this
   * way and leaves a backslash that starts no such escape as it is.
   */
  static byte[] unescape(byte[] bytes, int from, int to) {
    byte[] out = new byte[to - from];
    int length = 0;
    int i = from;
    while (i < to) {
      int value = escapedByteAt(bytes, i, to);
      if (value >= 0) {
        out[length++] = (byte) value;
        i += 4;
      } else {
        out[length++] = bytes[i++];
      }
    }
    if (length == out.length) {
      return out;
    }
    byte[] shorter = new byte[length];
    System.arraycopy(out, 0, shorter, 0, length);
    return shorter;
  }

  /** Returns {@code bytes[from, to)} unescaped and decoded as UTF-8. */
  static String decode(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\\') {
        byte[] unescaped = unescape(bytes, from, to);
        return new String(unescaped, StandardCharsets.UTF_8);
      }
    }
    return new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }

  /** Returns the byte of the {@code \xNN} escape at {@code i}, or -1 when none starts there. */
  private static int escapedByteAt(byte[] bytes, int i, int to) {
    if (i + 3 >= to || bytes[i] != '\\' || bytes[i + 1] != 'x') {
      return -1;
    }
    int high = Character.digit(bytes[i + 2], 16);
    int low = Character.digit(bytes[i + 3], 16);
    return high < 0 || low < 0 ? -1 : high << 4 | low;
  }

  /**
   * Returns {@code value} in single quotes for a message, written as by {@link #printable} with
   * at most {@link #MAX_QUOTED_LENGTH} characters.
   */
  static String quote(CharSequence value) {
    return "'" + printable(value, MAX_QUOTED_LENGTH) + "'";
  }

  /**
   * Returns {@code value} with characters outside printable ASCII written as {@code \xNN} or
   * {@code \}{@code uNNNN}, so that input cannot inject terminal control sequences into a
   * message, and cut after {@code maxLength} characters with "..." appended.
   */
  static String printable(CharSequence value, int maxLength) {
    int kept = Math.min(value.length(), maxLength);
    StringBuilder out = new StringBuilder(kept + 8);
    for (int i = 0; i < kept; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else if (c < 0x100) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    if (kept < value.length()) {
      out.append("...");
    }
    return out.toString();
  }

  /** Returns names joined as "a", "a and b" or "a, b and c". */
  static String joinNames(List<String> names) {
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }
}
