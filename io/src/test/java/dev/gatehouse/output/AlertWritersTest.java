package dev.gatehouse.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.assess.Alert;
import dev.gatehouse.core.assess.Asset;
import dev.gatehouse.core.assess.Enrichment;
import dev.gatehouse.core.assess.Factor;
import dev.gatehouse.core.assess.RuleConditions;
import dev.gatehouse.core.assess.Score;
import dev.gatehouse.core.assess.Severity;
import dev.gatehouse.core.assess.SourceGeo;
import dev.gatehouse.core.assess.ThreatIndicator;
import dev.gatehouse.core.assess.TriageAction;
import dev.gatehouse.core.assess.TriageOutcome;
import dev.gatehouse.core.assess.TriageRule;
import dev.gatehouse.core.model.Certainty;
import dev.gatehouse.core.model.Detection;
import dev.gatehouse.core.model.SessionCounts;
import dev.gatehouse.core.model.SshProfile;
import dev.gatehouse.core.model.Traffic;
import dev.gatehouse.core.net.Cidr;
import dev.gatehouse.core.net.IpAddress;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertWritersTest {

  private static final Detection DETECTION = new Detection("0123456789abcdef0123456789abcdef",
      "ssh_external_internal", Certainty.CONFIRMED, IpAddress.parse("89.160.20.112"), null,
      IpAddress.parse("10.47.8.50"), 22, "corp", 1_714_989_600_000_000L, 1_714_989_600_000_000L,
      new SessionCounts(1, 0, 0, 0), 0, 0, 0, new Traffic(0, -1, -1, -1),
      new SshProfile(List.of("SSH-2.0-OpenSSH_9.6"), List.of(), List.of(), List.of(), List.of(), List.of(),
          List.of()), List.of(), 1, List.of("T1133", "T1048"));

  private static final TriageRule RULE = new TriageRule("dba-home", "dba", "Home logins", LocalDate.of(2030, 1, 31),
      TriageAction.DOWNGRADE, Severity.LOW, new RuleConditions(List.of(), List.of(29518L), List.of(), List.of(),
      List.of(), List.of(), List.of(), List.of(), List.of(), null), 4);

  private static Alert alert(TriageOutcome triage, Severity severity) {
    Enrichment enrichment = new Enrichment(new SourceGeo("SE", "Sweden", "Linköping", 29518, "Bredband2 AB"),
        List.of(new ThreatIndicator("known-bad", Severity.HIGH, Cidr.parse("89.160.20.0/24"), "bad.txt:2")),
        new Asset(Cidr.parse("10.47.8.50/32"), "db1", "dba", "database", Severity.CRITICAL, "assets.csv:2"),
        List.of("db1.corp\u001b[31m"));
    Score score = new Score(severity, 90, 90, List.of(new Factor("confirmed", 30, 90, "Zeek saw it.")));
    return new Alert(DETECTION, enrichment, triage, score);
  }

  @Test
  void jsonAddsAssessmentAfterDetectionFields() throws IOException {
    StringWriter out = new StringWriter();
    TriageOutcome downgraded = new TriageOutcome(TriageOutcome.Outcome.DOWNGRADED, RULE, Severity.CRITICAL,
        List.of("other"));

    new JsonLinesWriter(out).writeAlerts(List.of(alert(downgraded, Severity.LOW)));

    String line = out.toString();
    assertThat(line).startsWith("{\"id\":\"0123456789abcdef0123456789abcdef\",\"model\":\"ssh_external_internal\"");
    assertThat(line).endsWith("\"mitre\":[\"T1133\",\"T1048\"],"
        + "\"enrichment\":{\"source\":{\"country_iso_code\":\"SE\",\"country_name\":\"Sweden\","
        + "\"city_name\":\"Link\\u00F6ping\",\"as_number\":29518,\"as_organization\":\"Bredband2 AB\","
        + "\"threat_lists\":[{\"name\":\"known-bad\",\"severity\":\"high\",\"entry\":\"89.160.20.0/24\","
        + "\"origin\":\"bad.txt:2\"}]},"
        + "\"destination\":{\"host\":\"db1\",\"hostname\":\"db1\",\"owner\":\"dba\",\"role\":\"database\","
        + "\"criticality\":\"critical\",\"inventory_entry\":\"10.47.8.50/32\",\"inventory_origin\":\"assets.csv:2\","
        + "\"dns_names\":[\"db1.corp\\u001B[31m\"]}},"
        + "\"score\":{\"severity\":\"low\",\"value\":90,\"certainty\":90,\"factors\":[{\"code\":\"confirmed\","
        + "\"severity_points\":30,\"certainty_points\":90,\"detail\":\"Zeek saw it.\"}]},"
        + "\"triage\":{\"outcome\":\"downgraded\",\"rule\":\"dba-home\",\"owner\":\"dba\",\"reason\":\"Home logins\","
        + "\"expires\":\"2030-01-31\",\"severity_before\":\"critical\",\"also_matched\":[\"other\"]}}\n");
  }

  @Test
  void unassessedDetectionKeepsOldFieldsOnly() throws IOException {
    StringWriter out = new StringWriter();

    new JsonLinesWriter(out).write(List.of(DETECTION));

    assertThat(out.toString()).endsWith("\"mitre\":[\"T1133\",\"T1048\"]}\n").doesNotContain("enrichment");
  }

  @Test
  void tableAddsTriageColumnOnlyWhenRuleDecided() throws IOException {
    StringWriter plain = new StringWriter();
    StringWriter triaged = new StringWriter();
    TriageOutcome downgraded = new TriageOutcome(TriageOutcome.Outcome.DOWNGRADED, RULE, Severity.CRITICAL,
        List.of());

    new TableWriter(plain).writeAlerts(List.of(alert(TriageOutcome.NONE, Severity.CRITICAL)));
    new TableWriter(triaged).writeAlerts(List.of(alert(downgraded, Severity.LOW),
        alert(TriageOutcome.NONE, Severity.CRITICAL)));

    List<String> plainLines = plain.toString().lines().toList();
    assertThat(plainLines.get(0)).doesNotContain("TRIAGE");
    assertThat(plainLines.get(1)).startsWith("critical  90     confirmed  89.160.20.112  SE / AS29518  10.47.8.50:22"
        + " (corp)  db1   2024-05-06 10:00:00");
    List<String> triagedLines = triaged.toString().lines().toList();
    assertThat(triagedLines.get(0)).endsWith("BYTES OUT  TRIAGE                  CLIENT");
    assertThat(triagedLines.get(1)).startsWith("low       90").endsWith("unknown    downgraded by dba-home"
        + "  SSH-2.0-OpenSSH_9.6");
    assertThat(triagedLines.get(2)).endsWith("unknown    -                       SSH-2.0-OpenSSH_9.6");
  }

  @Test
  void tableEscapesDnsHostName() throws IOException {
    StringWriter out = new StringWriter();
    Alert alert = alert(TriageOutcome.NONE, Severity.CRITICAL);
    Enrichment dnsOnly = new Enrichment(SourceGeo.UNKNOWN, List.of(), null, List.of("evil\u001b[2Jhost"));

    new TableWriter(out).writeAlerts(List.of(new Alert(DETECTION, dnsOnly, alert.triage(), alert.score())));

    assertThat(out.toString()).doesNotContain("\u001b").contains(" -           10.47.8.50:22 (corp)  evil\\x1b[2Jhost");
  }
}
