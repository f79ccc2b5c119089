package dev.gatehouse.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TerminalSafeTest {

  static Stream<Arguments> banners() {
    return Stream.of(
        Arguments.of("plain ASCII", "SSH-2.0-OpenSSH_9.6", "SSH-2.0-OpenSSH_9.6"),
        Arguments.of("escape sequence", "a\u001b[31mb", "a\\x1b[31mb"),
        Arguments.of("newline and bell", "a\nb\u0007", "a\\x0ab\\x07"),
        Arguments.of("C1 control", "a\u0085b", "a\\x85b"),
        Arguments.of("right-to-left override", "evil\u202etxt.exe", "evil\\u202etxt.exe"),
        Arguments.of("zero-width joiner", "a\u200db", "a\\u200db"),
        Arguments.of("line separator", "a\u2028b", "a\\u2028b"),
        Arguments.of("accented letter", "caf\u00e9", "caf\u00e9"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("banners")
  void escapesWhatTerminalsInterpret(String name, String text, String expected) {
    assertThat(TableWriter.terminalSafe(text)).isEqualTo(expected);
  }
}
