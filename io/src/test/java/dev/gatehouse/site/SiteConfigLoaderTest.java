package dev.gatehouse.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.model.LikelyThresholds;
import dev.gatehouse.core.net.Cidr;
import dev.gatehouse.core.net.IpAddress;
import dev.gatehouse.core.net.NetworkMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SiteConfigLoaderTest {

  private static final String EXAMPLE = """
      # site.yaml
      internal:
        - name: blue-team          # optional name, travels into detections
          cidrs: [10.47.0.0/16]    # one or more
        - cidr: 192.168.0.0/16     # single form also accepted
        - 172.16.0.0/12            # bare string, unnamed
      likely:
        min_duration_seconds: 10   # number, may be fractional
        min_originator_bytes: 4000
        min_responder_bytes: 4000
      evidence:
        max_sessions: 10
      """;

  @TempDir
  Path directory;

  private SiteLoadResult load(String text) throws IOException {
    Path file = directory.resolve("site.yaml");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return SiteConfigLoader.load(file);
  }

  private List<String> problems(String text) throws IOException {
    return load(text).problems().stream().map(SiteProblem::toString).toList();
  }

  private static NetworkMap.Network network(String name, String cidr) {
    return new NetworkMap.Network(name, Cidr.parse(cidr));
  }

  @Test
  void exampleLoadsWithoutProblems() throws IOException {
    SiteLoadResult result = load(EXAMPLE);

    assertThat(result.problems()).isEmpty();
    SiteConfig config = result.config();
    assertThat(config.internal()).containsExactly(
        network("blue-team", "10.47.0.0/16"),
        network(null, "192.168.0.0/16"),
        network(null, "172.16.0.0/12"));
    assertThat(config.likely()).isEqualTo(new LikelyThresholds(10_000_000L, 4_000L, 4_000L));
    assertThat(config.maxEvidence()).isEqualTo(10);
    assertThat(config.source()).isEqualTo(directory.resolve("site.yaml"));
    assertThat(result.source()).isEqualTo(directory.resolve("site.yaml"));
  }

  @Test
  void exampleNamesTravelIntoMap() throws IOException {
    NetworkMap map = load(EXAMPLE).config().networkMap();

    assertThat(map.classify(IpAddress.parse("10.47.8.50")).rule())
        .isEqualTo("network blue-team (10.47.0.0/16)");
    assertThat(map.networkName(IpAddress.parse("10.47.8.50"))).isEqualTo("blue-team");
    assertThat(map.networkName(IpAddress.parse("192.168.1.1"))).isNull();
    assertThat(map.classify(IpAddress.parse("10.1.1.1")).rule())
        .isEqualTo("outside every internal network");
  }

  @Test
  void missingSectionsKeepDefaults() throws IOException {
    SiteLoadResult result = load("evidence:\n  max_sessions: 3\n");

    assertThat(result.problems()).isEmpty();
    assertThat(result.config().internal()).isEmpty();
    assertThat(result.config().likely()).isEqualTo(LikelyThresholds.DEFAULTS);
    assertThat(result.config().maxEvidence()).isEqualTo(3);
    assertThat(result.config().networkMap()).isSameAs(NetworkMap.defaults());
  }

  @Test
  void emptySectionsKeepDefaults() throws IOException {
    SiteLoadResult result = load("likely:\nevidence:\n");

    assertThat(result.problems()).isEmpty();
    assertThat(result.config().likely()).isEqualTo(LikelyThresholds.DEFAULTS);
    assertThat(result.config().maxEvidence()).isEqualTo(SiteConfig.DEFAULT_MAX_EVIDENCE);
  }

  static Stream<Arguments> thresholdValues() {
    return Stream.of(
        Arguments.of("min_duration_seconds: 2.5", new LikelyThresholds(2_500_000L, 4_000L, 4_000L)),
        Arguments.of("min_duration_seconds: 0", new LikelyThresholds(0L, 4_000L, 4_000L)),
        Arguments.of("min_duration_seconds: 0.0000005", new LikelyThresholds(1L, 4_000L, 4_000L)),
        Arguments.of("min_duration_seconds: 0.0000004", new LikelyThresholds(0L, 4_000L, 4_000L)),
        Arguments.of("min_duration_seconds: 1e3",
            new LikelyThresholds(1_000_000_000L, 4_000L, 4_000L)),
        Arguments.of("min_duration_seconds: 9223372036854",
            new LikelyThresholds(9_223_372_036_854_000_000L, 4_000L, 4_000L)),
        Arguments.of("min_originator_bytes: 0", new LikelyThresholds(10_000_000L, 0L, 4_000L)),
        Arguments.of("min_originator_bytes: 4000.0", new LikelyThresholds(10_000_000L, 4_000L, 4_000L)),
        Arguments.of("min_originator_bytes: 1e3", new LikelyThresholds(10_000_000L, 1_000L, 4_000L)),
        Arguments.of("min_responder_bytes: 9223372036854775807",
            new LikelyThresholds(10_000_000L, 4_000L, Long.MAX_VALUE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("thresholdValues")
  void thresholdsConvert(String line, LikelyThresholds expected) throws IOException {
    SiteLoadResult result = load("likely:\n  " + line + "\n");

    assertThat(result.problems()).isEmpty();
    assertThat(result.config().likely()).isEqualTo(expected);
  }

  @Test
  void maxSessionsAcceptsZeroAndIntMax() throws IOException {
    assertThat(load("evidence:\n  max_sessions: 0\n").config().maxEvidence()).isZero();
    assertThat(load("evidence:\n  max_sessions: 2147483647\n").config().maxEvidence())
        .isEqualTo(Integer.MAX_VALUE);
  }

  static Stream<Arguments> invalidFiles() {
    return Stream.of(
        Arguments.of("internal: [10.0.0.0/33]\n", List.of(
            "line 1: error: '10.0.0.0/33' is not a valid CIDR: prefix length must be 0-32 for IPv4")),
        Arguments.of("internal:\n  - 10.0.0.1/8\n", List.of(
            "line 2: error: '10.0.0.1/8' is not a valid CIDR: host bits are set"
                + " (the network is 10.0.0.0/8)")),
        Arguments.of("internal:\n  - cidr: 2001:db8::1/32\n", List.of(
            "line 2: error: '2001:db8::1/32' is not a valid CIDR: host bits are set"
                + " (the network is 2001:db8::/32)")),
        Arguments.of("internal:\n  - cidr: 10.0.0/8\n", List.of(
            "line 2: error: '10.0.0/8' is not a valid CIDR: '10.0.0' is not an IPv4 or IPv6 address")),
        Arguments.of("internal:\n  -\n", List.of(
            "line 2: error: an 'internal' entry must be a CIDR string or a mapping with 'cidr' or"
                + " 'cidrs', not empty")),
        Arguments.of("internal:\n  - 42\n", List.of(
            "line 2: error: an 'internal' entry must be a CIDR string or a mapping with 'cidr' or"
                + " 'cidrs', not the number 42")),
        Arguments.of("internal: 10.0.0.0/8\n", List.of(
            "line 1: error: 'internal' must be a list of networks, not the string '10.0.0.0/8'")),
        Arguments.of("internal:\n  - name: x\n", List.of(
            "line 2: error: an 'internal' entry must have 'cidr' or 'cidrs'")),
        Arguments.of("internal:\n  - cidr: 10.0.0.0/8\n    cidrs: [11.0.0.0/8]\n", List.of(
            "line 3: error: an 'internal' entry must have 'cidr' or 'cidrs', not both")),
        Arguments.of("internal:\n  - cidrs: 10.0.0.0/8\n", List.of(
            "line 2: error: 'cidrs' must be a list of CIDR strings, not the string '10.0.0.0/8';"
                + " use 'cidr' for a single network")),
        Arguments.of("internal:\n  - cidrs: []\n", List.of(
            "line 2: error: 'cidrs' must list at least one CIDR")),
        Arguments.of("internal:\n  - cidrs: [10.0.0.0/8, 7]\n", List.of(
            "line 2: error: an item of 'cidrs' must be a CIDR string such as 10.0.0.0/8,"
                + " not the number 7")),
        Arguments.of("internal:\n  - cidr: [10.0.0.0/8]\n", List.of(
            "line 2: error: 'cidr' must be a CIDR string such as 10.0.0.0/8, not a list")),
        Arguments.of("internal:\n  - cidr: 10.0.0.0/8\n    color: red\n", List.of(
            "line 3: error: unknown key 'color' in an 'internal' entry; the allowed keys are"
                + " name, cidr, cidrs")),
        Arguments.of("internal:\n  - name: 42\n    cidr: 10.0.0.0/8\n", List.of(
            "line 2: error: 'name' must be a string, not the number 42; quote it to use it as a name")),
        Arguments.of("internal:\n  - name: [a]\n    cidr: 10.0.0.0/8\n", List.of(
            "line 2: error: 'name' must be a string, not a list")),
        Arguments.of("internal:\n  - name:\n    cidr: 10.0.0.0/8\n", List.of(
            "line 2: error: 'name' must be a string, not empty")),
        Arguments.of("internal:\n  - name: ''\n    cidr: 10.0.0.0/8\n", List.of(
            "line 2: error: 'name' must not be empty")),
        Arguments.of("internal:\n  - name: ' dmz'\n    cidr: 10.0.0.0/8\n", List.of(
            "line 2: error: 'name' must not start or end with whitespace: ' dmz'")),
        Arguments.of("internal:\n  - name: \"a\\tb\"\n    cidr: 10.0.0.0/8\n", List.of(
            "line 2: error: 'name' must not contain control characters such as line breaks")),
        Arguments.of("internal:\n  - name: 42\n    cidr: 10.0.0.0/33\n", List.of(
            "line 2: error: 'name' must be a string, not the number 42; quote it to use it as a name",
            "line 3: error: '10.0.0.0/33' is not a valid CIDR: prefix length must be 0-32 for IPv4")),
        Arguments.of("assets: []\n", List.of(
            "line 1: error: unknown key 'assets'; the allowed top-level keys are internal,"
                + " likely, evidence, scoring, geoip, threat_lists, inventory, novelty, triage")),
        Arguments.of("likely:\n  min_duration: 5\n", List.of(
            "line 2: error: unknown key 'min_duration' in 'likely'; the allowed keys are"
                + " min_duration_seconds, min_originator_bytes, min_responder_bytes")),
        Arguments.of("evidence:\n  max: 5\n", List.of(
            "line 2: error: unknown key 'max' in 'evidence'; the only allowed key is max_sessions")),
        Arguments.of("likely: [1]\n", List.of(
            "line 1: error: 'likely' must be a mapping, not a list")),
        Arguments.of("evidence: 5\n", List.of(
            "line 1: error: 'evidence' must be a mapping, not the number 5")),
        Arguments.of("likely:\n  min_duration_seconds: \"10\"\n", List.of(
            "line 2: error: 'min_duration_seconds' must be a number of seconds, not the string '10';"
                + " remove the quotes")),
        Arguments.of("likely:\n  min_duration_seconds: 10s\n", List.of(
            "line 2: error: 'min_duration_seconds' must be a number of seconds, not the string '10s'")),
        Arguments.of("likely:\n  min_duration_seconds: -1\n", List.of(
            "line 2: error: 'min_duration_seconds' must not be negative: -1")),
        Arguments.of("likely:\n  min_duration_seconds: 1e13\n", List.of(
            "line 2: error: 'min_duration_seconds' is too large: 1e13; the maximum is"
                + " 9223372036854 seconds")),
        Arguments.of("likely:\n  min_duration_seconds: .inf\n", List.of(
            "line 2: error: '.inf' is not a finite number")),
        Arguments.of("likely:\n  min_duration_seconds:\n", List.of(
            "line 2: error: 'min_duration_seconds' must be a number of seconds, not empty")),
        Arguments.of("likely:\n  min_originator_bytes: -4000\n", List.of(
            "line 2: error: 'min_originator_bytes' must not be negative: -4000")),
        Arguments.of("likely:\n  min_originator_bytes: 4000.5\n", List.of(
            "line 2: error: 'min_originator_bytes' must be a whole number of bytes: 4000.5")),
        Arguments.of("likely:\n  min_responder_bytes: 9223372036854775808\n", List.of(
            "line 2: error: 'min_responder_bytes' is too large: 9223372036854775808;"
                + " the maximum is 9223372036854775807")),
        Arguments.of("likely:\n  min_responder_bytes: true\n", List.of(
            "line 2: error: 'min_responder_bytes' must be a whole number of bytes,"
                + " not the boolean true")),
        Arguments.of("evidence:\n  max_sessions: -3\n", List.of(
            "line 2: error: 'max_sessions' must not be negative: -3")),
        Arguments.of("evidence:\n  max_sessions: 2.5\n", List.of(
            "line 2: error: 'max_sessions' must be a whole number of sessions: 2.5")),
        Arguments.of("evidence:\n  max_sessions: 2147483648\n", List.of(
            "line 2: error: 'max_sessions' is too large: 2147483648; the maximum is 2147483647")),
        Arguments.of("likely: {}\nlikely: {}\n", List.of(
            "line 2: error: duplicate key 'likely'; it first appears on line 1")),
        Arguments.of("internal:\n  - &net 10.0.0.0/8\n  - *net\n", List.of(
            "line 3: error: aliases such as '*net' are not supported; write the value again")),
        Arguments.of("internal: []\n---\nlikely: {}\n", List.of(
            "line 1: warning: 'internal' lists no networks, so the default internal networks are used",
            "line 3: error: a second YAML document starts here; a site file contains one document")),
        Arguments.of("- 10.0.0.0/8\n", List.of(
            "line 1: error: a site file must be a mapping with the keys internal, likely, evidence,"
                + " scoring, geoip, threat_lists, inventory, novelty, triage, not a list")),
        Arguments.of("hello\n", List.of(
            "line 1: error: a site file must be a mapping with the keys internal, likely, evidence,"
                + " scoring, geoip, threat_lists, inventory, novelty, triage, not the string 'hello'")),
        Arguments.of("internal: [10.0.0.0/8\nlikely: {}\n", List.of(
            "line 2: error: invalid YAML: expected ',' or ']', but got : (while parsing a flow"
                + " sequence that starts on line 1)")),
        Arguments.of("internal: [fc00::/7, ::1/128]\n", List.of(
            "line 1: error: invalid YAML: expected the node content, but found ':' (while parsing a"
                + " flow node that starts on line 1); quote values that start with ':', such as"
                + " \"::1/128\"")),
        Arguments.of("likely:\n\tmin_duration_seconds: 1\n", List.of(
            "line 2: error: invalid YAML: found character '\\t(TAB)' that cannot start any token."
                + " (Do not use \\t(TAB) for indentation)")),
        Arguments.of("likely: 1\n  evidence: 2\n", List.of(
            "line 2: error: invalid YAML: mapping values are not allowed here")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("invalidFiles")
  void invalidFileReported(String text, List<String> expected) throws IOException {
    assertThat(problems(text)).containsExactlyElementsOf(expected);
  }

  @Test
  void everyProblemCollected() throws IOException {
    String text = """
        internal:
          - 10.0.0.0/33
          - name: blue-team
            cidrs: [10.47.0.0/16]
          - name: dmz
            cidr: 10.0.0.0/8
          - 10.47.1.0/24
          - 224.0.0.0/24
        likely:
          min_duration_seconds: 10.5
          min_originator_bytes: -4000
          min_responder_bytes: "4000"
          max: 1
        evidence:
          max_sessions: 2.5
        assets: []
        """;

    assertThat(problems(text)).containsExactly(
        "line 2: error: '10.0.0.0/33' is not a valid CIDR: prefix length must be 0-32 for IPv4",
        "line 6: error: '10.47.0.0/16' (blue-team, line 4) lies inside '10.0.0.0/8' (dmz, line 6)"
            + " under a different name; an address must belong to one named network, so give them"
            + " the same name or remove one",
        "line 7: warning: '10.47.1.0/24' (line 7) lies inside '10.47.0.0/16' (blue-team, line 4)"
            + " but has no name, so its addresses are reported without the name 'blue-team'",
        "line 8: warning: '224.0.0.0/24' lies inside the unroutable range multicast (224.0.0.0/4,"
            + " RFC 5771), so its addresses are never internal",
        "line 11: error: 'min_originator_bytes' must not be negative: -4000",
        "line 12: error: 'min_responder_bytes' must be a whole number of bytes, not the string"
            + " '4000'; remove the quotes",
        "line 13: error: unknown key 'max' in 'likely'; the allowed keys are min_duration_seconds,"
            + " min_originator_bytes, min_responder_bytes",
        "line 15: error: 'max_sessions' must be a whole number of sessions: 2.5",
        "line 16: error: unknown key 'assets'; the allowed top-level keys are internal, likely,"
            + " evidence, scoring, geoip, threat_lists, inventory, novelty, triage");
  }

  @Test
  void problemsCarryColumns() throws IOException {
    List<SiteProblem> problems = load("internal:\n  - name: a\n    cidr: 10.0.0.0/33\n").problems();

    assertThat(problems).containsExactly(new SiteProblem(3, 11, SiteProblem.ERROR,
        "'10.0.0.0/33' is not a valid CIDR: prefix length must be 0-32 for IPv4"));
  }

  @Test
  void emptyFileWarns() throws IOException {
    SiteLoadResult result = load("");

    assertThat(result.problems()).containsExactly(new SiteProblem(0, 0, SiteProblem.WARNING,
        "the file is empty, so every setting has its default"));
    assertThat(result.config().internal()).isEmpty();
    assertThat(result.config().likely()).isEqualTo(LikelyThresholds.DEFAULTS);
  }

  @Test
  void commentOnlyFileWarns() throws IOException {
    assertThat(problems("# nothing here yet\n")).containsExactly(
        "warning: the file is empty, so every setting has its default");
  }

  @Test
  void emptyInternalUsesDefaults() throws IOException {
    SiteLoadResult listed = load("internal: []\n");
    SiteLoadResult bare = load("internal:\n");

    assertThat(listed.problems()).containsExactly(new SiteProblem(1, 11, SiteProblem.WARNING,
        "'internal' lists no networks, so the default internal networks are used"));
    assertThat(listed.config().networkMap()).isSameAs(NetworkMap.defaults());
    assertThat(bare.problems()).map(SiteProblem::message).containsExactly(
        "'internal' lists no networks, so the default internal networks are used");
    assertThat(bare.config().internal()).isEmpty();
  }

  @Test
  void everyTopLevelKeyAccepted() throws IOException {
    for (String key : SiteValidator.TOP_LEVEL_KEYS) {
      assertThat(load(key + ":\n").errors()).as(key).isEmpty();
    }
    assertThat(SiteValidator.TOP_LEVEL_KEYS).containsExactly("internal", "likely", "evidence", "scoring",
        "geoip", "threat_lists", "inventory", "novelty", "triage");
  }

  @Test
  void ipv6CidrsQuotedOrBlock() throws IOException {
    SiteLoadResult result = load("""
        internal:
          - name: v6
            cidrs: [fc00::/7, "::1/128"]
          - fe80::/10
          - ::ffff:10.0.0.0/104
        """);

    assertThat(result.problems()).isEmpty();
    assertThat(result.config().internal()).containsExactly(
        network("v6", "fc00::/7"), network("v6", "::1/128"), network(null, "fe80::/10"),
        network(null, "10.0.0.0/8"));
  }

  @Test
  void ipv6AllWarnsAboutIpv4() throws IOException {
    assertThat(problems("internal:\n  - \"::/0\"\n")).containsExactly(
        "line 2: warning: '::/0' contains the IPv4-mapped range ::ffff:0:0/96, so every IPv4"
            + " address is internal too");
    assertThat(problems("internal:\n  - ::ffff:0:0/96\n")).isEmpty();
  }

  @Test
  void invalidUtf8Reported() throws IOException {
    Path file = directory.resolve("site.yaml");
    Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xff, '\n'});

    assertThat(SiteConfigLoader.load(file).problems()).containsExactly(
        new SiteProblem(0, 0, SiteProblem.ERROR, "the file is not valid UTF-8 text"));
  }

  @Test
  void byteOrderMarkAccepted() throws IOException {
    SiteLoadResult result = load("\uFEFFevidence:\n  max_sessions: 4\n");

    assertThat(result.problems()).isEmpty();
    assertThat(result.config().maxEvidence()).isEqualTo(4);
  }

  @Test
  void missingFileReported() {
    Path missing = directory.resolve("absent.yaml");

    SiteLoadResult result = SiteConfigLoader.load(missing);

    assertThat(result.problems()).containsExactly(
        new SiteProblem(0, 0, SiteProblem.ERROR, "file not found"));
    assertThat(result.source()).isEqualTo(missing);
  }

  @Test
  void directoryReported() {
    assertThat(SiteConfigLoader.load(directory).problems()).containsExactly(
        new SiteProblem(0, 0, SiteProblem.ERROR, "the path is a directory, not a site file"));
  }

  @Test
  void configThrowsListingErrors() throws IOException {
    Path file = directory.resolve("site.yaml");
    SiteLoadResult result = load("internal:\n  - 10.0.0.0/33\n  - 224.0.0.0/24\nfoo: 1\n");

    assertThat(result.hasErrors()).isTrue();
    assertThat(result.errors()).hasSize(2);
    assertThat(result.warnings()).hasSize(1);
    assertThatThrownBy(result::config)
        .isInstanceOf(SiteConfigException.class)
        .hasMessage("invalid site file " + file + " (2 errors):\n"
            + file + ":2: error: '10.0.0.0/33' is not a valid CIDR: prefix length must be 0-32"
            + " for IPv4\n"
            + file + ":4: error: unknown key 'foo'; the allowed top-level keys are internal,"
            + " likely, evidence, scoring, geoip, threat_lists, inventory, novelty, triage")
        .satisfies(e -> assertThat(((SiteConfigException) e).errors()).isEqualTo(result.errors()));
  }

  @Test
  void configThrowsForMissingFile() {
    Path missing = directory.resolve("absent.yaml");

    assertThatThrownBy(() -> SiteConfigLoader.load(missing).config())
        .isInstanceOf(SiteConfigException.class)
        .hasMessage("invalid site file " + missing + " (1 error):\n" + missing
            + ": error: file not found");
  }

  @Test
  void warningsDoNotPreventConfig() throws IOException {
    SiteLoadResult result = load("internal:\n  - 10.0.0.0/8\n  - 10.1.0.0/16\n");

    assertThat(result.hasErrors()).isFalse();
    assertThat(result.warnings()).hasSize(1);
    assertThat(result.config().internal()).hasSize(2);
  }
}
