package dev.gatehouse.ingest.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.diag.Diagnostics;
import dev.gatehouse.core.model.Certainty;
import dev.gatehouse.core.model.Detection;
import dev.gatehouse.core.model.LikelyThresholds;
import dev.gatehouse.core.model.ModelSettings;
import dev.gatehouse.core.model.ModelStats;
import dev.gatehouse.core.model.SshExternalInternalModel;
import dev.gatehouse.core.net.NetworkMap;
import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.DnsLookup;
import dev.gatehouse.core.record.RecordSink;
import dev.gatehouse.core.record.SshSession;
import dev.gatehouse.ingest.InputDiscovery;
import dev.gatehouse.ingest.InputSource;
import dev.gatehouse.ingest.SourceStats;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the same inputs record by record with {@link ZeekReader} and in parts on several
 * threads with {@link ParallelZeekReader}, and expects the same detections, model counters,
 * source counters, diagnostics (the first ones with their file and line, and the counts) and
 * dns.log rows.
 *
 * <p>Parts are made as small as 61 bytes, so that the inputs of a few hundred rows are cut into
 * many parts, header blocks and long lines fall across part boundaries, and parts are read out
 * of order before they are applied.
 */
class ParallelReadingEquivalenceTest {

  private static final String[] SSH_FIELDS = {"ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h",
      "id.resp_p", "version", "auth_success", "auth_attempts", "direction", "client", "server",
      "cipher_alg", "mac_alg", "compression_alg", "kex_alg", "host_key_alg", "host_key"};
  /** A second ssh schema: other column order, host_key_fingerprint, no direction. */
  private static final String[] SSH_FIELDS_REORDERED = {"uid", "ts", "id.orig_h", "id.orig_p",
      "id.resp_h", "id.resp_p", "auth_attempts", "auth_success", "server", "client",
      "host_key_fingerprint", "cipher_alg", "mac_alg", "kex_alg", "host_key_alg"};
  private static final String[] CONN_FIELDS = {"ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h",
      "id.resp_p", "proto", "service", "duration", "orig_bytes", "resp_bytes", "conn_state",
      "local_orig", "local_resp", "missed_bytes", "history"};
  private static final String[] DNS_FIELDS = {"ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h",
      "id.resp_p", "query", "qtype_name", "answers"};

  private static final String[] EXTERNAL = {"198.51.100.7", "203.0.113.9", "2001:db8::5",
      "::ffff:192.0.2.44", "8.8.8.8", "185.1.2.3"};
  private static final String[] INTERNAL = {"10.1.2.3", "10.1.2.4", "192.168.9.9", "fd00::1"};
  private static final String[] BANNERS = {"SSH-2.0-OpenSSH_9.6", "SSH-2.0-Go", "SSH-2.0-libssh",
      "SSH-2.0-PuTTY\\x09tab", "SSH-2.0-caf\u00e9", "SSH-2.0-paramiko", "x"};

  @TempDir
  Path directory;

  /** Everything a run leaves that a user or a later stage can see. */
  private record Outcome(List<Detection> detections, ModelStats model, List<SourceStats> sources,
      List<Diagnostics.Diagnostic> firstDiagnostics, Map<String, Long> diagnosticCounts,
      long errors, long warnings, int unreadable, List<DnsLookup> dns) {}

  private static final class DnsCollector implements RecordSink {
    final List<DnsLookup> lookups = new ArrayList<>();

    @Override
    public void acceptSsh(SshSession session) {}

    @Override
    public void acceptConn(ConnSummary connection) {}

    @Override
    public void acceptDns(DnsLookup lookup) {
      lookups.add(lookup);
    }
  }

  private static Outcome recordByRecord(List<InputSource> sources, ModelSettings settings) {
    SshExternalInternalModel model = new SshExternalInternalModel(NetworkMap.defaults(), settings);
    DnsCollector dns = new DnsCollector();
    RecordSink sink = new RecordSink() {
      @Override
      public void acceptSsh(SshSession session) {
        model.acceptSsh(session);
      }

      @Override
      public void acceptConn(ConnSummary connection) {
        model.acceptConn(connection);
      }

      @Override
      public void acceptDns(DnsLookup lookup) {
        dns.acceptDns(lookup);
      }
    };
    Diagnostics diagnostics = new Diagnostics();
    ZeekReader reader = new ZeekReader(sink, diagnostics);
    List<SourceStats> stats = new ArrayList<>();
    int unreadable = 0;
    for (InputSource source : sources) {
      try {
        stats.add(reader.read(source));
      } catch (IOException e) {
        unreadable++;
        diagnostics.error(source.name(), 0, InputDiscovery.UNREADABLE_INPUT,
            "cannot read " + source.name() + ": " + e.getMessage());
      }
    }
    return outcome(model, stats, diagnostics, unreadable, dns);
  }

  private static Outcome parallel(List<InputSource> sources, ModelSettings settings, int threads,
      int partSize) {
    SshExternalInternalModel model = new SshExternalInternalModel(NetworkMap.defaults(), settings);
    DnsCollector dns = new DnsCollector();
    Diagnostics diagnostics = new Diagnostics();
    ParallelZeekReader.Outcome read = new ParallelZeekReader(model, dns, diagnostics,
        (index, source) -> { }, threads, partSize).read(sources);
    return outcome(model, read.sources(), diagnostics, read.unreadableSources(), dns);
  }

  private static Outcome outcome(SshExternalInternalModel model, List<SourceStats> stats,
      Diagnostics diagnostics, int unreadable, DnsCollector dns) {
    return new Outcome(model.finish(), model.stats(), stats, diagnostics.first(),
        diagnostics.countsByReason(), diagnostics.errors(), diagnostics.warnings(), unreadable,
        dns.lookups);
  }

  /** Expects every thread count, part size and reporting setting to give the record-by-record outcome. */
  private static void assertSameOutcome(List<Path> files) {
    List<InputSource> sources = files.stream().map(InputSource::file).toList();
    List<ModelSettings> settingsList = List.of(
        ModelSettings.DEFAULTS,
        new ModelSettings(new LikelyThresholds(1_000_000, 100, 100), Certainty.UNKNOWN, 3),
        new ModelSettings(LikelyThresholds.DEFAULTS, Certainty.FAILED, 1));
    for (ModelSettings settings : settingsList) {
      Outcome expected = recordByRecord(sources, settings);
      assertThat(expected.sources()).isNotEmpty();
      for (int threads : new int[] {1, 2, 3}) {
        for (int partSize : new int[] {61, 700, 1 << 20}) {
          Outcome actual = parallel(sources, settings, threads, partSize);
          String context = threads + " threads, parts of " + partSize + " bytes, minimum "
              + settings.minimumCertainty();
          assertThat(actual.detections()).as(context).isEqualTo(expected.detections());
          assertThat(actual.model()).as(context).isEqualTo(expected.model());
          assertThat(actual.sources()).as(context).isEqualTo(expected.sources());
          assertThat(actual.firstDiagnostics()).as(context).isEqualTo(expected.firstDiagnostics());
          assertThat(actual.diagnosticCounts()).as(context).isEqualTo(expected.diagnosticCounts());
          assertThat(actual.errors()).as(context).isEqualTo(expected.errors());
          assertThat(actual.warnings()).as(context).isEqualTo(expected.warnings());
          assertThat(actual.unreadable()).as(context).isEqualTo(expected.unreadable());
          assertThat(actual.dns()).as(context).isEqualTo(expected.dns());
        }
      }
    }
  }

  // ---- inputs ----

  private static String header(String path, String[] fields, String unset, String empty) {
    return "#separator \\x09\n#set_separator\t,\n#empty_field\t" + empty + "\n#unset_field\t"
        + unset + "\n#path\t" + path + "\n#open\t2024-04-19-00-00-00\n#fields\t"
        + String.join("\t", fields) + "\n#types\t" + "string\t".repeat(fields.length - 1)
        + "string\n";
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String uid(Random random, int index, String unset, String empty) {
    return switch (random.nextInt(12)) {
      case 0 -> unset;
      case 1 -> empty;
      case 2 -> "uid-" + (index % 50);
      case 3 -> "\\x43esc" + index;
      default -> "C" + Integer.toString(1_000_000 + (index * 7919) % 400, 36) + "Zq" + (index % 400);
    };
  }

  /** Returns one ssh row for the columns {@code fields}, now and then malformed. */
  private static String sshRow(Random random, String[] fields, int index, String unset, String empty) {
    List<String> values = new ArrayList<>();
    boolean inbound = random.nextInt(6) != 0;
    for (String field : fields) {
      values.add(switch (field) {
        case "ts" -> random.nextInt(40) == 0 ? "not-a-time"
            : random.nextInt(30) == 0 ? "2024-04-19T00:00:0" + random.nextInt(10) + "Z"
            : (1713484800 + random.nextInt(60)) + "." + (100000 + random.nextInt(3) * 5);
        case "uid" -> uid(random, index, unset, empty);
        case "id.orig_h" -> random.nextInt(50) == 0 ? "999.1.1.1"
            : inbound ? pick(random, EXTERNAL) : pick(random, INTERNAL);
        case "id.resp_h" -> random.nextInt(8) == 0 ? pick(random, EXTERNAL) : pick(random, INTERNAL);
        case "id.orig_p" -> random.nextInt(60) == 0 ? "70000" : String.valueOf(40000 + random.nextInt(3));
        case "id.resp_p" -> random.nextInt(5) == 0 ? "2222" : "22";
        case "auth_success" -> random.nextInt(50) == 0 ? "maybe" : pick(random, new String[] {"T", "F", unset});
        case "auth_attempts" -> random.nextInt(40) == 0 ? "x" : random.nextBoolean() ? unset
            : String.valueOf(random.nextInt(4));
        case "direction" -> pick(random, new String[] {"INBOUND", "OUTBOUND", unset, empty, "SIDEWAYS"});
        case "client", "server" -> random.nextInt(10) == 0 ? unset : random.nextInt(10) == 0 ? empty
            : pick(random, BANNERS);
        case "host_key", "host_key_fingerprint" -> random.nextInt(5) == 0 ? unset
            : "aa:bb:" + random.nextInt(12);
        default -> random.nextInt(6) == 0 ? unset : field + random.nextInt(10);
      });
    }
    return join(random, values);
  }

  private static String connRow(Random random, int index, String unset) {
    List<String> values = new ArrayList<>();
    boolean inbound = random.nextInt(5) != 0;
    for (String field : CONN_FIELDS) {
      values.add(switch (field) {
        case "ts" -> (1713484800 + random.nextInt(60)) + ".5";
        case "uid" -> uid(random, index, unset, "(empty)");
        case "id.orig_h" -> inbound ? pick(random, EXTERNAL) : pick(random, INTERNAL);
        case "id.resp_h" -> pick(random, INTERNAL);
        case "id.orig_p" -> "40000";
        case "id.resp_p" -> "22";
        case "duration" -> random.nextInt(30) == 0 ? "bad" : random.nextBoolean() ? unset
            : random.nextInt(40) + "." + random.nextInt(1000);
        case "orig_bytes", "resp_bytes" -> random.nextInt(30) == 0 ? "-5" : String.valueOf(random.nextInt(9000));
        case "conn_state" -> pick(random, new String[] {"SF", "S0", "REJ", "RSTO", unset, "ODD"});
        case "local_orig", "local_resp" -> pick(random, new String[] {"T", "F", unset, "Y"});
        default -> unset;
      });
    }
    return join(random, values);
  }

  private static String dnsRow(Random random, int index) {
    return (1713484800 + index) + ".1\tCdns" + index + "\t10.1.2.3\t5353\t10.0.0.53\t53\thost"
        + random.nextInt(5) + ".example\tA\t10.1.2." + random.nextInt(9) + ",10.1.2.200\n";
  }

  /** Joins values with tabs, and now and then cuts a row short, adds a field or ends it with CRLF. */
  private static String join(Random random, List<String> values) {
    int damage = random.nextInt(60);
    if (damage == 0) {
      values = values.subList(0, values.size() - 3);
    } else if (damage == 1) {
      values = new ArrayList<>(values);
      values.add("extra");
    }
    return String.join("\t", values) + (damage == 2 ? "\r\n" : "\n");
  }

  private static String sshLog(Random random, int rows, boolean severalBlocks) {
    StringBuilder text = new StringBuilder(header("ssh", SSH_FIELDS, "-", "(empty)"));
    for (int i = 0; i < rows; i++) {
      if (severalBlocks && i == rows / 3) {
        text.append("#close\t2024-04-19-01-00-00\n")
            .append(header("ssh", SSH_FIELDS_REORDERED, "NULL", "EMPTY"));
      }
      if (severalBlocks && i == 2 * rows / 3) {
        text.append(header("ssh", SSH_FIELDS, "-", "(empty)"));
      }
      if (random.nextInt(40) == 0) {
        text.append(random.nextBoolean() ? "\n" : "  \t\n");
      }
      boolean second = severalBlocks && i >= rows / 3 && i < 2 * rows / 3;
      text.append(second
          ? sshRow(random, SSH_FIELDS_REORDERED, i, "NULL", "EMPTY")
          : sshRow(random, SSH_FIELDS, i, "-", "(empty)"));
    }
    return text.append("#close\t2024-04-19-02-00-00\n").toString();
  }

  private static String connLog(Random random, int rows) {
    StringBuilder text = new StringBuilder(header("conn", CONN_FIELDS, "-", "(empty)"));
    for (int i = 0; i < rows; i++) {
      text.append(connRow(random, i * 3 % rows, "-"));
    }
    return text.toString();
  }

  private static String jsonLog(Random random, int rows) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      boolean inbound = random.nextInt(6) != 0;
      String from = inbound ? pick(random, EXTERNAL) : pick(random, INTERNAL);
      String to = pick(random, INTERNAL);
      String auth = pick(random, new String[] {"true", "false", "null", "\"T\""});
      String uid = random.nextInt(10) == 0 ? "null" : "\"C" + (i % 300) + "j\"";
      String client = random.nextInt(8) == 0 ? "\"caf\\u00e9 \\\"q\\\"\"" : "\"" + pick(random, BANNERS).replace("\\", "\\\\") + "\"";
      String body = "\"ts\":" + (1713484800 + random.nextInt(60)) + "." + random.nextInt(1000)
          + ",\"uid\":" + uid + ",\"id.orig_h\":\"" + from + "\",\"id.orig_p\":" + (40000 + random.nextInt(3))
          + ",\"id.resp_h\":\"" + to + "\",\"id.resp_p\":22,\"auth_success\":" + auth
          + ",\"auth_attempts\":" + random.nextInt(3) + ",\"client\":" + client
          + ",\"server\":\"SSH-2.0-OpenSSH\",\"host_key\":\"aa:" + random.nextInt(5) + "\"";
      switch (random.nextInt(25)) {
        case 0 -> text.append("{\"ssh\":{").append(body).append("}}\n");
        case 1 -> text.append("{").append(body).append(",\"id\":{\"orig_h\":\"").append(from).append("\"}}\n");
        case 2 -> text.append("{").append(body).append("\n");
        case 3 -> text.append("{\"_path\":\"conn\",\"ts\":1713484800.5,\"uid\":").append(uid)
            .append(",\"id.orig_h\":\"").append(from).append("\",\"id.orig_p\":1,\"id.resp_h\":\"")
            .append(to).append("\",\"id.resp_p\":22,\"conn_state\":\"SF\",\"duration\":30.5,")
            .append("\"orig_bytes\":5000,\"resp_bytes\":6000}\n");
        case 4 -> text.append("\n");
        default -> text.append("{").append(body).append("}\n");
      }
    }
    return text.toString();
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = directory.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return file;
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static byte[] zstd(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream zstd = new ZstdOutputStream(out)) {
      zstd.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] joined = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }

  // ---- cases ----

  @Test
  void tsvWithSeveralHeaderBlocksAndConnLog() throws IOException {
    Random random = new Random(1);
    Path ssh = write("ssh.log", "\ufeff" + sshLog(random, 400, true));
    Path conn = write("conn.log", connLog(random, 500));

    assertSameOutcome(List.of(ssh, conn));
  }

  @Test
  void connBeforeSshInOneFile() throws IOException {
    Random random = new Random(2);
    Path mixed = write("mixed.log", connLog(random, 300) + sshLog(random, 300, false)
        + header("dns", DNS_FIELDS, "-", "(empty)") + dnsRow(random, 1) + dnsRow(random, 2));

    assertSameOutcome(List.of(mixed));
  }

  @Test
  void jsonLines() throws IOException {
    Random random = new Random(3);
    Path json = write("ssh.json", jsonLog(random, 500));

    assertSameOutcome(List.of(json));
  }

  @Test
  void gzipZstdAndBrokenStreams() throws IOException {
    Random random = new Random(4);
    String first = sshLog(random, 300, true);
    String second = sshLog(random, 200, false);
    byte[] members = concat(gzip(first), gzip(second));
    byte[] truncated = Arrays.copyOf(members, members.length * 2 / 3);
    byte[] corrupt = gzip(first);
    corrupt[corrupt.length / 2] ^= 0x55;

    assertSameOutcome(List.of(
        write("a/ssh.log.gz", members),
        write("b/ssh.log.gz", truncated),
        write("c/ssh.log.gz", corrupt),
        write("d/ssh.log.zst", zstd(second)),
        write("e/ssh.log.gz", Arrays.copyOf(gzip(first), 5)),
        write("f/conn.log.gz", gzip(connLog(random, 400))),
        write("g/ssh.json.gz", gzip(jsonLog(random, 200)))));
  }

  @Test
  void directoryOfRotatedFilesRowsOutOfOrder() throws IOException {
    Random random = new Random(5);
    List<Path> files = new ArrayList<>();
    for (int hour = 0; hour < 6; hour++) {
      String stamp = String.format("%02d:00:00-%02d:00:00", hour, hour + 1);
      String text = sshLog(random, 80 + random.nextInt(80), hour % 2 == 0);
      files.add(hour % 3 == 0
          ? write("logs/ssh." + stamp + ".log.gz", gzip(text))
          : write("logs/ssh." + stamp + ".log", text));
    }
    // A repeated file, as overlapping rotations give, repeats every uid.
    files.add(files.get(1));
    files.add(write("logs/conn.00:00:00-01:00:00.log.gz", gzip(connLog(random, 600))));

    assertSameOutcome(files);
  }

  @Test
  void lastLineWithoutNewlineAndEmptyFiles() throws IOException {
    Random random = new Random(6);
    String text = sshLog(random, 100, false);
    String cut = text.substring(0, text.length() - 40);

    assertSameOutcome(List.of(
        write("cut/ssh.log", cut),
        write("cutgz/ssh.log.gz", gzip(cut)),
        write("empty/ssh.log", ""),
        write("blank/ssh.log", "\n\n  \n"),
        write("noheader/ssh.log", "just some text\nand more\n")));
  }

  @Test
  void linesLongerThanTheReaderKeeps() throws IOException {
    Random random = new Random(7);
    String longLine = "x".repeat(LineReader.MAX_LINE_LENGTH + 10) + "\n";
    String text = sshLog(random, 30, false) + longLine + sshLog(random, 30, false) + longLine
        + longLine.substring(0, 1000);

    assertSameOutcomeFewSizes(List.of(write("plain/ssh.log", text), write("packed/ssh.log.gz", gzip(text))));
  }

  /** Like {@link #assertSameOutcome} with fewer part sizes, for inputs of many megabytes. */
  private static void assertSameOutcomeFewSizes(List<Path> files) {
    List<InputSource> sources = files.stream().map(InputSource::file).toList();
    Outcome expected = recordByRecord(sources, ModelSettings.DEFAULTS);
    for (int threads : new int[] {1, 2}) {
      for (int partSize : new int[] {4096, 1 << 20}) {
        assertThat(parallel(sources, ModelSettings.DEFAULTS, threads, partSize))
            .as(threads + " threads, parts of " + partSize + " bytes")
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void missingFileIsUnreadableInBothPaths() throws IOException {
    Random random = new Random(8);
    Path present = write("ssh.log", sshLog(random, 50, false));
    Path missing = directory.resolve("gone/ssh.log");

    assertSameOutcome(List.of(present, missing));
  }
}
