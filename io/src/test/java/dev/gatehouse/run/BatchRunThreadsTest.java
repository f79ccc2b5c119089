package dev.gatehouse.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.model.Certainty;
import dev.gatehouse.core.model.Detection;
import dev.gatehouse.core.model.LikelyThresholds;
import dev.gatehouse.core.model.ModelSettings;
import dev.gatehouse.core.model.ModelStats;
import dev.gatehouse.core.net.NetworkMap;
import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.DnsLookup;
import dev.gatehouse.core.record.RecordSink;
import dev.gatehouse.core.record.SshSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link BatchRun} record by record and on several threads over the same directories and
 * expects the same result, including the run that starts again when an ssh log turns out to
 * hold conn.log rows.
 */
class BatchRunThreadsTest {

  private static final String SSH_FIELDS = "ts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p"
      + "\tauth_success\tauth_attempts\tclient\tserver";
  private static final String CONN_FIELDS = "ts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p"
      + "\tduration\torig_bytes\tresp_bytes\tconn_state";

  @TempDir
  Path directory;

  private record Outcome(List<Detection> detections, Object model, Object sources,
      Object firstDiagnostics, Object counts, long errors, long warnings, int unreadable,
      List<DnsLookup> dns) {}

  private static Outcome run(BatchRun batch, List<String> arguments, List<DnsLookup> dns) {
    RunResult result = batch.run(arguments);
    return new Outcome(result.detections(), result.model(), result.sources(),
        result.diagnostics().first(), result.diagnostics().countsByReason(),
        result.diagnostics().errors(), result.diagnostics().warnings(),
        result.unreadableSources(), dns);
  }

  private static BatchRun batch(ModelSettings settings, List<DnsLookup> dns) {
    return new BatchRun(NetworkMap.defaults(), settings, BatchRun.Progress.NONE)
        .withDnsSink(new RecordSink() {
          @Override
          public void acceptSsh(SshSession session) {}

          @Override
          public void acceptConn(ConnSummary connection) {}

          @Override
          public void acceptDns(DnsLookup lookup) {
            dns.add(lookup);
          }
        });
  }

  private static void assertSameOnEveryThreadCount(List<String> arguments, ModelSettings settings) {
    List<DnsLookup> expectedDns = new ArrayList<>();
    Outcome expected = run(batch(settings, expectedDns).recordByRecord(), arguments, expectedDns);
    for (int threads : new int[] {1, 2, 4}) {
      List<DnsLookup> dns = new ArrayList<>();
      Outcome actual = run(batch(settings, dns).withThreads(threads), arguments, dns);
      assertThat(actual).as(threads + " threads").isEqualTo(expected);
    }
  }

  private static String header(String path, String fields) {
    return "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\t"
        + path + "\n#fields\t" + fields + "\n";
  }

  private static String sshRows(int count, int offset) {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String auth = "F";
      if (i % 7 == 0) {
        auth = "T";
      } else if (i % 3 == 0) {
        auth = "-";
      }
      rows.append(1_713_484_800 + (i * 37) % 500).append('.').append(100_000 + i)
          .append("\tC").append(offset + i).append("x\t203.0.113.").append(1 + i % 9)
          .append('\t').append(40_000 + i).append("\t10.1.2.").append(1 + i % 4)
          .append("\t22\t").append(auth).append("\t1\tSSH-2.0-Go\tSSH-2.0-OpenSSH_9.6\n");
    }
    return rows.toString();
  }

  private static String connRows(int count, int offset) {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < count; i++) {
      rows.append(1_713_484_800 + i).append(".5\tC").append(offset + i).append("x\t203.0.113.")
          .append(1 + i % 9).append('\t').append(40_000 + i).append("\t10.1.2.").append(1 + i % 4)
          .append("\t22\t").append(5 + i % 30).append(".0\t").append(1000 * (i % 9)).append('\t')
          .append(900 * (i % 11)).append('\t').append(i % 5 == 0 ? "S0" : "SF").append('\n');
    }
    return rows.toString();
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = directory.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return file;
  }

  @Test
  void directoryWithConnLogAndRotatedFiles() throws IOException {
    write("sensor/ssh.log", (header("ssh", SSH_FIELDS) + sshRows(400, 0)).getBytes(StandardCharsets.UTF_8));
    write("sensor/conn.log", (header("conn", CONN_FIELDS) + connRows(600, 0)).getBytes(StandardCharsets.UTF_8));
    write("sensor/ssh.01:00:00-02:00:00.log.gz", gzip(header("ssh", SSH_FIELDS) + sshRows(300, 200)));
    write("sensor/conn.01:00:00-02:00:00.log.gz", gzip(header("conn", CONN_FIELDS) + connRows(300, 350)));

    for (Certainty minimum : Certainty.values()) {
      assertSameOnEveryThreadCount(List.of(directory.resolve("sensor").toString()),
          new ModelSettings(new LikelyThresholds(10_000_000, 4000, 4000), minimum, 5));
    }
  }

  @Test
  void laterConnBlockRestartsRun() throws IOException {
    // The file is named and starts like an ssh log, so the first attempt grades sessions of
    // unset outcome at once. Its conn block then joins them, and the run starts again.
    Path mixed = write("only/ssh.log", (header("ssh", SSH_FIELDS) + sshRows(300, 0)
        + header("conn", CONN_FIELDS) + connRows(300, 0)).getBytes(StandardCharsets.UTF_8));

    assertSameOnEveryThreadCount(List.of(mixed.toString()), ModelSettings.DEFAULTS);
    List<DnsLookup> dns = new ArrayList<>();
    Outcome outcome = run(batch(ModelSettings.DEFAULTS, dns), List.of(mixed.toString()), dns);
    assertThat(((ModelStats) outcome.model()).connJoined()).isPositive();
  }
}
