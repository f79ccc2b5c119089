package dev.gatehouse.ingest.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ZeekValuesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "1521911799.739898            | 1521911799739898",
      "1521911799                   | 1521911799000000",
      "1521911799.7                 | 1521911799700000",
      "1521911799.1234565           | 1521911799123457",
      "1521911799.1234564           | 1521911799123456",
      "0.000001                     | 1",
      "-1.5                         | -1500000",
      "99999999999                  | 99999999999000000",
      "100000000000                 | 100000000000000",
      "1700001700123                | 1700001700123000",
      "1.5211e9                     | 1521100000000000",
      "2023-11-14T22:41:40.123456Z  | 1700001700123456",
      "2023-11-14T22:41:40Z         | 1700001700000000",
      "2023-11-15T00:41:40.5+02:00  | 1700001700500000",
      "2023-11-15T00:41:40.5+0200   | 1700001700500000",
      "2023-11-14T20:41:40-02       | 1700001700000000",
      "2024-02-29T12:00:00-05:30    | 1709227800000000",
      "1969-12-31T23:59:59.600000Z  | -400000",
      "2018-03-24T17:16:39.7398985Z | 1521911799739899",
  })
  void timestampParsesToMicros(String text, long micros) {
    assertThat(ZeekValues.parseTimestampMicros(text)).isEqualTo(micros);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {
      "", "-", ".", ".5", "XXXXXXXXXX.XXXXXX", "1.2.3", "1521911799.", "abc", "1521911799x", "1e",
      "2023-11-14T22:41:40", "2023-11-14T22:41:40.Z", "2023-02-30T00:00:00Z",
      "2023-11-14T24:00:00Z", "2023-11-14T22:41:40+2", "2023-11-14T22:41:40Z ",
      "2023-11-14 22:41:40Z", "1234567890123456", "9999999999999.5"
  })
  void timestampRejectsMalformedText(String text) {
    assertThat(ZeekValues.parseTimestampMicros(text)).isEqualTo(ZeekValues.INVALID);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "3.000158, 3000158",
      "0, 0",
      "0.0000004, 0",
      "108.985496, 108985496",
      "3600.000000, 3600000000",
  })
  void intervalParsesToMicros(String text, long micros) {
    assertThat(ZeekValues.parseIntervalMicros(text)).isEqualTo(micros);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "-1", "-0.5", "abc", "1,5", "1521911799000000000"})
  void intervalRejectsNegativeAndMalformedText(String text) {
    assertThat(ZeekValues.parseIntervalMicros(text)).isEqualTo(ZeekValues.INVALID);
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource({
      "0, 0",
      "22, 22",
      "65535, 65535",
      "65536, -1",
      "93145, -1",
      "-1, -1",
      "22.0, -1",
      "'', -1",
      "0x16, -1",
      "000022, -1",
  })
  void portAcceptsZeroTo65535(String text, int port) {
    assertThat(ZeekValues.parsePort(text)).isEqualTo(port);
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource({
      "0, 0",
      "37253, 37253",
      "999999999999999999, 999999999999999999",
      "1000000000000000000, -1",
      "-5, -1",
      "1.0, -1",
      "'', -1",
  })
  void countAcceptsNonNegativeIntegers(String text, long count) {
    assertThat(ZeekValues.parseCount(text)).isEqualTo(count);
  }
}
