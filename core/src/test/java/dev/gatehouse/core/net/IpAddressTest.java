package dev.gatehouse.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      0.0.0.0                                 | 0.0.0.0
      255.255.255.255                         | 255.255.255.255
      1.2.3.4                                 | 1.2.3.4
      10.0.0.1                                | 10.0.0.1
      192.168.100.200                         | 192.168.100.200
      203.0.113.9                             | 203.0.113.9
      ::                                      | ::
      ::1                                     | ::1
      1::                                     | 1::
      2001:db8::1                             | 2001:db8::1
      2001:DB8::1                             | 2001:db8::1
      2001:0db8:0000:0000:0000:0000:0000:0001 | 2001:db8::1
      2001:db8:0:0:1:0:0:1                    | 2001:db8::1:0:0:1
      2001:0:0:1:0:0:0:1                      | 2001:0:0:1::1
      2001:db8:0:1:1:1:1:1                    | 2001:db8:0:1:1:1:1:1
      0:0:0:0:0:0:0:0                         | ::
      0:0:0:0:0:0:0:1                         | ::1
      1:0:0:0:0:0:0:0                         | 1::
      1:2:3:4:5:6:7:8                         | 1:2:3:4:5:6:7:8
      1:2:3:4:5:6::8                          | 1:2:3:4:5:6:0:8
      ::2:3:4:5:6:7:8                         | 0:2:3:4:5:6:7:8
      1:2:3:4:5:6:7::                         | 1:2:3:4:5:6:7:0
      0001:0002::                             | 1:2::
      fe80::1                                 | fe80::1
      FE80::ABCD                              | fe80::abcd
      ff02::1                                 | ff02::1
      2001:db8:a:b:c:d:e:f                    | 2001:db8:a:b:c:d:e:f
      ::ffff:198.51.100.7                     | 198.51.100.7
      ::ffff:c633:6407                        | 198.51.100.7
      ::FFFF:C633:6407                        | 198.51.100.7
      0:0:0:0:0:ffff:198.51.100.7             | 198.51.100.7
      0:0:0:0:0:ffff:c633:6407                | 198.51.100.7
      ::ffff:0.0.0.0                          | 0.0.0.0
      ::ffff:0:0                              | 0.0.0.0
      ::ffff:255.255.255.255                  | 255.255.255.255
      ::1.2.3.4                               | ::102:304
      64:ff9b::192.0.2.33                     | 64:ff9b::c000:221
      1:2:3:4:5:6:1.2.3.4                     | 1:2:3:4:5:6:102:304
      ::ffff:0:1.2.3.4                        | ::ffff:0:102:304
      ::fffe:1.2.3.4                          | ::fffe:102:304
      """)
  void parseFormatsCanonically(String text, String canonical) {
    IpAddress address = IpAddress.parse(text);

    assertThat(address).hasToString(canonical);
    assertThat(IpAddress.parse(canonical)).isEqualTo(address);
    assertThat(IpAddress.tryParse(text)).isEqualTo(address);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {
      "",
      " ",
      "1.2.3",
      "1.2.3.4.5",
      "1.2.3.4.",
      ".1.2.3.4",
      "1..2.3",
      "256.1.1.1",
      "1.2.3.256",
      "1.2.3.999",
      "01.2.3.4",
      "1.02.3.4",
      "1.2.3.00",
      "0x1.2.3.4",
      "1234.1.1.1",
      "1.2.3.4a",
      "1.2.3.4 ",
      " 1.2.3.4",
      "1.2.3.-4",
      "+1.2.3.4",
      "1.2.3.4/32",
      "1.2.3.4:22",
      "\u0661.\u0662.\u0663.\u0664",
      "\uff11.2.3.4",
      "localhost",
      "example.com",
      "16909060",
      ":",
      ":::",
      ":1",
      "1:",
      "1::2::3",
      "::1::",
      "1:2:3:4:5:6:7",
      "1:2:3:4:5:6:7:8:9",
      "1:2:3:4:5:6:7:8::",
      "::1:2:3:4:5:6:7:8",
      "1::2:3:4:5:6:7:8",
      "1:2:3:4:5:6:7:8:",
      "12345::",
      "g::1",
      "0x1::",
      "-1::",
      "fe80::1%eth0",
      "fe80::1%1",
      "[::1]",
      "[::1]:22",
      "::1/128",
      ":: 1",
      "::1 ",
      "2001:db8::1:",
      "::\u0663",
      "1:2:3:4:5:6:7:1.2.3.4",
      "1:2:3:4:5:1.2.3.4",
      "::ffff:1.2.3",
      "::ffff:01.2.3.4",
      "::ffff:256.2.3.4",
      "::ffff:1.2.3.4:5",
      "::1.2.3.4.5",
      "1.2.3.4::",
      "::ffff:1.2.3.4.",
  })
  void parseRejectsInvalidText(String text) {
    assertThat(IpAddress.tryParse(text)).isNull();
    assertThatThrownBy(() -> IpAddress.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'" + text + "' is not a valid IPv4 or IPv6 address");
  }

  @Test
  void mappedFormsEqualIpv4() {
    IpAddress ipv4 = IpAddress.parse("198.51.100.7");
    IpAddress dotted = IpAddress.parse("::ffff:198.51.100.7");
    IpAddress hex = IpAddress.parse("::ffff:c633:6407");

    assertThat(dotted).isEqualTo(ipv4);
    assertThat(hex).isEqualTo(ipv4);
    assertThat(dotted.hashCode()).isEqualTo(ipv4.hashCode());
    assertThat(hex.hashCode()).isEqualTo(ipv4.hashCode());
    assertThat(dotted.isIpv4()).isTrue();
    assertThat(hex.ipv4Bits()).isEqualTo(0xc633_6407);
    assertThat(ipv4).isEqualTo(IpAddress.ofIpv4(0xc633_6407));
  }

  @ParameterizedTest(name = "{0} isIpv4={1}")
  @CsvSource(delimiter = '|', textBlock = """
      10.0.0.1         | true
      ::ffff:10.0.0.1  | true
      ::ffff:0:0       | true
      ::10.0.0.1       | false
      ::ffff:0:a00:1   | false
      ::1              | false
      ::               | false
      1::ffff:a00:1    | false
      """)
  void isIpv4OnlyForMappedRange(String text, boolean expected) {
    assertThat(IpAddress.parse(text).isIpv4()).isEqualTo(expected);
  }

  @Test
  void halvesHoldThe128Bits() {
    IpAddress address = IpAddress.parse("2001:db8:1:2:3:4:5:6");

    assertThat(address.high()).isEqualTo(0x2001_0db8_0001_0002L);
    assertThat(address.low()).isEqualTo(0x0003_0004_0005_0006L);
    assertThat(IpAddress.parse("1.2.3.4").high()).isZero();
    assertThat(IpAddress.parse("1.2.3.4").low()).isEqualTo(0x0000_ffff_0102_0304L);
    assertThat(IpAddress.of(0x2001_0db8_0001_0002L, 0x0003_0004_0005_0006L)).isEqualTo(address);
  }

  @Test
  void ofIpv4KeepsAllOnes() {
    IpAddress address = IpAddress.ofIpv4(-1);

    assertThat(address).hasToString("255.255.255.255");
    assertThat(address.low()).isEqualTo(0x0000_ffff_ffff_ffffL);
  }

  @Test
  void bitCountsFromMostSignificant() {
    assertThat(IpAddress.parse("8000::").bit(0)).isOne();
    assertThat(IpAddress.parse("8000::").bit(1)).isZero();
    assertThat(IpAddress.parse("::1").bit(127)).isOne();
    assertThat(IpAddress.parse("::1").bit(126)).isZero();
    assertThat(IpAddress.parse("0:0:0:1::").bit(63)).isOne();
    assertThat(IpAddress.parse("::8000:0:0:0").bit(64)).isOne();
    assertThat(IpAddress.parse("128.0.0.0").bit(96)).isOne();
    assertThat(IpAddress.parse("127.255.255.255").bit(96)).isZero();
    assertThatThrownBy(() -> IpAddress.parse("::1").bit(128))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> IpAddress.parse("::1").bit(-1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void compareToIsUnsignedOrder() {
    List<IpAddress> sorted = new ArrayList<>(List.of(
        IpAddress.parse("ffff::1"),
        IpAddress.parse("255.255.255.255"),
        IpAddress.parse("8000::"),
        IpAddress.parse("::1"),
        IpAddress.parse("0.0.0.0"),
        IpAddress.parse("128.0.0.1"),
        IpAddress.parse("::"),
        IpAddress.parse("2001:db8::")));
    sorted.sort(null);

    assertThat(sorted).map(IpAddress::toString).containsExactly(
        "::", "::1", "0.0.0.0", "128.0.0.1", "255.255.255.255", "2001:db8::", "8000::", "ffff::1");
  }

  @Test
  void tryParseReadsRangeWithoutCopy() {
    String line = "src=10.1.2.3 dst=2001:db8::5 bad=10.1.2";

    assertThat(IpAddress.tryParse(line, 4, 12)).isEqualTo(IpAddress.parse("10.1.2.3"));
    assertThat(IpAddress.tryParse(line, 17, 28)).isEqualTo(IpAddress.parse("2001:db8::5"));
    assertThat(IpAddress.tryParse(line, 33, 39)).isNull();
    assertThat(IpAddress.tryParse(line, 4, 4)).isNull();
    assertThat(IpAddress.tryParse(line, 4, 13)).isNull();
  }

  @Test
  void parseRangeMessageQuotesRange() {
    String line = "src=10.1.2 dst";

    assertThatThrownBy(() -> IpAddress.parse(line, 4, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'10.1.2' is not a valid IPv4 or IPv6 address");
    assertThat(IpAddress.parse("x1.2.3.4y", 1, 8)).isEqualTo(IpAddress.parse("1.2.3.4"));
  }

  @Test
  void rangeOutsideTextThrows() {
    assertThatThrownBy(() -> IpAddress.tryParse("1.2.3.4", 0, 8))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> IpAddress.tryParse("1.2.3.4", -1, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> IpAddress.tryParse("1.2.3.4", 5, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void parseReadsStringBuilder() {
    StringBuilder text = new StringBuilder("fd00::").append('1');

    assertThat(IpAddress.parse(text)).hasToString("fd00::1");
  }

  @Test
  void rejectedTextDoesNotAllocate() {
    String[] invalid = {"1.2.3", "256.1.1.1", "01.2.3.4", "1:2:3:4:5:6:7:8:9", "fe80::1%eth0",
        "1::2::3", "::ffff:1.2.3", "example.com", "[::1]", "12345::"};
    int[] rejected = new int[1];

    long allocated = Allocations.measure(() -> {
      for (int i = 0; i < 100_000; i++) {
        String text = invalid[i % invalid.length];
        if (IpAddress.tryParse(text, 0, text.length()) == null) {
          rejected[0]++;
        }
      }
    });

    assertThat(rejected[0]).isEqualTo(100_000);
    // One 16-byte allocation per call would add 1.6 MB. The margin covers the probe itself.
    assertThat(allocated).isLessThan(10_000L);
  }

  @Test
  void parseHalvesAgreesWithTryParse() {
    String[] texts = {"192.0.2.1", "0.0.0.0", "255.255.255.255", "::", "::1", "2001:db8::5",
        "::ffff:192.0.2.44", "::ffff:c000:22c", "fe80::1:2:3:4", "1:2:3:4:5:6:7:8", "1.2.3",
        "256.1.1.1", "01.2.3.4", "1::2::3", "[::1]", "", "12345::"};
    for (String text : texts) {
      long[] halves = {7, 7};
      IpAddress parsed = IpAddress.tryParse(text);

      boolean valid = IpAddress.parseHalves(text, 0, text.length(), halves);

      assertThat(valid).as(text).isEqualTo(parsed != null);
      if (parsed != null) {
        assertThat(halves[0]).as(text).isEqualTo(parsed.high());
        assertThat(halves[1]).as(text).isEqualTo(parsed.low());
      } else {
        assertThat(halves).as(text).containsExactly(7, 7);
      }
    }
  }
}
