package dev.gatehouse.core.net;

/** Strict parsing and formatting of address literals, without DNS and without allocation on failure. */
final class AddressParser {

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
    int bits = parseIpv4Bits(text, from, to);
    return bits == -1 && !isAllOnesIpv4(text, from, to) ? null : IpAddress.ofIpv4(bits);
  }

  private static boolean isAllOnesIpv4(CharSequence text, int from, int to) {
    return "255.255.255.255".contentEquals(text.subSequence(from, to));
  }

  /** Returns the 32 bits of a dotted quad, or -1 for an invalid one (callers recheck 255.255.255.255). */
  static int parseIpv4Bits(CharSequence text, int from, int to) {
    int bits = 0;
    int octets = 0;
    int i = from;
    while (i < to) {
      int start = i;
      int value = 0;
      while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        value = value * 10 + (text.charAt(i) - '0');
        i++;
        if (i - start > 3) {
          return -1;
        }
      }
      int digits = i - start;
      if (digits == 0 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
        return -1;
      }
      bits = (bits << 8) | value;
      octets++;
      if (i == to) {
        break;
      }
      if (text.charAt(i) != '.' || octets == 4) {
        return -1;
      }
      i++;
      if (i == to) {
        return -1;
      }
    }
    return octets == 4 ? bits : -1;
  }

  private static IpAddress parseIpv6(CharSequence text, int from, int to) {
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = from;
    if (to - from >= 2 && text.charAt(from) == ':' && text.charAt(from + 1) == ':') {
      gap = 0;
      i = from + 2;
      if (i == to) {
        return IpAddress.of(0L, 0L);
      }
    } else if (text.charAt(from) == ':') {
      return null;
    }
    while (i < to) {
      if (count == 8) {
        return null;
      }
      int start = i;
      int value = 0;
      while (i < to && Character.digit(text.charAt(i), 16) >= 0 && i - start < 4) {
        value = (value << 4) | Character.digit(text.charAt(i), 16);
        i++;
      }
      if (i < to && text.charAt(i) == '.') {
        if (count > 6) {
          return null;
        }
        int bits = parseIpv4Bits(text, start, to);
        if (bits == -1 && !isAllOnesIpv4(text, start, to)) {
          return null;
        }
        groups[count++] = bits >>> 16;
        groups[count++] = bits & 0xffff;
        i = to;
        break;
      }
      if (i == start) {
        return null;
      }
      groups[count++] = value;
      if (i == to) {
        break;
      }
      if (text.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < to && text.charAt(i) == ':') {
        if (gap != -1) {
          return null;
        }
        gap = count;
        i++;
        if (i == to) {
          break;
        }
      } else if (i == to) {
        return null;
      }
    }
    if (gap == -1 && count != 8 || gap != -1 && count == 8) {
      return null;
    }
    int[] full = new int[8];
    if (gap == -1) {
      System.arraycopy(groups, 0, full, 0, 8);
    } else {
      System.arraycopy(groups, 0, full, 0, gap);
      int tail = count - gap;
      System.arraycopy(groups, gap, full, 8 - tail, tail);
    }
    long high = 0L;
    long low = 0L;
    for (int g = 0; g < 4; g++) {
      high = (high << 16) | full[g];
      low = (low << 16) | full[g + 4];
    }
    return IpAddress.of(high, low);
  }

  static String format(IpAddress address) {
    if (address.isIpv4()) {
      int bits = address.ipv4Bits();
      return ((bits >>> 24) & 0xff) + "." + ((bits >>> 16) & 0xff) + "." + ((bits >>> 8) & 0xff)
          + "." + (bits & 0xff);
    }
    int[] groups = new int[8];
    for (int g = 0; g < 4; g++) {
      groups[g] = (int) (address.high() >>> (48 - 16 * g)) & 0xffff;
      groups[g + 4] = (int) (address.low() >>> (48 - 16 * g)) & 0xffff;
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int g = 0; g < 8; ) {
      if (groups[g] != 0) {
        g++;
        continue;
      }
      int start = g;
      while (g < 8 && groups[g] == 0) {
        g++;
      }
      if (g - start > bestLength) {
        bestStart = start;
        bestLength = g - start;
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
      text.append(Integer.toHexString(groups[g]));
    }
    return text.toString();
  }
}
