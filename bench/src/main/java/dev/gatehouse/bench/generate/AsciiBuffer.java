package dev.gatehouse.bench.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer for formatting log lines that contain only ASCII, so each character is
 * one byte and no charset encoder runs.
 */
final class AsciiBuffer {

  private byte[] bytes = new byte[512];
  private int length;

  void clear() {
    length = 0;
  }

  int length() {
    return length;
  }

  AsciiBuffer append(char c) {
    ensure(1);
    bytes[length++] = (byte) c;
    return this;
  }

  AsciiBuffer append(String text) {
    int n = text.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[length + i] = (byte) text.charAt(i);
    }
    length += n;
    return this;
  }

  AsciiBuffer append(long value) {
    if (value < 0) {
      append('-');
      value = -value;
    }
    ensure(20);
    int start = length;
    do {
      bytes[length++] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value != 0);
    reverse(start, length - 1);
    return this;
  }

  /** Appends non-negative microseconds as seconds with six decimals, as Zeek's TSV writer does. */
  AsciiBuffer appendSeconds(long micros) {
    append(micros / 1_000_000L).append('.');
    long fraction = micros % 1_000_000L;
    for (long scale = 100_000L; scale >= 1; scale /= 10) {
      append((char) ('0' + fraction / scale % 10));
    }
    return this;
  }

  /**
   * Appends non-negative microseconds as seconds in the shortest decimal form with at least one
   * fraction digit, such as {@code 1713484800.12345} or {@code 10.0}. This is how Zeek's JSON
   * writer prints time and interval values.
   */
  AsciiBuffer appendShortSeconds(long micros) {
    append(micros / 1_000_000L).append('.');
    long fraction = micros % 1_000_000L;
    if (fraction == 0) {
      return append('0');
    }
    int digits = 6;
    while (fraction % 10 == 0) {
      fraction /= 10;
      digits--;
    }
    long scale = 1;
    for (int i = 1; i < digits; i++) {
      scale *= 10;
    }
    for (; scale >= 1; scale /= 10) {
      append((char) ('0' + fraction / scale % 10));
    }
    return this;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, length);
  }

  @Override
  public String toString() {
    return new String(bytes, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private void reverse(int from, int to) {
    while (from < to) {
      byte swap = bytes[from];
      bytes[from++] = bytes[to];
      bytes[to--] = swap;
    }
  }

  private void ensure(int extra) {
    if (length + extra > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
    }
  }
}
