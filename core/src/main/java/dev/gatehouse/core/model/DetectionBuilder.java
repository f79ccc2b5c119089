package dev.gatehouse.core.model;

import dev.gatehouse.core.net.IpAddress;
import dev.gatehouse.core.net.NetworkMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Turns the aggregates of each (source, destination, port) into a {@link Detection}. */
final class DetectionBuilder {

  /**
   * Earliest first. The uid, the source port and, for sessions without a uid, the arrival order
   * break ties, so the order does not depend on how rows with a uid were ordered in the input.
   */
  static final Comparator<SessionKey> CHRONOLOGICAL = Comparator.naturalOrder();

  private static final HexFormat HEX = HexFormat.of();

  private final NetworkMap networks;
  private final ModelSettings settings;
  private final MessageDigest sha256;

  DetectionBuilder(NetworkMap networks, ModelSettings settings) {
    this.networks = networks;
    this.settings = settings;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /** Returns the detections of every pair whose strongest session reaches the minimum. */
  List<Detection> build(PairTable pairs, FailureLog failures) {
    List<Integer> detected = new ArrayList<>();
    long[] firstSuccess = new long[pairs.size()];
    for (int id = 0; id < pairs.size(); id++) {
      Pair pair = pairs.detailsOrNull(id);
      firstSuccess[id] = pair == null || pair.report == null ? Long.MAX_VALUE : pair.report.firstSuccess;
      Certainty strongest = strongest(pairs, id);
      if (strongest != null && strongest.atLeast(settings.minimumCertainty())) {
        detected.add(id);
      }
    }
    long[] failuresBefore = failures.countBefore(firstSuccess, pairs.size());

    // Failures of each detected source, by internal destination over every port.
    Map<IpAddress, Map<IpAddress, Long>> failuresBySource = new HashMap<>();
    for (int id : detected) {
      failuresBySource.putIfAbsent(pairs.source(id), new HashMap<>());
    }
    for (int id = 0; id < pairs.size(); id++) {
      if (pairs.failed[id] > 0) {
        Map<IpAddress, Long> byDestination = failuresBySource.get(pairs.source(id));
        if (byDestination != null) {
          byDestination.merge(pairs.destination(id), pairs.failed[id], Long::sum);
        }
      }
    }

    Map<IpAddress, long[]> totalsBySource = new HashMap<>();
    failuresBySource.forEach((source, byDestination) -> {
      long total = 0;
      for (long count : byDestination.values()) {
        total += count;
      }
      totalsBySource.put(source, new long[] {total, byDestination.size()});
    });

    List<Detection> detections = new ArrayList<>(detected.size());
    for (int id : detected) {
      IpAddress source = pairs.source(id);
      detections.add(build(pairs, id, failuresBefore[id], failuresBySource.get(source),
          totalsBySource.get(source)));
    }
    detections.sort(Comparator.comparingLong(Detection::firstSeenMicros)
        .thenComparing(Detection::source)
        .thenComparing(Detection::destination)
        .thenComparingInt(Detection::destinationPort));
    return detections;
  }

  /** Returns the strongest certainty among the pair's sessions, or {@code null} when it has none. */
  private static Certainty strongest(PairTable pairs, int id) {
    Pair pair = pairs.detailsOrNull(id);
    PairReport report = pair == null ? null : pair.report;
    if (report != null && report.confirmed > 0) {
      return Certainty.CONFIRMED;
    }
    if (report != null && report.likely > 0) {
      return Certainty.LIKELY;
    }
    if (pairs.unset[id] > 0) {
      return Certainty.UNKNOWN;
    }
    return pairs.failed[id] > 0 ? Certainty.FAILED : null;
  }

  /**
   * Builds the detection of one pair.
   *
   * @param sourceFailures the source's failures by internal destination over every port
   * @param sourceTotals the sum of those failures and the number of destinations
   */
  private Detection build(PairTable pairs, int id, long failuresBefore,
      Map<IpAddress, Long> sourceFailures, long[] sourceTotals) {
    Pair pair = pairs.details(id);
    PairReport report = pair.report;
    long confirmed = report.confirmed;
    long likely = report.likely;
    SessionCounts counts = new SessionCounts(confirmed, likely, pairs.unset[id] - likely,
        pairs.failed[id]);
    long reportedTotal = 0;
    for (Certainty certainty : Certainty.values()) {
      if (certainty.atLeast(settings.minimumCertainty())) {
        reportedTotal += counts.of(certainty);
      }
    }

    IpAddress source = pairs.source(id);
    IpAddress destination = pairs.destination(id);
    int port = pairs.port(id);
    Long failuresHere = sourceFailures.get(destination);
    long failuresElsewhere = sourceTotals[0] - (failuresHere == null ? 0 : failuresHere);
    long hostsElsewhere = sourceTotals[1] - (failuresHere == null ? 0 : 1);

    SessionKey first = pair.firstNonFailed != null ? pair.firstNonFailed : pair.firstFailed;
    Traffic traffic = report.sessionsWithConn == 0
        ? new Traffic(0, -1, -1, -1)
        : new Traffic(report.sessionsWithConn, report.originatorBytes, report.responderBytes,
            report.durationMicros);
    SshProfile profile = new SshProfile(report.profileValues(0), report.profileValues(1),
        report.profileValues(2), report.profileValues(3), report.profileValues(4),
        report.profileValues(5), report.profileValues(6));
    List<PairReport.EvidenceEntry> entries = report.evidence();
    Evidence[] evidence = new Evidence[entries.size()];
    for (int i = 0; i < evidence.length; i++) {
      evidence[i] = toEvidence(entries.get(i));
    }

    return new Detection(
        detectionId(sha256, new PairKey(source, destination, port), first.uid(), first.timestampMicros),
        SshExternalInternalModel.NAME,
        strongest(pairs, id),
        source,
        networks.networkName(source),
        destination,
        port,
        networks.networkName(destination),
        report.firstSeen,
        report.lastSeen,
        counts,
        failuresBefore,
        failuresElsewhere,
        hostsElsewhere,
        traffic,
        profile,
        List.of(evidence),
        reportedTotal,
        SshExternalInternalModel.MITRE);
  }

  private Evidence toEvidence(PairReport.EvidenceEntry entry) {
    SessionKey key = entry.key();
    return new Evidence(key.uid(), key.timestampMicros, key.originatorPort, entry.certainty(),
        entry.auth(), entry.authAttempts(),
        SessionGrader.reason(entry.auth(), entry.conn(), settings.likely()),
        entry.source() == null ? null : entry.source() + ":" + entry.line());
  }

  /**
   * Returns a hash of the model name, the pair and the pair's first non-failed session (its
   * first session when all failed), so the same input gives the same id whatever the reporting
   * options or the row order.
   */
  static String detectionId(MessageDigest sha256, PairKey key, String firstUid,
      long firstTimestampMicros) {
    String material = SshExternalInternalModel.NAME + '|' + key.source() + '|' + key.destination()
        + '|' + key.port() + '|' + Objects.toString(firstUid, "") + '|' + firstTimestampMicros;
    byte[] digest = sha256.digest(material.getBytes(StandardCharsets.UTF_8));
    return HEX.formatHex(digest, 0, 16);
  }
}
