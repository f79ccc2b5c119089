package dev.gatehouse.core.net;

/**
 * Strict parsing and RFC 5952 formatting of address literals.
 *
 * <p>Parsing accepts only ASCII digits, letters, dots and colons, and allocates nothing unless
 * the text is a valid address.
 */
final class AddressParser {

  /** The value {@link #parseIpv4Bits} returns for text that is not a dotted quad. */
  static final long INVALID = -1L;

  private AddressParser() {}

  /** Returns the address in {@code text[from, to)}, or {@code null} when it is not a literal. */
  static IpAddress parse(CharSequence text, int from, int to) {
    if (from >= to) {
      return null;
    }
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == ':') {
        return parseIpv6(text, from, to);
      }
    }
    long bits = parseIpv4Bits(text, from, to);
    return bits == INVALID ? null : IpAddress.ofIpv4((int) bits);
  }

  /**
   * Returns the 32 bits of the dotted quad in {@code text[from, to)} as a non-negative long, or
   * {@link #INVALID}.
   *
   * <p>Each of the four octets is 1 to 3 ASCII digits with a value of at most 255 and no leading
   * zero, because tools disagree on whether {@code 010} is octal.
   */
  static long parseIpv4Bits(CharSequence text, int from, int to) {
    long bits = 0L;
    int octets = 0;
    int i = from;
    while (true) {
      int start = i;
      int value = 0;
      while (i < to && i - start < 3 && isDecimalDigit(text.charAt(i))) {
        value = value * 10 + (text.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
        return INVALID;
      }
      bits = (bits << 8) | value;
      octets++;
      if (octets == 4) {
        return i == to ? bits : INVALID;
      }
      if (i == to || text.charAt(i) != '.') {
        return INVALID;
      }
      i++;
    }
  }

  /** Returns the 32 bits of the ASCII dotted quad in {@code bytes[from, to)} like {@link #parseIpv4Bits(CharSequence, int, int)}. */
  static long parseIpv4Bits(byte[] bytes, int from, int to) {
    long bits = 0L;
    int octets = 0;
    int i = from;
    while (true) {
      int start = i;
      int value = 0;
      while (i < to && i - start < 3 && bytes[i] >= '0' && bytes[i] <= '9') {
        value = value * 10 + (bytes[i] - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || value > 255 || (digits > 1 && bytes[start] == '0')) {
        return INVALID;
      }
      bits = (bits << 8) | value;
      octets++;
      if (octets == 4) {
        return i == to ? bits : INVALID;
      }
      if (i == to || bytes[i] != '.') {
        return INVALID;
      }
      i++;
    }
  }

  /** Per-thread space for the halves, so that rejected text allocates nothing. */
  private static final ThreadLocal<long[]> HALVES = ThreadLocal.withInitial(() -> new long[2]);

  /** Returns the IPv6 address in {@code text[from, to)}, which contains a colon, or {@code null}. */
  private static IpAddress parseIpv6(CharSequence text, int from, int to) {
    long[] halves = HALVES.get();
    return parseIpv6(text, from, to, halves) ? IpAddress.of(halves[0], halves[1]) : null;
  }

  /**
   * Parses the IPv6 address in {@code text[from, to)}, which contains at least one colon, into
   * {@code halves[0]} (upper 64 bits) and {@code halves[1]}, and returns whether it is valid.
   *
   * <p>Groups before the {@code ::} are placed at their final position as they are read. Groups
   * after it are shifted into a right-aligned accumulator, because their position is only known
   * at the end. The two halves never overlap, because {@code ::} stands for at least one group.
   */
  static boolean parseIpv6(CharSequence text, int from, int to, long[] halves) {
    long headHigh = 0L;
    long headLow = 0L;
    int headGroups = 0;
    long tailHigh = 0L;
    long tailLow = 0L;
    int tailGroups = 0;
    boolean compressed = false;

    int i = from;
    if (text.charAt(i) == ':') {
      if (i + 1 == to || text.charAt(i + 1) != ':') {
        return false;
      }
      compressed = true;
      i += 2;
      if (i == to) {
        halves[0] = 0L;
        halves[1] = 0L;
        return true;
      }
    }

    while (true) {
      int start = i;
      int value = 0;
      while (i < to && i - start < 4) {
        int digit = hexDigitValue(text.charAt(i));
        if (digit < 0) {
          break;
        }
        value = (value << 4) | digit;
        i++;
      }

      long pieceValue;
      int pieceGroups;
      boolean last;
      if (i < to && text.charAt(i) == '.') {
        long ipv4 = parseIpv4Bits(text, start, to);
        if (ipv4 == INVALID) {
          return false;
        }
        pieceValue = ipv4;
        pieceGroups = 2;
        last = true;
      } else if (i == start) {
        return false;
      } else {
        pieceValue = value;
        pieceGroups = 1;
        last = i == to;
      }

      if (headGroups + tailGroups + pieceGroups > 8) {
        return false;
      }
      int shift = 16 * pieceGroups;
      if (compressed) {
        tailHigh = (tailHigh << shift) | (tailLow >>> (64 - shift));
        tailLow = (tailLow << shift) | pieceValue;
        tailGroups += pieceGroups;
      } else {
        // An embedded IPv4 address ends the text, so a valid one always lands on groups 6 and 7.
        // At any other position the group count below rejects the text.
        int endGroup = headGroups + pieceGroups;
        if (endGroup <= 4) {
          headHigh |= pieceValue << (16 * (4 - endGroup));
        } else {
          headLow |= pieceValue << (16 * (8 - endGroup));
        }
        headGroups = endGroup;
      }

      if (last) {
        break;
      }
      if (text.charAt(i) != ':') {
        return false;
      }
      i++;
      if (i == to) {
        return false;
      }
      if (text.charAt(i) == ':') {
        if (compressed) {
          return false;
        }
        compressed = true;
        i++;
        if (i == to) {
          break;
        }
      }
    }

    int groups = headGroups + tailGroups;
    if (compressed ? groups > 7 : groups != 8) {
      return false;
    }
    halves[0] = headHigh | tailHigh;
    halves[1] = headLow | tailLow;
    return true;
  }

  private static boolean isDecimalDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int hexDigitValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /**
   * Formats an address: a dotted quad for IPv4 and IPv4-mapped addresses, and the RFC 5952
   * section 4 text for every other IPv6 address.
   *
   * <p>RFC 5952 writes lowercase hexadecimal without leading zeros, and replaces the longest run
   * of two or more zero groups with {@code ::}, taking the first run when two are equally long.
   */
  static String format(IpAddress address) {
    if (address.isIpv4()) {
      int bits = address.ipv4Bits();
      return (bits >>> 24) + "." + ((bits >>> 16) & 0xff) + "." + ((bits >>> 8) & 0xff) + "."
          + (bits & 0xff);
    }

    int bestStart = -1;
    int bestLength = 1;
    int runStart = -1;
    for (int g = 0; g <= 8; g++) {
      if (g < 8 && group(address, g) == 0) {
        if (runStart < 0) {
          runStart = g;
        }
      } else if (runStart >= 0) {
        if (g - runStart > bestLength) {
          bestStart = runStart;
          bestLength = g - runStart;
        }
        runStart = -1;
      }
    }

    StringBuilder text = new StringBuilder(39);
    for (int g = 0; g < 8; g++) {
      if (g == bestStart) {
        text.append("::");
        g += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(group(address, g)));
    }
    return text.toString();
  }

  /** Returns 16-bit group {@code index} (0 to 7, most significant first). */
  private static int group(IpAddress address, int index) {
    long half = index < 4 ? address.high() : address.low();
    return (int) (half >>> (48 - 16 * (index & 3))) & 0xffff;
  }
}
