package dev.gatehouse.ingest.zeek;

import java.nio.charset.StandardCharsets;

/**
 * A {@link CharSequence} view of a byte range, one character per byte, so that numbers and
 * addresses can be parsed without creating a {@link String}. Only ASCII text reads correctly,
 * which is all a valid number or address contains.
 */
final class ByteText implements CharSequence {

  private byte[] bytes;
  private int from;
  private int to;

  /** Points this view at {@code bytes[from, to)} and returns it. */
  ByteText set(byte[] bytes, int from, int to) {
    this.bytes = bytes;
    this.from = from;
    this.to = to;
    return this;
  }

  byte[] bytes() {
    return bytes;
  }

  int from() {
    return from;
  }

  int to() {
    return to;
  }

  @Override
  public int length() {
    return to - from;
  }

  @Override
  public char charAt(int index) {
    return (char) (bytes[from + index] & 0xff);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new ByteText().set(bytes, from + start, from + end);
  }

  @Override
  public String toString() {
    return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
  }
}
