package dev.gatehouse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompanionLogsTest {

  @TempDir
  Path dir;

  private Path touch(String name) throws IOException {
    return Files.writeString(dir.resolve(name), "");
  }

  @Test
  void plainSshLogGetsConnLog() throws IOException {
    Path ssh = touch("ssh.log");
    Path conn = touch("conn.log");

    List<InputSource> sources = CompanionLogs.addConnCompanions(List.of(InputSource.file(ssh)));

    assertThat(sources).extracting(InputSource::path).containsExactly(ssh, conn);
    assertThat(sources.get(1).typeFromName()).isEqualTo(LogType.CONN);
  }

  @Test
  void rotatedNameKeepsItsSuffix() throws IOException {
    Path ssh = touch("ssh.01:00:00-02:00:00.log.gz");
    Path conn = touch("conn.01:00:00-02:00:00.log.gz");
    touch("conn.02:00:00-03:00:00.log.gz");

    List<InputSource> sources = CompanionLogs.addConnCompanions(List.of(InputSource.file(ssh)));

    assertThat(sources).extracting(InputSource::path).containsExactly(ssh, conn);
  }

  @Test
  void companionGivenAlreadyIsNotAddedTwice() throws IOException {
    Path ssh = touch("ssh.log");
    Path conn = touch("conn.log");

    List<InputSource> sources = CompanionLogs.addConnCompanions(
        List.of(InputSource.file(conn), InputSource.file(ssh)));

    assertThat(sources).extracting(InputSource::path).containsExactly(conn, ssh);
  }

  @Test
  void missingCompanionAddsNothing() throws IOException {
    Path ssh = touch("ssh.log");

    assertThat(CompanionLogs.addConnCompanions(List.of(InputSource.file(ssh)))).hasSize(1);
  }

  @Test
  void otherNamesAndStdinHaveNoCompanion() throws IOException {
    Path odd = touch("current_ssh.log");
    touch("current_conn.log");

    assertThat(CompanionLogs.addConnCompanions(List.of(InputSource.file(odd), InputSource.stdin())))
        .hasSize(2);
  }
}
