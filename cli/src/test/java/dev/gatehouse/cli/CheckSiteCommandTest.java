package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckSiteCommandTest {

  @TempDir
  Path directory;

  /** The exit code and the output lines of one run. */
  private record Run(int exitCode, List<String> out, List<String> err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = new CommandLine(new CheckSiteCommand())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
    return new Run(exitCode, out.toString().lines().toList(), err.toString().lines().toList());
  }

  private Path site(String text) throws IOException {
    Path file = directory.resolve("site.yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void validFileSummarized() throws IOException {
    Path site = site("""
        internal:
          - name: blue-team
            cidrs: [10.47.0.0/16, 10.48.0.0/16]
          - cidr: 192.168.0.0/16
          - 172.16.0.0/12
        likely:
          min_duration_seconds: 12.5
        """);

    Run run = run(site.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsExactly(site + ": valid, 4 internal networks");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void singleNetworkSingular() throws IOException {
    Path site = site("internal: [10.0.0.0/8]\n");

    assertThat(run(site.toString()).out()).containsExactly(site + ": valid, 1 internal network");
  }

  @Test
  void errorsListedWithLines() throws IOException {
    Path site = site("""
        internal:
          - 10.0.0.0/33
          - 10.0.0.0/8
          - 10.1.0.0/16
        likely:
          min_originator_bytes: -1
        """);

    Run run = run(site.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).containsExactly(
        site + ":2: error: '10.0.0.0/33' is not a valid CIDR: prefix length must be 0-32 for IPv4",
        site + ":4: warning: '10.1.0.0/16' (line 4) lies inside '10.0.0.0/8' (line 3), so it adds"
            + " nothing",
        site + ":6: error: 'min_originator_bytes' must not be negative: -1",
        site + ": 2 errors, 1 warning");
  }

  @Test
  void warningsOnlyExitZero() throws IOException {
    Path site = site("internal:\n  - 10.0.0.0/8\n  - 10.0.0.0/8\n");

    Run run = run(site.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsExactly(
        site + ":3: warning: '10.0.0.0/8' is already listed on line 2",
        site + ": valid, 2 internal networks, 1 warning");
  }

  @Test
  void emptyInternalMentionsDefaults() throws IOException {
    Path site = site("internal: []\n");

    Run run = run(site.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsExactly(
        site + ":1: warning: 'internal' lists no networks, so the default internal networks are used",
        site + ": valid, no internal networks (the defaults are used), 1 warning");
  }

  @Test
  void missingFileIsError() {
    Path missing = directory.resolve("absent.yaml");

    Run run = run(missing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).containsExactly(
        missing + ": error: file not found",
        missing + ": 1 error, 0 warnings");
  }

  @Test
  void yamlSyntaxErrorHasLine() throws IOException {
    Path site = site("internal:\n  - 10.0.0.0/8\n likely: 3\n");

    Run run = run(site.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).containsExactly(
        site + ":3: error: invalid YAML: expected <block end>, but found '<block mapping start>'"
            + " (while parsing a block mapping that starts on line 1)",
        site + ": 1 error, 0 warnings");
  }

  @Test
  void fileRequired() {
    Run run = run();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).first().isEqualTo("Missing required parameter: 'FILE'");
  }

  @Test
  void registeredUnderGatehouse() throws IOException {
    Path site = site("internal: [10.0.0.0/8]\n");

    CliRun run = CliRun.of("check-site", site.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).containsExactly(site + ": valid, 1 internal network");
  }
}
