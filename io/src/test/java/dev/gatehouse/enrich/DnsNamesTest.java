package dev.gatehouse.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.diag.Diagnostics;
import dev.gatehouse.core.net.Cidr;
import dev.gatehouse.core.net.IpAddress;
import dev.gatehouse.core.net.NetworkMap;
import dev.gatehouse.ingest.LogType;
import dev.gatehouse.ingest.SourceStats;
import dev.gatehouse.ingest.zeek.ZeekReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsNamesTest {

  private static final NetworkMap SITE = NetworkMap.of(List.of(
      new NetworkMap.Network("blue-team", Cidr.parse("10.47.0.0/16")),
      new NetworkMap.Network("lab", Cidr.parse("fd00:47::/32"))));

  private static final String TSV = String.join("\n",
      "#separator \\x09",
      "#set_separator\t,",
      "#empty_field\t(empty)",
      "#unset_field\t-",
      "#path\tdns",
      "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tquery\tqtype_name\tanswers",
      "#types\ttime\tstring\taddr\tport\taddr\tport\tstring\tstring\tvector[string]",
      "1521911799.739898\tC1\t10.47.1.1\t5353\t10.47.0.53\t53\tdb1.corp.example\tA\t10.47.8.50",
      "1521911799.800000\tC2\t10.47.1.1\t5354\t10.47.0.53\t53\twww.corp.example\tA\t"
          + "web.corp.example,10.47.8.51,198.51.100.7",
      "1521911799.900000\tC3\t10.47.1.1\t5355\t10.47.0.53\t53\t52.8.47.10.in-addr.arpa\tPTR\tmail.corp.example.",
      "1521911800.000000\tC4\t10.47.1.1\t5356\t10.47.0.53\t53\texample.net\tA\t198.51.100.9",
      "1521911800.100000\tC5\t10.47.1.1\t5357\t10.47.0.53\t53\tDB1.corp.example\tA\t10.47.8.50",
      "1521911800.200000\tC6\t10.47.1.1\t5358\t10.47.0.53\t53\tnx.corp.example\tA\t-",
      "1521911800.300000\tC7\t10.47.1.1\t5359\t10.47.0.53\t53\tempty.corp.example\tA\t(empty)",
      "bad-ts\tC8\t10.47.1.1\t5360\t10.47.0.53\t53\tlate.corp.example\tA\t10.47.8.53") + "\n";

  private static DnsNames read(String name, String text) throws IOException {
    DnsNames names = new DnsNames(SITE);
    Diagnostics diagnostics = new Diagnostics();
    SourceStats stats = new ZeekReader(names, diagnostics)
        .read(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), LogType.fromFileName(name));
    assertThat(diagnostics.first()).isEmpty();
    assertThat(stats.otherRecords()).isEqualTo(names.rows());
    return names;
  }

  @Test
  void tsvAnswersNameInternalAddresses() throws IOException {
    DnsNames names = read("dns.log", TSV);

    assertThat(names.namesOf(IpAddress.parse("10.47.8.50"))).containsExactly("db1.corp.example");
    assertThat(names.namesOf(IpAddress.parse("10.47.8.51"))).containsExactly("www.corp.example");
    assertThat(names.namesOf(IpAddress.parse("10.47.8.52"))).containsExactly("mail.corp.example");
    assertThat(names.namesOf(IpAddress.parse("10.47.8.53"))).containsExactly("late.corp.example");
    assertThat(names.namesOf(IpAddress.parse("198.51.100.7"))).as("external answers are not kept").isEmpty();
    assertThat(names.rows()).isEqualTo(8);
    assertThat(names.namedAddresses()).isEqualTo(4);
  }

  @Test
  void jsonAnswersArrayAndEnvelope() throws IOException {
    String text = String.join("\n",
        "{\"ts\":1521911799.7,\"uid\":\"C1\",\"id.orig_h\":\"10.47.1.1\",\"id.orig_p\":1,\"id.resp_h\":"
            + "\"10.47.0.53\",\"id.resp_p\":53,\"query\":\"v6.corp.example\",\"qtype_name\":\"AAAA\","
            + "\"answers\":[\"fd00:47::10\",\"2001:db8::1\"]}",
        "{\"dns\":{\"ts\":1521911799.8,\"query\":\"db1.corp.example\",\"qtype_name\":\"A\","
            + "\"answers\":[\"10.47.8.50\",null,[\"nested\"]]}}",
        "{\"_path\":\"dns\",\"query\":\"10.0.47.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.7.4.0.0.0.0.d.f"
            + ".ip6.arpa\",\"qtype_name\":\"PTR\",\"answers\":[\"v6-rev.corp.example\"]}") + "\n";

    DnsNames names = read("dns.json", text);

    assertThat(names.namesOf(IpAddress.parse("fd00:47::10"))).containsExactly("v6.corp.example");
    assertThat(names.namesOf(IpAddress.parse("10.47.8.50"))).containsExactly("db1.corp.example");
    assertThat(names.namesOf(IpAddress.parse("fd00:47::10:0:0:0:1"))).isEmpty();
    assertThat(names.rows()).isEqualTo(3);
  }

  @Test
  void ipv6ReverseNameParsed() {
    assertThat(DnsNames.reverseAddress("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.7.4.0.0.0.0.d.f.ip6.arpa."))
        .isEqualTo(IpAddress.parse("fd00:47::1"));
    assertThat(DnsNames.reverseAddress("50.8.47.10.IN-ADDR.ARPA")).isEqualTo(IpAddress.parse("10.47.8.50"));
    assertThat(DnsNames.reverseAddress("8.47.10.in-addr.arpa")).isNull();
    assertThat(DnsNames.reverseAddress("example.com")).isNull();
  }

  @Test
  void namesCappedPerAddress() {
    DnsNames names = new DnsNames(SITE);
    for (int i = 0; i < 12; i++) {
      names.acceptDns(new dev.gatehouse.core.record.DnsLookup(-1, null, "alias" + i + ".corp.example", "A",
          List.of("10.47.8.50"), null));
    }

    assertThat(names.namesOf(IpAddress.parse("10.47.8.50"))).hasSize(DnsNames.MAX_NAMES_PER_ADDRESS)
        .startsWith("alias0.corp.example");
  }
}
