package dev.gatehouse.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.gatehouse.core.assess.Alert;
import dev.gatehouse.core.assess.Asset;
import dev.gatehouse.core.assess.Enrichment;
import dev.gatehouse.core.assess.Factor;
import dev.gatehouse.core.assess.Score;
import dev.gatehouse.core.assess.Severity;
import dev.gatehouse.core.assess.SourceGeo;
import dev.gatehouse.core.assess.ThreatIndicator;
import dev.gatehouse.core.assess.TriageOutcome;
import dev.gatehouse.core.assess.TriageRule;
import dev.gatehouse.core.model.Detection;
import dev.gatehouse.core.model.Evidence;
import dev.gatehouse.core.model.SessionCounts;
import dev.gatehouse.core.model.SshProfile;
import dev.gatehouse.core.model.Traffic;
import dev.gatehouse.core.record.AuthOutcome;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes one JSON object per detection and line, in the schema of docs/detection-schema.md.
 * Non-ASCII characters are escaped, so banners with control characters or invalid text stay on
 * one line and cannot forge another record. An assessed alert adds the objects {@code
 * enrichment}, {@code score} and {@code triage} after the detection's own fields.
 */
public final class JsonLinesWriter implements DetectionWriter {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .build();

  private final Writer out;

  public JsonLinesWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void writeAlerts(List<Alert> alerts) throws IOException {
    for (Alert alert : alerts) {
      try (JsonGenerator json = FACTORY.createGenerator(out)) {
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartObject();
        writeDetection(json, alert.detection());
        if (alert.assessed()) {
          writeEnrichment(json, alert.detection(), alert.enrichment());
          writeScore(json, alert.score());
          writeTriage(json, alert.triage());
        }
        json.writeEndObject();
      }
      out.write('\n');
    }
    out.flush();
  }

  /** Writes the detection's fields into the open object. */
  private static void writeDetection(JsonGenerator json, Detection d) throws IOException {
    json.writeStringField("id", d.id());
    json.writeStringField("model", d.model());
    json.writeStringField("certainty", d.certainty().label());

    json.writeObjectFieldStart("source");
    json.writeStringField("ip", d.source().toString());
    writeOptional(json, "network", d.sourceNetwork());
    json.writeEndObject();

    json.writeObjectFieldStart("destination");
    json.writeStringField("ip", d.destination().toString());
    json.writeNumberField("port", d.destinationPort());
    json.writeStringField("network", d.destinationNetwork());
    json.writeEndObject();

    json.writeStringField("first_seen", Timestamps.format(d.firstSeenMicros()));
    json.writeStringField("last_seen", Timestamps.format(d.lastSeenMicros()));

    SessionCounts sessions = d.sessions();
    json.writeObjectFieldStart("sessions");
    json.writeNumberField("confirmed", sessions.confirmed());
    json.writeNumberField("likely", sessions.likely());
    json.writeNumberField("unknown", sessions.unknown());
    json.writeNumberField("failed", sessions.failed());
    json.writeEndObject();

    json.writeObjectFieldStart("failures");
    json.writeNumberField("before_first_success", d.failuresBeforeFirstSuccess());
    json.writeNumberField("source_against_other_hosts", d.sourceFailuresElsewhere());
    json.writeNumberField("source_other_hosts", d.sourceHostsFailedElsewhere());
    json.writeEndObject();

    writeTraffic(json, d.traffic());
    writeProfile(json, d.ssh());

    json.writeArrayFieldStart("evidence");
    for (Evidence e : d.evidence()) {
      writeEvidence(json, e);
    }
    json.writeEndArray();
    json.writeNumberField("evidence_total", d.evidenceTotal());

    json.writeArrayFieldStart("mitre");
    for (String technique : d.mitre()) {
      json.writeString(technique);
    }
    json.writeEndArray();
  }

  private static void writeEnrichment(JsonGenerator json, Detection d, Enrichment e) throws IOException {
    json.writeObjectFieldStart("enrichment");
    SourceGeo geo = e.sourceGeo();
    json.writeObjectFieldStart("source");
    writeNullable(json, "country_iso_code", geo.countryIsoCode());
    writeNullable(json, "country_name", geo.countryName());
    writeNullable(json, "city_name", geo.cityName());
    if (geo.hasAsNumber()) {
      json.writeNumberField("as_number", geo.asNumber());
    } else {
      json.writeNullField("as_number");
    }
    writeNullable(json, "as_organization", geo.asOrganization());
    json.writeArrayFieldStart("threat_lists");
    for (ThreatIndicator threat : e.threats()) {
      json.writeStartObject();
      json.writeStringField("name", threat.list());
      json.writeStringField("severity", threat.severity().label());
      json.writeStringField("entry", threat.cidr().toString());
      json.writeStringField("origin", threat.origin());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();

    Asset asset = e.asset();
    json.writeObjectFieldStart("destination");
    writeNullable(json, "host", e.destinationHost());
    writeNullable(json, "hostname", asset == null ? null : asset.hostname());
    writeNullable(json, "owner", asset == null ? null : asset.owner());
    writeNullable(json, "role", asset == null ? null : asset.role());
    writeNullable(json, "criticality", asset == null || asset.criticality() == null
        ? null : asset.criticality().label());
    writeNullable(json, "inventory_entry", asset == null ? null : asset.cidr().toString());
    writeNullable(json, "inventory_origin", asset == null ? null : asset.origin());
    writeStrings(json, "dns_names", e.destinationNames());
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeScore(JsonGenerator json, Score score) throws IOException {
    json.writeObjectFieldStart("score");
    json.writeStringField("severity", score.severity().label());
    json.writeNumberField("value", score.value());
    json.writeNumberField("certainty", score.certainty());
    json.writeArrayFieldStart("factors");
    for (Factor factor : score.factors()) {
      json.writeStartObject();
      json.writeStringField("code", factor.code());
      json.writeNumberField("severity_points", factor.severityPoints());
      json.writeNumberField("certainty_points", factor.certaintyPoints());
      json.writeStringField("detail", factor.detail());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeTriage(JsonGenerator json, TriageOutcome triage) throws IOException {
    TriageRule rule = triage.rule();
    Severity before = triage.severityBefore();
    json.writeObjectFieldStart("triage");
    json.writeStringField("outcome", triage.outcome().label());
    writeNullable(json, "rule", rule == null ? null : rule.id());
    writeNullable(json, "owner", rule == null ? null : rule.owner());
    writeNullable(json, "reason", rule == null ? null : rule.reason());
    writeNullable(json, "expires", rule == null || rule.expires() == null ? null : rule.expires().toString());
    writeNullable(json, "severity_before", before == null ? null : before.label());
    writeStrings(json, "also_matched", triage.alsoMatched());
    json.writeEndObject();
  }

  /** Writes {@code value}, or {@code null} when it is -1 (unset or unknown). */
  private static void writeCount(JsonGenerator json, String name, long value) throws IOException {
    if (value < 0) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, value);
    }
  }

  private static void writeTraffic(JsonGenerator json, Traffic traffic) throws IOException {
    json.writeObjectFieldStart("traffic");
    json.writeBooleanField("known", traffic.known());
    json.writeNumberField("sessions_with_conn", traffic.sessionsWithConn());
    writeCount(json, "bytes_from_source", traffic.originatorBytes());
    writeCount(json, "bytes_from_destination", traffic.responderBytes());
    if (traffic.durationMicros() < 0) {
      json.writeNullField("duration_seconds");
    } else {
      json.writeNumberField("duration_seconds", traffic.durationMicros() / 1_000_000.0);
    }
    json.writeEndObject();
  }

  private static void writeProfile(JsonGenerator json, SshProfile ssh) throws IOException {
    json.writeObjectFieldStart("ssh");
    writeStrings(json, "clients", ssh.clients());
    writeStrings(json, "servers", ssh.servers());
    writeStrings(json, "host_keys", ssh.hostKeys());
    writeStrings(json, "host_key_algorithms", ssh.hostKeyAlgorithms());
    writeStrings(json, "kex_algorithms", ssh.kexAlgorithms());
    writeStrings(json, "ciphers", ssh.ciphers());
    writeStrings(json, "macs", ssh.macs());
    json.writeEndObject();
  }

  private static void writeEvidence(JsonGenerator json, Evidence e) throws IOException {
    json.writeStartObject();
    writeOptional(json, "uid", e.uid());
    json.writeStringField("ts", Timestamps.format(e.timestampMicros()));
    json.writeNumberField("source_port", e.originatorPort());
    json.writeStringField("certainty", e.certainty().label());
    if (e.auth() == AuthOutcome.UNSET) {
      json.writeNullField("auth_success");
    } else {
      json.writeBooleanField("auth_success", e.auth() == AuthOutcome.SUCCESS);
    }
    if (e.authAttempts() >= 0) {
      json.writeNumberField("auth_attempts", e.authAttempts());
    } else {
      json.writeNullField("auth_attempts");
    }
    json.writeStringField("reason", e.reason());
    writeOptional(json, "log", e.source());
    json.writeEndObject();
  }

  private static void writeStrings(JsonGenerator json, String name, List<String> values) throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private static void writeNullable(JsonGenerator json, String name, String value) throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeStringField(name, value);
    }
  }

  private static void writeOptional(JsonGenerator json, String name, String value) throws IOException {
    if (value != null) {
      json.writeStringField(name, value);
    }
  }
}
