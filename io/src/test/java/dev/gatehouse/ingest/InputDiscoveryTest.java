package dev.gatehouse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.gatehouse.core.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputDiscoveryTest {

  @TempDir
  Path directory;

  private Path touch(String relative) throws IOException {
    Path file = directory.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "");
    return file;
  }

  private static List<String> names(List<InputSource> sources) {
    return sources.stream().map(InputSource::name).toList();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "ssh.log, true",
      "conn.log, true",
      "ssh.json, true",
      "ssh.json.gz, true",
      "conn.log.gz, true",
      "conn.log.zst, true",
      "conn.log.zstd, true",
      "ssh.2024-04-19-01-00-00.log.gz, true",
      "ssh.01:00:00-02:00:00.log.gz, true",
      "conn.00:00:00-01:00:00.log.gz, true",
      "open_conn.00:00:00-01:00:00.log.gz, false",
      "current_ssh.log, false",
      "dns.log, false",
      "ssh.log.bak, false",
      "ssh.txt, false",
      "ssh, false",
      "conn-summary.log, false",
      "ssh.log.gz.tmp, false",
      "ssh.log.1, true",
      "ssh.log.2.gz, true",
      "conn.json.12.zst, true",
      "ssh.log.x1, false",
      "ssh.log., false",
      "ssh_20240419_01:00:00-02:00:00-0000.log.gz, true",
      "conn_red_20240419_01:00:00-02:00:00-0000.log, true",
      "sshd.log, false",
  })
  void zeekLogNames(String fileName, boolean expected) {
    assertThat(InputDiscovery.isZeekLogName(fileName)).isEqualTo(expected);
  }

  @Test
  void directorySearchedInPathOrder() throws IOException {
    touch("ssh.log");
    touch("conn.log.gz");
    touch("2024-04-20/ssh.00:00:00-01:00:00.log.gz");
    touch("2024-04-19/ssh.01:00:00-02:00:00.log.gz");
    touch("2024-04-19/conn.01:00:00-02:00:00.log.gz");
    touch("2024-04-19/open_conn.01:00:00-02:00:00.log.gz");
    touch("json/ssh.json");
    touch("json/conn.json.gz");
    touch("json/dns.json");
    touch("current_ssh.log");
    touch("notes.txt");
    Diagnostics diagnostics = new Diagnostics();

    List<InputSource> sources = InputDiscovery.expand(List.of(directory.toString()), diagnostics);

    String root = directory.toString();
    assertThat(names(sources)).containsExactly(
        root + "/2024-04-19/conn.01:00:00-02:00:00.log.gz",
        root + "/2024-04-19/ssh.01:00:00-02:00:00.log.gz",
        root + "/2024-04-20/ssh.00:00:00-01:00:00.log.gz",
        root + "/conn.log.gz",
        root + "/json/conn.json.gz",
        root + "/json/ssh.json",
        root + "/ssh.log");
    assertThat(sources).extracting(InputSource::typeFromName).containsExactly(
        LogType.CONN, LogType.SSH, LogType.SSH, LogType.CONN, LogType.CONN, LogType.SSH, LogType.SSH);
    assertThat(sources.get(0).path()).isEqualTo(directory.resolve("2024-04-19/conn.01:00:00-02:00:00.log.gz"));
    assertThat(diagnostics.first()).isEmpty();
  }

  @Test
  void filesAreReadWhateverTheirName() throws IOException {
    Path notes = touch("capture-from-sensor.txt");
    Path ssh = touch("ssh.log");

    List<InputSource> sources = InputDiscovery.expand(List.of(notes.toString(), ssh.toString()), new Diagnostics());

    assertThat(sources).containsExactly(
        new InputSource(notes.toString(), notes, LogType.OTHER),
        new InputSource(ssh.toString(), ssh, LogType.SSH));
  }

  @Test
  void dashIsStandardInput() {
    List<InputSource> sources = InputDiscovery.expand(List.of("-"), new Diagnostics());

    assertThat(sources).containsExactly(new InputSource("-", null, LogType.OTHER));
    assertThat(sources.get(0).isStdin()).isTrue();
  }

  @Test
  void missingPathIsReportedAndSkipped() throws IOException {
    Path ssh = touch("ssh.log");
    String missing = directory.resolve("absent/conn.log").toString();
    Diagnostics diagnostics = new Diagnostics();

    List<InputSource> sources = InputDiscovery.expand(List.of(missing, ssh.toString(), "-"), diagnostics);

    assertThat(names(sources)).containsExactly(ssh.toString(), "-");
    assertThat(diagnostics.first()).extracting(Object::toString).containsExactly(
        missing + ": error: cannot read the input: no such file or directory; check the path"
            + " [unreadable-input]");
    assertThat(InputDiscovery.unreadableCount(diagnostics)).isEqualTo(1);
  }

  @Test
  void unreadableFileIsAnError() throws IOException {
    assumeFalse("root".equals(System.getProperty("user.name")), "root can read any file");
    Path ssh = touch("ssh.log");
    Files.setPosixFilePermissions(ssh, PosixFilePermissions.fromString("-w-------"));
    Diagnostics diagnostics = new Diagnostics();

    List<InputSource> sources = InputDiscovery.expand(List.of(ssh.toString()), diagnostics);

    assertThat(sources).isEmpty();
    assertThat(InputDiscovery.unreadableCount(diagnostics)).isEqualTo(1);
  }

  @Test
  void inputsNamedTwiceAreReadOnce() throws IOException {
    Path ssh = touch("ssh.log");
    touch("conn.log");
    Diagnostics diagnostics = new Diagnostics();

    List<InputSource> sources = InputDiscovery.expand(
        List.of(ssh.toString(), directory.toString(), "-", "-", directory.toString()), diagnostics);

    assertThat(names(sources)).containsExactly(ssh.toString(), directory.resolve("conn.log").toString(), "-");
    assertThat(diagnostics.first()).extracting(Object::toString).containsExactly(
        directory + ": warning: 1 of the directory's log files were named before and are read once"
            + " [duplicate-input]",
        "-: warning: standard input ('-') is named more than once and is read once [duplicate-input]",
        directory + ": warning: 2 of the directory's log files were named before and are read once"
            + " [duplicate-input]");
  }

  @Test
  void directoryWithoutLogsWarns() throws IOException {
    touch("dns.log");
    Diagnostics diagnostics = new Diagnostics();

    List<InputSource> sources = InputDiscovery.expand(List.of(directory.toString()), diagnostics);

    assertThat(sources).isEmpty();
    assertThat(diagnostics.countsByReason()).containsExactly(Map.entry("no-log-files", 1L));
    assertThat(InputDiscovery.unreadableCount(diagnostics)).isZero();
  }

  @Test
  void symbolicLinkLoopIsNotFollowed() throws IOException {
    touch("logs/ssh.log");
    Files.createSymbolicLink(directory.resolve("logs/again"), directory.resolve("logs"));
    Diagnostics diagnostics = new Diagnostics();

    List<InputSource> sources = InputDiscovery.expand(List.of(directory.resolve("logs").toString()), diagnostics);

    assertThat(names(sources)).containsExactly(directory.resolve("logs/ssh.log").toString());
    assertThat(diagnostics.countsByReason()).containsExactly(Map.entry("link-loop", 1L));
  }

  @Test
  void ritaDirectoryHasHourlyLogs() {
    Path rita = ThirdPartyData.require("rita/test_data/missing_host");

    List<InputSource> sources = InputDiscovery.expand(List.of(rita.toString()), new Diagnostics());

    assertThat(sources).hasSize(144);
    assertThat(sources).filteredOn(source -> source.typeFromName() == LogType.SSH).hasSize(72);
    assertThat(sources).filteredOn(source -> source.typeFromName() == LogType.CONN).hasSize(72);
    assertThat(sources.get(0).name()).isEqualTo(rita + "/2024-04-19/conn.00:00:00-01:00:00.log.gz");
    assertThat(sources.get(143).name()).isEqualTo(rita + "/2024-04-21/ssh.23:00:00-00:00:00.log.gz");
  }
}
