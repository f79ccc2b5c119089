package dev.gatehouse.bench.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the detections that gatehouse must report for the generated data with its default
 * settings, from the rows as written.
 *
 * <p>Only sessions of the pool of login sources can be confirmed or likely, and no other kind
 * of session shares a (source, destination, port) with them, so tallying those sessions alone
 * gives every reported pair with its full counts. A pair is reported when its strongest session
 * is confirmed or likely.
 */
final class ExpectedDetections {

  /** The fields that expected.jsonl holds, as JSON pointers into a detection. */
  static final List<String> FIELDS = List.of("/source/ip", "/destination/ip", "/destination/port",
      "/certainty", "/sessions/confirmed", "/sessions/likely", "/sessions/unknown",
      "/sessions/failed", "/failures/before_first_success", "/first_seen", "/last_seen",
      "/evidence_total");

  private static final DateTimeFormatter RFC_3339_MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private static final class Tally {
    final String source;
    final String destination;
    final int port;
    final long[] counts = new long[Certainty.values().length];
    long firstReported = Long.MAX_VALUE;
    long lastReported = Long.MIN_VALUE;
    long[] failureTimes = new long[4];
    int failures;

    Tally(String source, String destination, int port) {
      this.source = source;
      this.destination = destination;
      this.port = port;
    }

    void add(long ts, Certainty certainty) {
      counts[certainty.ordinal()]++;
      if (certainty == Certainty.CONFIRMED || certainty == Certainty.LIKELY) {
        firstReported = Math.min(firstReported, ts);
        lastReported = Math.max(lastReported, ts);
      } else if (certainty == Certainty.FAILED) {
        if (failures == failureTimes.length) {
          failureTimes = Arrays.copyOf(failureTimes, failures * 2);
        }
        failureTimes[failures++] = ts;
      }
    }

    boolean reported() {
      return firstReported != Long.MAX_VALUE;
    }

    long failuresBeforeFirstReported() {
      long before = 0;
      for (int i = 0; i < failures; i++) {
        if (failureTimes[i] < firstReported) {
          before++;
        }
      }
      return before;
    }
  }

  private final Map<String, Tally> pairs = new HashMap<>();

  /** Tallies one session of a login source, joined to {@code conn} or to no conn.log row. */
  void add(SshRow ssh, ConnRow conn) {
    String key = ssh.originator() + ' ' + ssh.responder() + ' ' + ssh.responderPort();
    pairs.computeIfAbsent(key, k -> new Tally(ssh.originator(), ssh.responder(), ssh.responderPort()))
        .add(ssh.timestampMicros(), Certainty.of(ssh, conn));
  }

  /** Returns the expected detections, ordered by first seen, source, destination and port. */
  List<ObjectNode> detections(ObjectMapper mapper) {
    List<Tally> reported = new ArrayList<>();
    for (Tally tally : pairs.values()) {
      if (tally.reported()) {
        reported.add(tally);
      }
    }
    reported.sort(Comparator.comparingLong((Tally t) -> t.firstReported)
        .thenComparing(t -> t.source)
        .thenComparing(t -> t.destination)
        .thenComparingInt(t -> t.port));
    List<ObjectNode> detections = new ArrayList<>(reported.size());
    for (Tally tally : reported) {
      ObjectNode detection = mapper.createObjectNode();
      Certainty strongest = tally.counts[Certainty.CONFIRMED.ordinal()] > 0
          ? Certainty.CONFIRMED : Certainty.LIKELY;
      detection.put("certainty", strongest.label());
      detection.putObject("source").put("ip", tally.source);
      detection.putObject("destination").put("ip", tally.destination).put("port", tally.port);
      detection.put("first_seen", RFC_3339_MICROS.format(toInstant(tally.firstReported)));
      detection.put("last_seen", RFC_3339_MICROS.format(toInstant(tally.lastReported)));
      ObjectNode sessions = detection.putObject("sessions");
      for (Certainty certainty : Certainty.values()) {
        sessions.put(certainty.label(), tally.counts[certainty.ordinal()]);
      }
      detection.putObject("failures")
          .put("before_first_success", tally.failuresBeforeFirstReported());
      detection.put("evidence_total", tally.counts[Certainty.CONFIRMED.ordinal()]
          + tally.counts[Certainty.LIKELY.ordinal()]);
      detections.add(detection);
    }
    return detections;
  }

  /** Writes the expected detections to {@code file}, one JSON object per line. */
  int write(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<ObjectNode> detections = detections(mapper);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (ObjectNode detection : detections) {
        out.write(mapper.writeValueAsString(detection));
        out.write('\n');
      }
    }
    return detections.size();
  }

  private static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(micros / 1_000_000L, micros % 1_000_000L * 1_000L);
  }
}
