package dev.gatehouse.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
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
 * one line and cannot forge another record.
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
  public void write(List<Detection> detections) throws IOException {
    for (Detection detection : detections) {
      try (JsonGenerator json = FACTORY.createGenerator(out)) {
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        writeDetection(json, detection);
      }
      out.write('\n');
    }
    out.flush();
  }

  private static void writeDetection(JsonGenerator json, Detection d) throws IOException {
    json.writeStartObject();
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
    json.writeEndObject();
  }

  private static void writeTraffic(JsonGenerator json, Traffic traffic) throws IOException {
    json.writeObjectFieldStart("traffic");
    json.writeBooleanField("known", traffic.known());
    json.writeNumberField("sessions_with_conn", traffic.sessionsWithConn());
    if (traffic.known()) {
      json.writeNumberField("bytes_from_source", traffic.originatorBytes());
      json.writeNumberField("bytes_from_destination", traffic.responderBytes());
      json.writeNumberField("duration_seconds", traffic.durationMicros() / 1_000_000.0);
    } else {
      json.writeNullField("bytes_from_source");
      json.writeNullField("bytes_from_destination");
      json.writeNullField("duration_seconds");
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

  private static void writeOptional(JsonGenerator json, String name, String value) throws IOException {
    if (value != null) {
      json.writeStringField(name, value);
    }
  }
}
