package dev.gatehouse.core.assess;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource({
      "SSH-2.0-OpenSSH_*, SSH-2.0-OpenSSH_9.6, true",
      "SSH-2.0-OpenSSH_*, SSH-2.0-openssh_9.6, false",
      "SSH-2.0-OpenSSH_*, xSSH-2.0-OpenSSH_9.6, false",
      "SSH-2.0-?, SSH-2.0-X, true",
      "SSH-2.0-?, SSH-2.0-XY, false",
      "a.c, abc, false",
      "a.c, a.c, true",
      "'(x)+[y]', '(x)+[y]', true",
      "*, '', true",
      "'*\\E.*', 'x\\E.y', true",
  })
  void matchesWholeValueWithCase(String pattern, String value, boolean expected) {
    assertThat(Glob.of(pattern).matches(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource({
      "bastion-*, BASTION-01.corp, true",
      "db?, DB1, true",
      "db?, web1, false",
  })
  void ignoringCaseMatchesEitherCase(String pattern, String value, boolean expected) {
    assertThat(Glob.ignoringCase(pattern).matches(value)).isEqualTo(expected);
  }
}
