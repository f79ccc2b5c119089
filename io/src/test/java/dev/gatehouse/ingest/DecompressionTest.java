package dev.gatehouse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecompressionTest {

  static final byte[] TEXT = ("#separator \\x09\n#path\tssh\n" + "row\tof\tdata\n".repeat(5000))
      .getBytes(StandardCharsets.UTF_8);

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }

  static byte[] zstd(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream zstd = new ZstdOutputStream(out)) {
      zstd.write(bytes);
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] joined = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }

  static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  /**
   * A stream that behaves like a pipe fed by a writer of separate chunks: a read never returns
   * bytes of two chunks, and {@code available()} is always 0.
   */
  static final class PipeLikeInputStream extends InputStream {
    private final List<byte[]> chunks;
    private int chunk;
    private int position;

    PipeLikeInputStream(byte[]... chunks) {
      this.chunks = List.of(chunks);
    }

    @Override
    public int read() {
      byte[] single = new byte[1];
      return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (chunk == chunks.size()) {
        return -1;
      }
      byte[] current = chunks.get(chunk);
      int count = Math.min(length, current.length - position);
      System.arraycopy(current, position, buffer, offset, count);
      position += count;
      if (position == current.length) {
        chunk++;
        position = 0;
      }
      return count;
    }

    @Override
    public int available() {
      return 0;
    }
  }

  @Test
  void plainBytesPassThrough() throws IOException {
    assertThat(readAll(Decompression.open(new ByteArrayInputStream(TEXT)))).isEqualTo(TEXT);
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 1, 2, 3})
  void shortInputPassesThrough(int length) throws IOException {
    byte[] bytes = Arrays.copyOf(new byte[] {0x1f, (byte) 0x8b, 0x08}, length);
    byte[] plain = length == 3 ? new byte[] {'a', 'b', 'c'} : Arrays.copyOf(new byte[] {'a', 'b'}, Math.min(length, 2));

    assertThat(readAll(Decompression.open(new ByteArrayInputStream(plain)))).isEqualTo(plain);
    if (length < 2) {
      assertThat(readAll(Decompression.open(new ByteArrayInputStream(bytes)))).isEqualTo(bytes);
    }
  }

  @Test
  void gzipIsDecompressed() throws IOException {
    assertThat(readAll(Decompression.open(new ByteArrayInputStream(gzip(TEXT))))).isEqualTo(TEXT);
  }

  @Test
  void gzipMembersAllRead() throws IOException {
    byte[] twoMembers = concat(gzip(TEXT), gzip("second member\n".getBytes(StandardCharsets.UTF_8)));

    byte[] read = readAll(Decompression.open(new ByteArrayInputStream(twoMembers)));

    assertThat(read).isEqualTo(concat(TEXT, "second member\n".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void gzipMembersReadFromPipe() throws IOException {
    byte[] second = "second member\n".getBytes(StandardCharsets.UTF_8);
    InputStream pipe = new PipeLikeInputStream(gzip(TEXT), gzip(second), gzip(second));

    byte[] read = readAll(Decompression.open(pipe));

    assertThat(read).isEqualTo(concat(concat(TEXT, second), second));
  }

  @Test
  void zstdIsDecompressed() throws IOException {
    assertThat(readAll(Decompression.open(new ByteArrayInputStream(zstd(TEXT))))).isEqualTo(TEXT);
  }

  @Test
  void zstdFramesAllRead() throws IOException {
    InputStream pipe = new PipeLikeInputStream(zstd(TEXT), zstd(TEXT));

    assertThat(readAll(Decompression.open(pipe))).isEqualTo(concat(TEXT, TEXT));
  }

  @Test
  void truncatedGzipThrowsAfterPrefix() throws IOException {
    byte[] compressed = gzip(TEXT);
    byte[] cut = Arrays.copyOf(compressed, compressed.length / 2);
    InputStream in = Decompression.open(new ByteArrayInputStream(cut));
    ByteArrayOutputStream decoded = new ByteArrayOutputStream();

    assertThatThrownBy(() -> in.transferTo(decoded))
        .isInstanceOfSatisfying(CorruptInputException.class, e -> {
          assertThat(e.truncated()).isTrue();
          assertThat(e.format()).isEqualTo("gzip");
          assertThat(e.getMessage()).isEqualTo(
              "the gzip stream ends before its end marker (Unexpected end of ZLIB input stream)");
        });
    assertThat(decoded.size()).isPositive();
    assertThat(decoded.toByteArray()).isEqualTo(Arrays.copyOf(TEXT, decoded.size()));
  }

  @Test
  void gzipHeaderCutShortThrowsOnOpen() {
    byte[] cut = {0x1f, (byte) 0x8b, 0x08, 0x00, 0x00};

    assertThatThrownBy(() -> Decompression.open(new ByteArrayInputStream(cut)))
        .isInstanceOfSatisfying(CorruptInputException.class, e -> {
          assertThat(e.truncated()).isTrue();
          assertThat(e.getMessage()).isEqualTo("the gzip stream ends before its end marker");
        });
  }

  @Test
  void corruptGzipIsNotTruncation() throws IOException {
    byte[] compressed = gzip(TEXT);
    for (int i = 20; i < 60; i++) {
      compressed[i] = (byte) 0xff;
    }
    InputStream in = Decompression.open(new ByteArrayInputStream(compressed));

    assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
        .isInstanceOfSatisfying(CorruptInputException.class, e -> {
          assertThat(e.truncated()).isFalse();
          assertThat(e.getMessage()).startsWith("the gzip data is corrupt");
        });
  }

  @Test
  void truncatedZstdThrowsAfterPrefix() throws IOException {
    byte[] large = "row\tof\tmore\tdata\n".repeat(40_000).getBytes(StandardCharsets.UTF_8);
    byte[] compressed = zstd(large);
    byte[] cut = Arrays.copyOf(compressed, compressed.length - 10);
    InputStream in = Decompression.open(new ByteArrayInputStream(cut));
    ByteArrayOutputStream decoded = new ByteArrayOutputStream();

    assertThatThrownBy(() -> in.transferTo(decoded))
        .isInstanceOfSatisfying(CorruptInputException.class, e -> {
          assertThat(e.truncated()).isTrue();
          assertThat(e.format()).isEqualTo("zstd");
        });
    assertThat(decoded.toByteArray()).isEqualTo(Arrays.copyOf(large, decoded.size()));
  }

  @Test
  void underlyingReadFailurePassesThrough() throws IOException {
    byte[] compressed = gzip(TEXT);
    InputStream failing = new FilterInputStream(new ByteArrayInputStream(compressed, 0, 40)) {
      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read < 0) {
          throw new IOException("disk read failed");
        }
        return read;
      }
    };
    InputStream in = Decompression.open(failing);

    assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("disk read failed");
  }

  @Test
  void failingAvailableIsTreatedAsZero() throws IOException {
    InputStream pipe = new FilterInputStream(new ByteArrayInputStream(gzip(TEXT))) {
      @Override
      public int available() throws IOException {
        throw new IOException("Illegal seek");
      }
    };

    assertThat(readAll(Decompression.open(pipe))).isEqualTo(TEXT);
  }
}
