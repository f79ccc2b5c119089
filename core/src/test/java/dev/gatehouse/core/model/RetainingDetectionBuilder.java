package dev.gatehouse.core.model;

import dev.gatehouse.core.net.IpAddress;
import dev.gatehouse.core.net.NetworkMap;
import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.SshSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** The detection builder of {@link RetainingModel}. */
final class RetainingDetectionBuilder {

  /** Earliest first; the uid and source port break ties so the order never depends on input order. */
  static final Comparator<RetainedGraded> CHRONOLOGICAL = Comparator
      .comparingLong((RetainedGraded g) -> g.session().timestampMicros())
      .thenComparing(g -> g.session().uid(), Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparingInt(g -> g.session().originatorPort());

  private final NetworkMap networks;
  private final ModelSettings settings;
  private final Map<IpAddress, Map<IpAddress, List<Long>>> failuresBySource;
  private final int profileCap;

  RetainingDetectionBuilder(NetworkMap networks, ModelSettings settings,
      Map<IpAddress, Map<IpAddress, List<Long>>> failuresBySource, int profileCap) {
    this.networks = networks;
    this.settings = settings;
    this.failuresBySource = failuresBySource;
    this.profileCap = profileCap;
  }

  /** Returns the detection for one pair, or {@code null} when no session reaches the minimum. */
  Detection build(PairKey key, List<RetainedGraded> graded) {
    graded.sort(CHRONOLOGICAL);
    long[] counts = new long[Certainty.values().length];
    Certainty strongest = Certainty.FAILED;
    for (RetainedGraded g : graded) {
      counts[g.certainty().ordinal()]++;
      if (g.certainty().ordinal() < strongest.ordinal()) {
        strongest = g.certainty();
      }
    }
    if (!strongest.atLeast(settings.minimumCertainty())) {
      return null;
    }
    List<RetainedGraded> reported = graded.stream()
        .filter(g -> g.certainty().atLeast(settings.minimumCertainty()))
        .toList();

    RetainedGraded firstNonFailed = graded.stream()
        .filter(g -> g.certainty() != Certainty.FAILED)
        .findFirst()
        .orElse(graded.get(0));
    long firstSuccess = graded.stream()
        .filter(g -> g.certainty().atLeast(Certainty.LIKELY))
        .mapToLong(g -> g.session().timestampMicros())
        .min()
        .orElse(Long.MAX_VALUE);
    long failuresBefore = graded.stream()
        .filter(g -> g.certainty() == Certainty.FAILED && g.session().timestampMicros() < firstSuccess)
        .count();

    long failuresElsewhere = 0;
    long hostsElsewhere = 0;
    for (Map.Entry<IpAddress, List<Long>> entry
        : failuresBySource.getOrDefault(key.source(), Map.of()).entrySet()) {
      if (!entry.getKey().equals(key.destination())) {
        failuresElsewhere += entry.getValue().size();
        hostsElsewhere++;
      }
    }

    List<Evidence> evidence = reported.stream()
        .limit(settings.maxEvidence())
        .map(RetainingDetectionBuilder::toEvidence)
        .toList();

    return new Detection(
        detectionId(key, firstNonFailed.session()),
        RetainingModel.NAME,
        strongest,
        key.source(),
        networks.networkName(key.source()),
        key.destination(),
        key.port(),
        networks.networkName(key.destination()),
        reported.get(0).session().timestampMicros(),
        reported.stream().mapToLong(g -> g.session().timestampMicros()).max().orElseThrow(),
        new SessionCounts(counts[0], counts[1], counts[2], counts[3]),
        failuresBefore,
        failuresElsewhere,
        hostsElsewhere,
        traffic(reported),
        profile(reported),
        evidence,
        reported.size(),
        RetainingModel.MITRE);
  }

  private static Evidence toEvidence(RetainedGraded g) {
    SshSession s = g.session();
    return new Evidence(s.uid(), s.timestampMicros(), s.originatorPort(), g.certainty(), s.auth(),
        s.authAttempts(), g.reason(), s.origin() == null ? null : s.origin().toString());
  }

  /** Returns {@code sum} plus {@code value}, where -1 in either means unset. */
  private static long addKnown(long sum, long value) {
    if (value < 0) {
      return sum;
    }
    return sum < 0 ? value : sum + value;
  }

  private static Traffic traffic(List<RetainedGraded> reported) {
    long joined = 0;
    long originatorBytes = -1;
    long responderBytes = -1;
    long duration = -1;
    for (RetainedGraded g : reported) {
      ConnSummary conn = g.conn();
      if (conn == null) {
        continue;
      }
      joined++;
      originatorBytes = addKnown(originatorBytes, conn.originatorBytes());
      responderBytes = addKnown(responderBytes, conn.responderBytes());
      duration = addKnown(duration, conn.durationMicros());
    }
    return joined == 0
        ? new Traffic(0, -1, -1, -1)
        : new Traffic(joined, originatorBytes, responderBytes, duration);
  }

  private SshProfile profile(List<RetainedGraded> reported) {
    return new SshProfile(
        distinct(reported, SshSession::client),
        distinct(reported, SshSession::server),
        distinct(reported, SshSession::hostKey),
        distinct(reported, SshSession::hostKeyAlgorithm),
        distinct(reported, SshSession::kexAlgorithm),
        distinct(reported, SshSession::cipherAlgorithm),
        distinct(reported, SshSession::macAlgorithm));
  }

  private List<String> distinct(List<RetainedGraded> reported, Function<SshSession, String> field) {
    Set<String> values = new LinkedHashSet<>();
    for (RetainedGraded g : reported) {
      String value = field.apply(g.session());
      if (value != null && !value.isEmpty()) {
        values.add(value);
        if (values.size() == profileCap) {
          break;
        }
      }
    }
    return List.copyOf(new ArrayList<>(values));
  }

  /**
   * Returns a hash of the model name, the pair and the pair's first non-failed session, so the
   * same input gives the same id whatever the reporting options or the row order.
   */
  static String detectionId(PairKey key, SshSession first) {
    String material = RetainingModel.NAME + '|' + key.source() + '|' + key.destination()
        + '|' + key.port() + '|' + Objects.toString(first.uid(), "") + '|' + first.timestampMicros();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(material.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
