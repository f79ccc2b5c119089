package dev.gatehouse.ingest.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.core.diag.Diagnostics;
import dev.gatehouse.core.net.IpAddress;
import dev.gatehouse.core.record.AuthOutcome;
import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.RecordOrigin;
import dev.gatehouse.core.record.SshSession;
import dev.gatehouse.ingest.InputSource;
import dev.gatehouse.ingest.LogType;
import dev.gatehouse.ingest.SourceStats;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZeekReaderSourcesTest {

  @TempDir
  Path directory;

  static Path fixture() throws URISyntaxException {
    return Path.of(ZeekReaderSourcesTest.class.getResource("/ingest/zeek/concatenated.log").toURI());
  }

  @Test
  void fileWithSshConnAndDnsBlocks() throws Exception {
    Path file = fixture();

    Reading reading = Reading.of(file);

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.stats).isEqualTo(new SourceStats(file.toString(), 33, Files.size(file), 3, 2, 1, 0, false));
    assertThat(reading.ssh).extracting(SshSession::auth)
        .containsExactly(AuthOutcome.SUCCESS, AuthOutcome.FAILURE, AuthOutcome.UNSET);
    assertThat(reading.ssh.get(0)).isEqualTo(new SshSession(
        1713488394422948L, "CsshSuccess01", IpAddress.parse("203.0.113.7"), 34188,
        IpAddress.parse("10.1.2.3"), 22, AuthOutcome.SUCCESS, 2, "INBOUND", "SSH-2.0-OpenSSH_9.6",
        "SSH-2.0-OpenSSH_8.2p1 Ubuntu-4ubuntu0.11", "aes256-gcm@openssh.com",
        "hmac-sha2-256-etm@openssh.com", "curve25519-sha256", "ssh-ed25519",
        "SHA256:AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg", new RecordOrigin(file.toString(), 9)));
    assertThat(reading.ssh.get(2).originator()).isEqualTo(IpAddress.parse("2001:db8::5"));
    assertThat(reading.ssh.get(2).server()).isNull();
    assertThat(reading.conn.get(1)).isEqualTo(new ConnSummary(
        1713488389100000L, "CconnNoSsh004", IpAddress.parse("10.1.2.3"), 53000,
        IpAddress.parse("192.0.2.53"), 53, "udp", "dns", -1, -1, -1, "S0", "D", Boolean.TRUE,
        Boolean.FALSE, new RecordOrigin(file.toString(), 22)));
  }

  @Test
  void gzipFileOnDisk() throws Exception {
    Path file = directory.resolve("ssh.2024-04-19-01-00-00.log.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      Files.copy(fixture(), out);
    }

    Reading reading = Reading.of(file);

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.stats.bytes()).isEqualTo(Files.size(fixture()));
    assertThat(reading.stats.sshRecords()).isEqualTo(3);
    assertThat(reading.stats.connRecords()).isEqualTo(2);
  }

  @Test
  void standardInputIsReadAndLeftOpen() throws Exception {
    byte[] bytes = Files.readAllBytes(fixture());
    InputStream original = System.in;
    ClosableCheck stdin = new ClosableCheck(bytes);
    Reading reading = new Reading();
    SourceStats stats;
    try {
      System.setIn(stdin);
      stats = new ZeekReader(reading, reading.diagnostics).read(InputSource.stdin());
    } finally {
      System.setIn(original);
    }

    assertThat(stats.source()).isEqualTo("-");
    assertThat(stats.sshRecords()).isEqualTo(3);
    assertThat(reading.ssh.get(0).origin()).isEqualTo(new RecordOrigin("-", 9));
    assertThat(stdin.closed).isFalse();
  }

  @Test
  void namedPipeIsRead() throws Exception {
    Path fifo = directory.resolve("ssh.log");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo is not available: " + e.getMessage());
      return;
    }
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
    byte[] compressed;
    try (java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream()) {
      try (OutputStream gzip = new GZIPOutputStream(bytes)) {
        Files.copy(fixture(), gzip);
      }
      compressed = bytes.toByteArray();
    }
    Thread writer = new Thread(() -> {
      try (OutputStream out = Files.newOutputStream(fifo)) {
        out.write(compressed);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();

    Reading reading = Reading.of(fifo);
    writer.join();

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.stats.sshRecords()).isEqualTo(3);
    assertThat(reading.stats.connRecords()).isEqualTo(2);
  }

  @Test
  void missingFileThrows() {
    Path file = directory.resolve("ssh.log");
    ZeekReader reader = new ZeekReader(new Reading(), new Diagnostics());

    assertThatThrownBy(() -> reader.read(new InputSource(file.toString(), file, LogType.SSH)))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void emptyInputHasNoRecords() {
    Reading reading = Reading.of("ssh.log", new byte[0]);

    assertThat(reading.messages()).isEmpty();
    assertThat(reading.stats).isEqualTo(new SourceStats("ssh.log", 0, 0, 0, 0, 0, 0, false));
  }

  /** Records whether the reader closed it. */
  static final class ClosableCheck extends ByteArrayInputStream {
    boolean closed;

    ClosableCheck(byte[] bytes) {
      super(bytes);
    }

    @Override
    public void close() throws IOException {
      closed = true;
      super.close();
    }
  }
}
