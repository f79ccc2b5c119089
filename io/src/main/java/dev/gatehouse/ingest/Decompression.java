package dev.gatehouse.ingest;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Opens possibly compressed input, recognising the format by its magic bytes and never by the
 * file name: gzip ({@code 1f 8b}), zstd ({@code 28 b5 2f fd}) or plain bytes.
 *
 * <p>Streams of concatenated gzip members and of concatenated zstd frames are read to the end.
 * When compressed data ends early or is invalid, reading throws {@link CorruptInputException}
 * after returning every byte decoded before the failure. Other {@link IOException}s come from the
 * underlying stream and pass through unchanged.
 */
public final class Decompression {

  private static final int BUFFER_SIZE = 64 * 1024;
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;
  private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

  private Decompression() {}

  /**
   * Returns a stream of the decompressed bytes of {@code raw}. The returned stream closes {@code
   * raw} when closed.
   *
   * @throws CorruptInputException if a gzip header is cut off
   * @throws IOException if reading {@code raw} fails
   */
  public static InputStream open(InputStream raw) throws IOException {
    EndTrackingInputStream tracked = new EndTrackingInputStream(raw);
    BlockingAvailableInputStream buffered = new BlockingAvailableInputStream(tracked);
    byte[] magic = peek(buffered, ZSTD_MAGIC.length);

    if (magic.length >= 2 && (magic[0] & 0xff) == GZIP_MAGIC_1 && (magic[1] & 0xff) == GZIP_MAGIC_2) {
      GZIPInputStream gzip;
      try {
        gzip = new GZIPInputStream(buffered, BUFFER_SIZE);
      } catch (IOException | RuntimeException e) {
        throw translate(e, "gzip", tracked);
      }
      return new DecoderGuard(gzip, "gzip", tracked);
    }
    if (startsWith(magic, ZSTD_MAGIC)) {
      return new DecoderGuard(new ZstdInputStream(buffered), "zstd", tracked);
    }
    return buffered;
  }

  /** Returns up to {@code count} leading bytes without consuming them. */
  private static byte[] peek(BufferedInputStream in, int count) throws IOException {
    in.mark(count);
    byte[] bytes = new byte[count];
    int filled = 0;
    while (filled < count) {
      int read = in.read(bytes, filled, count - filled);
      if (read < 0) {
        break;
      }
      filled += read;
    }
    in.reset();
    if (filled == count) {
      return bytes;
    }
    byte[] shorter = new byte[filled];
    System.arraycopy(bytes, 0, shorter, 0, filled);
    return shorter;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the exception to throw for a failure inside a decoder. That is the underlying stream's
   * own {@link IOException} unchanged, or else a {@link CorruptInputException} that records whether
   * the compressed input had already ended.
   */
  private static IOException translate(Exception failure, String format, EndTrackingInputStream tracked) {
    if (tracked.failed && failure instanceof IOException io) {
      return io;
    }
    return new CorruptInputException(format, tracked.ended, failure);
  }

  /**
   * Records whether the wrapped stream reached its end or threw, and keeps {@link #available()}
   * from throwing.
   */
  private static final class EndTrackingInputStream extends FilterInputStream {

    private boolean ended;
    private boolean failed;

    EndTrackingInputStream(InputStream in) {
      super(in);
    }

    /**
     * Returns the wrapped stream's estimate, or 0 when it throws. In Java 17 the stream of {@link
     * java.nio.file.Files#newInputStream} throws "Illegal seek" here for a pipe such as {@code
     * <(zcat ssh.log.gz)}, and {@link BufferedInputStream#read(byte[], int, int)} calls this.
     */
    @Override
    public int available() {
      try {
        return in.available();
      } catch (IOException e) {
        return 0;
      }
    }

    @Override
    public int read() throws IOException {
      try {
        int b = super.read();
        ended |= b < 0;
        return b;
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        int read = in.read(buffer, offset, length);
        ended |= read < 0;
        return read;
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }
  }

  /**
   * A buffered stream whose {@link #available()} blocks until at least one byte is buffered or
   * the stream ends.
   *
   * <p>{@link GZIPInputStream} in Java 17 reads the next member only when {@code available()} of
   * its input is positive at the end of a member. A pipe can return 0 there even though more
   * members follow, which would end the stream early.
   */
  private static final class BlockingAvailableInputStream extends BufferedInputStream {

    BlockingAvailableInputStream(InputStream in) {
      super(in, BUFFER_SIZE);
    }

    @Override
    public synchronized int available() throws IOException {
      int buffered = super.available();
      if (buffered > 0) {
        return buffered;
      }
      // NOTE: this replaces any mark a caller set, which neither decoder here relies on.
      mark(1);
      int next = read();
      reset();
      return next < 0 ? 0 : super.available();
    }
  }

  /** Turns decoder failures into {@link CorruptInputException}. */
  private static final class DecoderGuard extends FilterInputStream {

    private final String format;
    private final EndTrackingInputStream tracked;

    DecoderGuard(InputStream decoder, String format, EndTrackingInputStream tracked) {
      super(decoder);
      this.format = format;
      this.tracked = tracked;
    }

    @Override
    public int read() throws IOException {
      try {
        return in.read();
      } catch (IOException | RuntimeException e) {
        throw translate(e, format, tracked);
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        return in.read(buffer, offset, length);
      } catch (IOException | RuntimeException e) {
        throw translate(e, format, tracked);
      }
    }
  }
}
