package dev.gatehouse.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The overlap rules of the {@code internal} section. */
class InternalNetworksTest {

  private static List<String> problems(String internal) {
    SiteLoadResult result =
        SiteConfigLoader.load(new StringReader("internal:\n" + internal), Path.of("site.yaml"));
    return result.problems().stream().map(SiteProblem::toString).toList();
  }

  static Stream<Arguments> overlaps() {
    return Stream.of(
        Arguments.of("different names, nested", """
              - name: blue-team
                cidr: 10.47.0.0/16
              - name: dmz
                cidr: 10.0.0.0/8
            """, List.of(
            "line 5: error: '10.47.0.0/16' (blue-team, line 3) lies inside '10.0.0.0/8' (dmz, line 5)"
                + " under a different name; an address must belong to one named network, so give"
                + " them the same name or remove one")),
        Arguments.of("different names, equal", """
              - name: corp
                cidr: 10.0.0.0/8
              - name: dmz
                cidrs: [10.0.0.0/8]
            """, List.of(
            "line 5: error: '10.0.0.0/8' (dmz, line 5) is the same network as '10.0.0.0/8'"
                + " (corp, line 3) under a different name; an address must belong to one named"
                + " network, so give them the same name or remove one")),
        Arguments.of("same name, nested", """
              - name: corp
                cidrs: [10.0.0.0/8, 10.1.0.0/16]
            """, List.of(
            "line 3: warning: '10.1.0.0/16' (corp, line 3) lies inside '10.0.0.0/8' (corp, line 3),"
                + " so it adds nothing")),
        Arguments.of("both unnamed, nested", """
              - 10.1.0.0/16
              - 10.0.0.0/8
            """, List.of(
            "line 3: warning: '10.1.0.0/16' (line 2) lies inside '10.0.0.0/8' (line 3), so it adds"
                + " nothing")),
        Arguments.of("named inside unnamed", """
              - 10.0.0.0/8
              - name: blue-team
                cidr: 10.47.0.0/16
            """, List.of(
            "line 4: warning: '10.47.0.0/16' (blue-team, line 4) lies inside '10.0.0.0/8' (line 2),"
                + " so its addresses are named 'blue-team' and the rest of '10.0.0.0/8' has no name")),
        Arguments.of("unnamed inside named", """
              - name: corp
                cidr: 10.0.0.0/8
              - 10.1.2.0/24
            """, List.of(
            "line 4: warning: '10.1.2.0/24' (line 4) lies inside '10.0.0.0/8' (corp, line 3) but has"
                + " no name, so its addresses are reported without the name 'corp'")),
        Arguments.of("equal, both unnamed", """
              - 10.0.0.0/8
              - cidr: 10.0.0.0/8
            """, List.of(
            "line 3: warning: '10.0.0.0/8' is already listed on line 2")),
        Arguments.of("equal, named first", """
              - name: corp
                cidr: 10.0.0.0/8
              - 10.0.0.0/8
            """, List.of(
            "line 4: warning: '10.0.0.0/8' is already listed on line 3 as 'corp'")),
        Arguments.of("equal, unnamed first", """
              - 10.0.0.0/8
              - name: corp
                cidr: 10.0.0.0/8
            """, List.of(
            "line 4: warning: '10.0.0.0/8' is already listed on line 2 without a name, which takes"
                + " precedence, so the name 'corp' is never used")),
        Arguments.of("three levels", """
              - name: corp
                cidr: 10.0.0.0/8
              - 10.1.0.0/16
              - name: lab
                cidr: 10.1.2.0/24
            """, List.of(
            "line 4: warning: '10.1.0.0/16' (line 4) lies inside '10.0.0.0/8' (corp, line 3) but has"
                + " no name, so its addresses are reported without the name 'corp'",
            "line 6: warning: '10.1.2.0/24' (lab, line 6) lies inside '10.1.0.0/16' (line 4), so its"
                + " addresses are named 'lab' and the rest of '10.1.0.0/16' has no name",
            "line 6: error: '10.1.2.0/24' (lab, line 6) lies inside '10.0.0.0/8' (corp, line 3)"
                + " under a different name; an address must belong to one named network, so give"
                + " them the same name or remove one")),
        Arguments.of("adjacent, disjoint", """
              - name: low
                cidr: 10.0.0.0/25
              - name: high
                cidr: 10.0.0.128/25
              - 10.0.1.0/24
              - fc00::/8
              - name: other
                cidr: fd00::/8
            """, List.of()),
        Arguments.of("IPv4 inside IPv6 all", """
              - "::/0"
              - name: corp
                cidr: 10.0.0.0/8
            """, List.of(
            "line 2: warning: '::/0' contains the IPv4-mapped range ::ffff:0:0/96, so every IPv4"
                + " address is internal too",
            "line 4: warning: '10.0.0.0/8' (corp, line 4) lies inside '::/0' (line 2), so its"
                + " addresses are named 'corp' and the rest of '::/0' has no name")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlaps")
  void overlapReported(String description, String internal, List<String> expected) {
    assertThat(problems(internal)).containsExactlyElementsOf(expected);
  }

  @Test
  void unroutableNetworksWarn() {
    assertThat(problems("  - 255.255.255.255/32\n  - 240.0.0.0/8\n  - ff02::/16\n  - 0.0.0.0/0\n"))
        .containsExactly(
            "line 2: warning: '255.255.255.255/32' lies inside the unroutable range limited broadcast"
                + " (255.255.255.255, RFC 919), so its addresses are never internal",
            "line 3: warning: '240.0.0.0/8' lies inside the unroutable range reserved"
                + " (240.0.0.0/4, RFC 1112), so its addresses are never internal",
            "line 4: warning: 'ff02::/16' lies inside the unroutable range multicast (ff00::/8,"
                + " RFC 4291), so its addresses are never internal",
            "line 5: warning: '240.0.0.0/8' (line 3) lies inside '0.0.0.0/0' (line 5), so it adds"
                + " nothing",
            "line 5: warning: '255.255.255.255/32' (line 2) lies inside '0.0.0.0/0' (line 5), so it"
                + " adds nothing");
  }
}
