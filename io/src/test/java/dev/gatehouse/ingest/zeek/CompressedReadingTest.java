package dev.gatehouse.ingest.zeek;

import static dev.gatehouse.ingest.zeek.TsvReadingTest.SSH_FIELDS;
import static dev.gatehouse.ingest.zeek.TsvReadingTest.SSH_ROW;
import static dev.gatehouse.ingest.zeek.TsvReadingTest.header;
import static dev.gatehouse.ingest.zeek.TsvReadingTest.row;
import static dev.gatehouse.ingest.zeek.TsvReadingTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CompressedReadingTest {

  /** A header and 3,000 ssh rows with distinct timestamps, large enough to span zstd blocks. */
  static final String LOG = buildLog(3000);

  static String buildLog(int rows) {
    StringBuilder text = new StringBuilder(header("ssh", SSH_FIELDS));
    for (int i = 0; i < rows; i++) {
      text.append(row(with(SSH_FIELDS, SSH_ROW, "ts", (1521911799 + i) + ".739898")));
    }
    return text.toString();
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  static byte[] zstd(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream zstd = new ZstdOutputStream(out)) {
      zstd.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] joined = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }

  @Test
  void gzipDetectedByMagicBytes() throws IOException {
    Reading reading = Reading.of("ssh.log", gzip(LOG));

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.stats.sshRecords()).isEqualTo(3000);
    assertThat(reading.stats.lines()).isEqualTo(3008);
    assertThat(reading.stats.bytes()).isEqualTo(LOG.length());
  }

  @Test
  void zstdDetectedByMagicBytes() throws IOException {
    Reading reading = Reading.of("ssh.log.gz", zstd(LOG));

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.stats.sshRecords()).isEqualTo(3000);
  }

  @Test
  void twoGzipMembersAreReadAsOneLog() throws IOException {
    String second = header("ssh", SSH_FIELDS) + row(SSH_ROW);

    Reading reading = Reading.of("ssh.log.gz", concat(gzip(LOG), gzip(second)));

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.stats.sshRecords()).isEqualTo(3001);
    assertThat(reading.ssh.get(3000).origin().line()).isEqualTo(3008 + 9);
  }

  @Test
  void truncatedGzipKeepsEarlierRows() throws IOException {
    byte[] compressed = gzip(LOG);
    byte[] cut = Arrays.copyOf(compressed, compressed.length * 2 / 3);

    Reading reading = Reading.of("ssh.log.gz", cut);

    assertThat(reading.stats.truncated()).isTrue();
    long rows = reading.stats.sshRecords();
    assertThat(rows).isBetween(1L, 2999L);
    long brokenLine = 8 + rows + 1;
    assertThat(reading.messages()).containsExactly(
        "ssh.log.gz:" + brokenLine + ": warning: the gzip stream ends before its end marker"
            + " (Unexpected end of ZLIB input stream): the rows before line " + brokenLine
            + " were read and line " + brokenLine + ", which the break cut, was skipped. The file"
            + " may still be being written or was cut while copied [truncated-input]");
    assertThat(reading.stats.lines()).isEqualTo(brokenLine);
    assertThat(reading.stats.skippedRecords()).isEqualTo(1);
    for (int i = 0; i < rows; i++) {
      assertThat(reading.ssh.get(i).timestampMicros()).isEqualTo((1521911799L + i) * 1_000_000 + 739898);
    }
  }

  @Test
  void truncatedZstdKeepsEarlierRows() throws IOException {
    String log = buildLog(40_000);
    byte[] compressed = zstd(log);
    byte[] cut = Arrays.copyOf(compressed, compressed.length - 100);

    Reading reading = Reading.of("ssh.log.zst", cut);

    assertThat(reading.stats.truncated()).isTrue();
    assertThat(reading.stats.sshRecords()).isBetween(1L, 39_999L);
    assertThat(reading.diagnostics.countsByReason()).containsExactly(java.util.Map.entry("truncated-input", 1L));
    assertThat(reading.diagnostics.first().get(0).message()).startsWith(
        "the zstd stream ends before its end marker (");
    assertThat(reading.stats.skippedRecords()).isLessThanOrEqualTo(1);
  }

  @Test
  void gzipCutInsideItsHeaderReadsNothing() {
    byte[] cut = {0x1f, (byte) 0x8b, 0x08, 0x00, 0x00, 0x00};

    Reading reading = Reading.of("ssh.log.gz", cut);

    assertThat(reading.messages()).containsExactly(
        "ssh.log.gz: warning: the gzip stream ends before its end marker: no rows could be read. The file may still be being written or was"
            + " cut while copied [truncated-input]");
    assertThat(reading.stats.truncated()).isTrue();
    assertThat(reading.stats.lines()).isZero();
  }

  @Test
  void corruptGzipIsAWarning() throws IOException {
    byte[] compressed = gzip(LOG);
    for (int i = compressed.length / 2; i < compressed.length / 2 + 64; i++) {
      compressed[i] ^= 0x5a;
    }

    Reading reading = Reading.of("ssh.log.gz", compressed);

    assertThat(reading.stats.truncated()).isTrue();
    assertThat(reading.diagnostics.countsByReason()).containsKey("corrupt-input");
    assertThat(reading.diagnostics.first().get(reading.diagnostics.first().size() - 1).message())
        .startsWith("the gzip data is corrupt (");
  }
}
