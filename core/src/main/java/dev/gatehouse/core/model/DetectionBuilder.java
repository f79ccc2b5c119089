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
   * Earliest first; the uid, the source port and for sessions without a uid the arrival order
   * break ties, so the order never depends on how rows with a uid were ordered in the input.
   */
  static final Comparator<SessionKey> CHRONOLOGICAL = Comparator.naturalOrder();

  private final NetworkMap networks;
  private final ModelSettings settings;

  DetectionBuilder(NetworkMap networks, ModelSettings settings) {
    this.networks = networks;
    this.settings = settings;
  }

  /** Returns the detections of every pair whose strongest session reaches the minimum. */
  List<Detection> build(PairTable pairs) {
    List<Pair> detected = new ArrayList<>();
    for (int id = 0; id < pairs.size(); id++) {
      Pair pair = pairs.byId(id);
      Certainty strongest = strongest(pair);
      if (strongest != null && strongest.atLeast(settings.minimumCertainty())) {
        detected.add(pair);
      }
    }

    // Failures of each detected source, by internal destination over every port.
    Map<IpAddress, Map<IpAddress, Long>> failuresBySource = new HashMap<>();
    for (Pair pair : detected) {
      failuresBySource.putIfAbsent(pair.source(), new HashMap<>());
    }
    for (int id = 0; id < pairs.size(); id++) {
      Pair pair = pairs.byId(id);
      if (pair.failed > 0) {
        Map<IpAddress, Long> byDestination = failuresBySource.get(pair.source());
        if (byDestination != null) {
          byDestination.merge(pair.destination(), pair.failed, Long::sum);
        }
      }
    }

    List<Detection> detections = new ArrayList<>(detected.size());
    for (Pair pair : detected) {
      detections.add(build(pair, failuresBySource.get(pair.source())));
    }
    detections.sort(Comparator.comparingLong(Detection::firstSeenMicros)
        .thenComparing(Detection::source)
        .thenComparing(Detection::destination)
        .thenComparingInt(Detection::destinationPort));
    return detections;
  }

  /** Returns the strongest certainty among the pair's sessions, or {@code null} when it has none. */
  private static Certainty strongest(Pair pair) {
    PairReport report = pair.report;
    if (report != null && report.confirmed > 0) {
      return Certainty.CONFIRMED;
    }
    if (report != null && report.likely > 0) {
      return Certainty.LIKELY;
    }
    if (pair.unset > 0) {
      return Certainty.UNKNOWN;
    }
    return pair.failed > 0 ? Certainty.FAILED : null;
  }

  private Detection build(Pair pair, Map<IpAddress, Long> sourceFailures) {
    PairReport report = pair.report;
    long confirmed = report.confirmed;
    long likely = report.likely;
    SessionCounts counts = new SessionCounts(confirmed, likely, pair.unset - likely, pair.failed);
    long reportedTotal = 0;
    for (Certainty certainty : Certainty.values()) {
      if (certainty.atLeast(settings.minimumCertainty())) {
        reportedTotal += counts.of(certainty);
      }
    }

    IpAddress source = pair.source();
    IpAddress destination = pair.destination();
    long failuresElsewhere = 0;
    long hostsElsewhere = 0;
    for (Map.Entry<IpAddress, Long> entry : sourceFailures.entrySet()) {
      if (!entry.getKey().equals(destination)) {
        failuresElsewhere += entry.getValue();
        hostsElsewhere++;
      }
    }

    SessionKey first = pair.firstNonFailed != null ? pair.firstNonFailed : pair.firstFailed;
    Traffic traffic = report.sessionsWithConn == 0
        ? new Traffic(0, -1, -1, -1)
        : new Traffic(report.sessionsWithConn, report.originatorBytes, report.responderBytes,
            report.durationMicros);
    SshProfile profile = new SshProfile(report.profileValues(0), report.profileValues(1),
        report.profileValues(2), report.profileValues(3), report.profileValues(4),
        report.profileValues(5), report.profileValues(6));
    List<Evidence> evidence = report.evidence().stream().map(this::toEvidence).toList();

    return new Detection(
        detectionId(new PairKey(source, destination, pair.port), first.uid(), first.timestampMicros),
        SshExternalInternalModel.NAME,
        strongest(pair),
        source,
        networks.networkName(source),
        destination,
        pair.port,
        networks.networkName(destination),
        report.firstSeen,
        report.lastSeen,
        counts,
        pair.failuresBeforeFirstSuccess(),
        failuresElsewhere,
        hostsElsewhere,
        traffic,
        profile,
        evidence,
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
  static String detectionId(PairKey key, String firstUid, long firstTimestampMicros) {
    String material = SshExternalInternalModel.NAME + '|' + key.source() + '|' + key.destination()
        + '|' + key.port() + '|' + Objects.toString(firstUid, "") + '|' + firstTimestampMicros;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(material.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
