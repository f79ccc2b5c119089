package dev.gatehouse.ingest.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZeekTextTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiterString = "=>", value = {
      "plain => plain",
      "fa\\x7c\\x7cure => fa||ure",
      "\\x2d => -",
      "caf\\xc3\\xa9 => café",
      "tab\\x09here => tab\there",
      "a\\\\b => a\\\\b",
      "\\x4 => \\x4",
      "\\xzz => \\xzz",
      "\\X41 => \\X41",
      "end\\x => end\\x",
  })
  void decodeReplacesHexEscapesOnly(String escaped, String decoded) {
    byte[] bytes = escaped.getBytes(StandardCharsets.UTF_8);

    assertThat(ZeekText.decode(bytes, 0, bytes.length)).isEqualTo(decoded.replace("\\t", "\t"));
  }

  @Test
  void unescapeKeepsInvalidUtf8Bytes() {
    byte[] bytes = "\\xc3(".getBytes(StandardCharsets.US_ASCII);

    assertThat(ZeekText.unescape(bytes, 0, bytes.length)).containsExactly(0xc3, '(');
  }

  @Test
  void quoteEscapesControlCharacters() {
    assertThat(ZeekText.quote("a\u001b[31mb\tc\u00e9\u20ac")).isEqualTo("'a\\x1b[31mb\\x09c\\xe9\\u20ac'");
  }

  @Test
  void quoteCutsLongValues() {
    String value = "x".repeat(ZeekText.MAX_QUOTED_LENGTH + 1);

    assertThat(ZeekText.quote(value)).isEqualTo("'" + "x".repeat(ZeekText.MAX_QUOTED_LENGTH) + "...'");
  }

  @Test
  void joinNamesUsesAndBeforeTheLast() {
    assertThat(ZeekText.joinNames(List.of("ts"))).isEqualTo("ts");
    assertThat(ZeekText.joinNames(List.of("ts", "uid"))).isEqualTo("ts and uid");
    assertThat(ZeekText.joinNames(List.of("ts", "uid", "id.orig_h"))).isEqualTo("ts, uid and id.orig_h");
  }
}
