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

class ExplainCommandTest {

  private static final String DEFAULTS_HEADER = "Internal networks: the defaults (10.0.0.0/8,"
      + " 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, 127.0.0.0/8, 169.254.0.0/16, fc00::/7,"
      + " ::1/128, fe80::/10)";

  @TempDir
  Path directory;

  /** The exit code and the output lines of one run. */
  private record Run(int exitCode, List<String> out, List<String> err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = new CommandLine(new ExplainCommand())
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
  void defaultsExplainExternal() {
    Run run = run("203.0.113.9");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsExactly(
        DEFAULTS_HEADER,
        "203.0.113.9  external  outside every internal network");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void columnsAlignAcrossAddresses() {
    Run run = run("203.0.113.9", "10.1.2.3", "224.0.0.1", "fd00::1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsExactly(
        DEFAULTS_HEADER,
        "203.0.113.9  external    outside every internal network",
        "10.1.2.3     internal    network 10.0.0.0/8 (private-use, RFC 1918)",
        "224.0.0.1    unroutable  multicast (224.0.0.0/4, RFC 5771)",
        "fd00::1      internal    network fc00::/7 (unique local, RFC 4193)");
  }

  @Test
  void siteFileNamesNetwork() throws IOException {
    Path site = site("internal:\n  - name: blue-team\n    cidrs: [10.47.0.0/16]\n");

    Run run = run("--site", site.toString(), "10.47.8.50", "10.1.1.1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsExactly(
        "Internal networks: 1 from " + site,
        "10.47.8.50  internal  network blue-team (10.47.0.0/16)",
        "10.1.1.1    external  outside every internal network");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void internalOptionAddsToSite() throws IOException {
    Path site = site("internal:\n  - name: blue-team\n    cidrs: [10.47.0.0/16]\n");

    Run run = run("--site", site.toString(), "--internal", "198.51.100.0/24",
        "--internal", "2001:db8::/32", "198.51.100.7", "10.47.0.1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsExactly(
        "Internal networks: 1 from " + site + " and 2 from --internal",
        "198.51.100.7  internal  network 198.51.100.0/24",
        "10.47.0.1     internal  network blue-team (10.47.0.0/16)");
  }

  @Test
  void internalOptionAlone() {
    Run run = run("--internal", "198.51.100.0/24", "10.1.2.3", "198.51.100.7");

    assertThat(run.out()).containsExactly(
        "Internal networks: 1 from --internal",
        "10.1.2.3      external  outside every internal network",
        "198.51.100.7  internal  network 198.51.100.0/24");
  }

  @Test
  void emptySiteUsesDefaults() throws IOException {
    Path site = site("internal: []\n");

    Run run = run("--site", site.toString(), "10.1.2.3");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsExactly(
        "Internal networks: the defaults, because " + site + " lists none (10.0.0.0/8,"
            + " 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, 127.0.0.0/8, 169.254.0.0/16,"
            + " fc00::/7, ::1/128, fe80::/10)",
        "10.1.2.3  internal  network 10.0.0.0/8 (private-use, RFC 1918)");
    assertThat(run.err()).containsExactly(site + ":1: warning: 'internal' lists no networks,"
        + " so the default internal networks are used");
  }

  @Test
  void emptySiteWithInternalOption() throws IOException {
    Path site = site("likely:\n  min_duration_seconds: 5\n");

    Run run = run("--site", site.toString(), "--internal", "10.0.0.0/8", "10.1.2.3");

    assertThat(run.out()).containsExactly(
        "Internal networks: 1 from --internal (" + site + " lists none)",
        "10.1.2.3  internal  network 10.0.0.0/8 (private-use, RFC 1918)");
  }

  @Test
  void mappedAddressNamesIpv4() {
    Run run = run("::ffff:198.51.100.7", "::ffff:a2f:832");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsExactly(
        DEFAULTS_HEADER,
        "::ffff:198.51.100.7  external  outside every internal network; IPv4-mapped, classified"
            + " as its IPv4 address 198.51.100.7",
        "::ffff:a2f:832       internal  network 10.0.0.0/8 (private-use, RFC 1918); IPv4-mapped,"
            + " classified as its IPv4 address 10.47.8.50");
  }

  @Test
  void invalidAddressStillExplainsOthers() {
    Run run = run("10.1.2.3", "10.1.2", "fe80::1%eth0", "203.0.113.9");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).containsExactly(
        DEFAULTS_HEADER,
        "10.1.2.3     internal  network 10.0.0.0/8 (private-use, RFC 1918)",
        "203.0.113.9  external  outside every internal network");
    assertThat(run.err()).containsExactly(
        "gatehouse explain: '10.1.2' is not a valid IPv4 or IPv6 address",
        "gatehouse explain: 'fe80::1%eth0' is not a valid IPv4 or IPv6 address");
  }

  @Test
  void invalidInternalIsUsageError() {
    Run run = run("--internal", "10.0.0.0/33", "10.1.2.3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).first().isEqualTo("Invalid value for option '--internal' (CIDR):"
        + " '10.0.0.0/33' is not a valid CIDR: prefix length must be 0-32 for IPv4");
  }

  @Test
  void siteErrorsExplainNothing() throws IOException {
    Path site = site("internal:\n  - 10.0.0.1/8\n");

    Run run = run("--site", site.toString(), "10.1.2.3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).containsExactly(
        site + ":2: error: '10.0.0.1/8' is not a valid CIDR: host bits are set (the network is"
            + " 10.0.0.0/8)",
        "gatehouse explain: the site file " + site + " has errors; nothing was explained");
  }

  @Test
  void missingSiteFile() {
    Path missing = directory.resolve("absent.yaml");

    Run run = run("--site", missing.toString(), "10.1.2.3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).containsExactly(
        missing + ": error: file not found",
        "gatehouse explain: the site file " + missing + " has errors; nothing was explained");
  }

  @Test
  void addressRequired() {
    Run run = run();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).first().isEqualTo("Missing required parameter: 'ADDRESS'");
  }

  @Test
  void registeredUnderGatehouse() {
    CliRun run = CliRun.of("explain", "192.0.2.1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).containsExactly(
        DEFAULTS_HEADER, "192.0.2.1  external  outside every internal network");
  }
}
