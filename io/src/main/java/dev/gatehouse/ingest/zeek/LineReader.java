package dev.gatehouse.ingest.zeek;

import dev.gatehouse.ingest.CorruptInputException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines without decoding them. The current line is the byte range
 * {@code [lineStart(), lineEnd())} of {@link #buffer()}, valid until the next call of {@link
 * #next()}; a trailing {@code \r} is left out.
 *
 * <p>When the stream throws {@link CorruptInputException}, reading stops: the lines before the
 * failure are returned, and a partial line cut by the failure is counted but not returned.
 */
final class LineReader {

  private static final int INITIAL_BUFFER_SIZE = 256 << 10;

  /** The maximum line length in bytes; longer lines are returned empty with {@link #tooLong()} set. */
  static final int MAX_LINE_LENGTH = 16 << 20;

  private final InputStream in;
  private byte[] buffer = new byte[INITIAL_BUFFER_SIZE];
  private int start;
  private int scanned;
  private int limit;
  private boolean ended;
  private boolean discarding;
  private CorruptInputException failure;
  private boolean partialLineDropped;

  private long bytes;
  private long lineNumber;
  private int lineStart;
  private int lineEnd;
  private boolean terminated;
  private boolean tooLong;

  LineReader(InputStream in) {
    this.in = in;
  }

  /**
   * Advances to the next line.
   *
   * @return false at the end of the stream, or after a {@link CorruptInputException}
   * @throws IOException if the underlying stream fails for another reason
   */
  boolean next() throws IOException {
    while (true) {
      int newline = indexOfNewline(scanned, limit);
      if (newline >= 0) {
        setLine(start, newline, true);
        start = newline + 1;
        scanned = start;
        return true;
      }
      scanned = limit;
      if (ended) {
        return finishLastLine();
      }
      fill();
    }
  }

  private boolean finishLastLine() {
    if (start == limit && !discarding) {
      return false;
    }
    if (failure != null) {
      lineNumber++;
      partialLineDropped = true;
      start = limit;
      discarding = false;
      return false;
    }
    setLine(start, limit, false);
    start = limit;
    return true;
  }

  private void setLine(int from, int to, boolean endsWithNewline) {
    lineNumber++;
    terminated = endsWithNewline;
    tooLong = discarding;
    discarding = false;
    if (tooLong) {
      lineStart = from;
      lineEnd = from;
      return;
    }
    if (to > from && buffer[to - 1] == '\r') {
      to--;
    }
    lineStart = from;
    lineEnd = to;
  }

  private int indexOfNewline(int from, int to) {
    byte[] bytes = buffer;
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Makes room in the buffer and reads more bytes, or sets {@link #ended}. */
  private void fill() throws IOException {
    if (start > 0) {
      int pending = limit - start;
      System.arraycopy(buffer, start, buffer, 0, pending);
      limit = pending;
      scanned = pending;
      start = 0;
    }
    if (limit == buffer.length) {
      if (buffer.length < MAX_LINE_LENGTH) {
        byte[] larger = new byte[Math.min(buffer.length * 2, MAX_LINE_LENGTH)];
        System.arraycopy(buffer, 0, larger, 0, limit);
        buffer = larger;
      } else {
        // The line is too long to keep: drop what was read of it and look for its end.
        discarding = true;
        limit = 0;
        scanned = 0;
      }
    }
    int read;
    try {
      read = in.read(buffer, limit, buffer.length - limit);
    } catch (CorruptInputException e) {
      failure = e;
      ended = true;
      return;
    }
    if (read < 0) {
      ended = true;
      return;
    }
    bytes += read;
    limit += read;
  }

  /** Returns the buffer that contains the current line. */
  byte[] buffer() {
    return buffer;
  }

  int lineStart() {
    return lineStart;
  }

  int lineEnd() {
    return lineEnd;
  }

  /** Returns the 1-based number of the current line, or of the last line counted at the end. */
  long lineNumber() {
    return lineNumber;
  }

  /** Returns whether the current line ended with a newline; only the last line of a stream may not. */
  boolean terminated() {
    return terminated;
  }

  /** Returns whether the current line was longer than {@link #MAX_LINE_LENGTH} and was dropped. */
  boolean tooLong() {
    return tooLong;
  }

  /** Returns the decompressed bytes read so far. */
  long bytes() {
    return bytes;
  }

  /** Returns the failure that ended the stream early, or {@code null}. */
  CorruptInputException failure() {
    return failure;
  }

  /** Returns whether the failure cut a line, which was counted and not returned. */
  boolean partialLineDropped() {
    return partialLineDropped;
  }
}
