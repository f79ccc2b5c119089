package dev.gatehouse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogTypeTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "ssh.log, SSH",
      "ssh.json, SSH",
      "ssh.json.gz, SSH",
      "ssh.2024-04-19-01-00-00.log.gz, SSH",
      "ssh.01:00:00-02:00:00.log.gz, SSH",
      "conn.log, CONN",
      "conn.log.zst, CONN",
      "conn_json.log, CONN",
      "ssh_20240419_01:00:00-02:00:00-0000.log.gz, SSH",
      "open_conn.01:00:00-02:00:00.log.gz, OTHER",
      "current_ssh.log, OTHER",
      "SSH.log, OTHER",
      "dns.log, DNS",
      "ssh, SSH",
      "'', OTHER",
  })
  void typeFromFileNameUsesTheStem(String fileName, LogType expected) {
    assertThat(LogType.fromFileName(fileName)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"ssh, SSH", "conn, CONN", "dns, DNS", "ssh-filtered, OTHER", "'', OTHER"})
  void typeFromZeekPathIsExact(String path, LogType expected) {
    assertThat(LogType.fromZeekPath(path)).isEqualTo(expected);
  }
}
