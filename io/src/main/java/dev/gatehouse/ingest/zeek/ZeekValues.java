package dev.gatehouse.ingest.zeek;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Parsers for Zeek's time, interval, count and port values. Each returns a sentinel instead of
 * throwing, so that a malformed value costs no exception.
 */
final class ZeekValues {

  /** The result of a time or interval parser for text that is not a valid value. */
  static final long INVALID = Long.MIN_VALUE;

  /** Integer timestamps at or above this value are milliseconds (this is 5138-11-16 in seconds). */
  static final long MILLISECONDS_THRESHOLD = 100_000_000_000L;

  private static final int MICROS_PER_SECOND = 1_000_000;
  private static final int MICROS_DIGITS = 6;
  private static final int MAX_SECOND_DIGITS = 12;
  private static final int MAX_MILLISECOND_DIGITS = 15;

  private ZeekValues() {}

  /**
   * Parses a timestamp into microseconds since the epoch: seconds with an optional fraction
   * ({@code 1521911799.739898}), an integer of milliseconds when it is at least {@link
   * #MILLISECONDS_THRESHOLD}, or an ISO 8601 time with {@code Z} or an offset. Digits after the
   * sixth decimal place are rounded half up.
   *
   * @return the microseconds, or {@link #INVALID}
   */
  static long parseTimestampMicros(CharSequence text) {
    int length = text.length();
    if (length >= 11 && text.charAt(4) == '-' && (text.charAt(10) == 'T' || text.charAt(10) == 't')) {
      return parseIsoMicros(text);
    }
    return parseDecimalMicros(text, true, true);
  }

  /**
   * Parses a non-negative interval in seconds with an optional fraction into microseconds.
   *
   * @return the microseconds, or {@link #INVALID}
   */
  static long parseIntervalMicros(CharSequence text) {
    return parseDecimalMicros(text, false, false);
  }

  /**
   * Parses a non-negative decimal integer.
   *
   * @return the value, or -1 when the text is not a non-negative integer that fits in a long
   */
  static long parseCount(CharSequence text) {
    int length = text.length();
    if (length == 0 || length > 18) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < length; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /**
   * Parses a port number.
   *
   * @return the port from 0 to 65535, or -1 for anything else
   */
  static int parsePort(CharSequence text) {
    if (text.length() > 5) {
      return -1;
    }
    long value = parseCount(text);
    return value > 65535 ? -1 : (int) value;
  }

  /**
   * Parses {@code [-]digits[.digits]} seconds into microseconds, falling back to {@link
   * BigDecimal} for exponent notation.
   */
  private static long parseDecimalMicros(
      CharSequence text, boolean allowNegative, boolean integerMilliseconds) {
    int length = text.length();
    boolean negative = allowNegative && length > 0 && text.charAt(0) == '-';
    int integerStart = negative ? 1 : 0;
    int integerEnd = digitRunEnd(text, integerStart);
    int integerDigits = integerEnd - integerStart;
    if (integerDigits == 0 || integerDigits > MAX_MILLISECOND_DIGITS) {
      return INVALID;
    }
    long whole = 0;
    for (int i = integerStart; i < integerEnd; i++) {
      whole = whole * 10 + (text.charAt(i) - '0');
    }

    if (integerEnd == length) {
      if (integerMilliseconds && whole >= MILLISECONDS_THRESHOLD) {
        return signed(whole * 1000, negative);
      }
      return integerDigits > MAX_SECOND_DIGITS ? INVALID : signed(whole * MICROS_PER_SECOND, negative);
    }
    if (integerDigits > MAX_SECOND_DIGITS) {
      return INVALID;
    }
    char next = text.charAt(integerEnd);
    if (next == 'e' || next == 'E') {
      return parseExponent(text, allowNegative);
    }
    if (next != '.') {
      return INVALID;
    }

    int fractionStart = integerEnd + 1;
    int fractionEnd = digitRunEnd(text, fractionStart);
    if (fractionEnd == fractionStart) {
      return INVALID;
    }
    if (fractionEnd < length) {
      char tail = text.charAt(fractionEnd);
      return tail == 'e' || tail == 'E' ? parseExponent(text, allowNegative) : INVALID;
    }
    long micros = fractionMicros(text, fractionStart, fractionEnd);
    return signed(whole * MICROS_PER_SECOND + micros, negative);
  }

  /** Returns the end of the run of decimal digits that starts at {@code from}. */
  private static int digitRunEnd(CharSequence text, int from) {
    int i = from;
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * Returns the decimal fraction in the digits {@code text[from, to)} as microseconds, rounding
   * half up on the seventh digit.
   */
  private static long fractionMicros(CharSequence text, int from, int to) {
    long micros = 0;
    for (int position = 0; position < MICROS_DIGITS; position++) {
      int i = from + position;
      micros = micros * 10 + (i < to ? text.charAt(i) - '0' : 0);
    }
    int seventh = from + MICROS_DIGITS;
    if (seventh < to && text.charAt(seventh) >= '5') {
      micros++;
    }
    return micros;
  }

  private static long parseExponent(CharSequence text, boolean allowNegative) {
    try {
      BigDecimal seconds = new BigDecimal(text.toString());
      if (seconds.signum() < 0 && !allowNegative) {
        return INVALID;
      }
      BigDecimal micros = seconds.movePointRight(MICROS_DIGITS).setScale(0, RoundingMode.HALF_UP);
      if (micros.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
        return INVALID;
      }
      return micros.longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return INVALID;
    }
  }

  /**
   * Parses {@code YYYY-MM-DDTHH:MM:SS[.fraction]} followed by {@code Z}, {@code ±HH:MM}, {@code
   * ±HHMM} or {@code ±HH}. A time without a zone is rejected because its instant is unknown.
   */
  private static long parseIsoMicros(CharSequence text) {
    int length = text.length();
    if (length < 20
        || text.charAt(7) != '-'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return INVALID;
    }

    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59) {
      return INVALID;
    }

    int i = 19;
    long micros = 0;
    if (text.charAt(i) == '.') {
      int fractionEnd = digitRunEnd(text, i + 1);
      if (fractionEnd == i + 1) {
        return INVALID;
      }
      micros = fractionMicros(text, i + 1, fractionEnd);
      i = fractionEnd;
    }

    int offsetSeconds = parseZoneOffsetSeconds(text, i);
    if (offsetSeconds == Integer.MIN_VALUE) {
      return INVALID;
    }

    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return INVALID;
    }
    long seconds = epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds;
    return seconds * MICROS_PER_SECOND + micros;
  }

  /** Returns the zone offset that ends {@code text} at {@code i}, or Integer.MIN_VALUE. */
  private static int parseZoneOffsetSeconds(CharSequence text, int i) {
    int length = text.length();
    if (i >= length) {
      return Integer.MIN_VALUE;
    }
    char sign = text.charAt(i);
    if (sign == 'Z' || sign == 'z') {
      return i + 1 == length ? 0 : Integer.MIN_VALUE;
    }
    if (sign != '+' && sign != '-') {
      return Integer.MIN_VALUE;
    }
    int hours = digits(text, i + 1, i + 3);
    int minutes;
    int rest = length - (i + 3);
    if (rest == 0) {
      minutes = 0;
    } else if (rest == 3 && text.charAt(i + 3) == ':') {
      minutes = digits(text, i + 4, i + 6);
    } else if (rest == 2) {
      minutes = digits(text, i + 3, i + 5);
    } else {
      return Integer.MIN_VALUE;
    }
    if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
      return Integer.MIN_VALUE;
    }
    int offset = hours * 3_600 + minutes * 60;
    return sign == '-' ? -offset : offset;
  }

  /** Returns the decimal number in {@code text[from, to)}, or -1 unless it is all digits. */
  private static int digits(CharSequence text, int from, int to) {
    if (to > text.length()) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static long signed(long value, boolean negative) {
    return negative ? -value : value;
  }
}
