package dev.gatehouse.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.net.Cidr;
import dev.gatehouse.core.net.IpAddress;
import dev.gatehouse.core.net.NetworkMap;
import dev.gatehouse.core.record.AuthOutcome;
import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.RecordOrigin;
import dev.gatehouse.core.record.SshSession;
import java.util.List;
import org.junit.jupiter.api.Test;

class SshExternalInternalModelTest {

  private static final long T0 = 1_700_000_000_000_000L;
  private static final String OUTSIDE = "198.51.100.7";
  private static final String SERVER = "10.1.2.3";

  private static SshSession ssh(String uid, long offsetSeconds, String from, String to, AuthOutcome auth) {
    return new SshSession(T0 + offsetSeconds * 1_000_000L, uid, IpAddress.parse(from), 40000,
        IpAddress.parse(to), 22, auth, 1, null, "SSH-2.0-OpenSSH_9.6", "SSH-2.0-OpenSSH_9.2p1",
        "aes128-ctr", "hmac-sha2-256", "curve25519-sha256", "ssh-ed25519", "aa:bb",
        new RecordOrigin("ssh.log", 9));
  }

  private static ConnSummary conn(String uid, String from, String to, String state, double seconds,
      long originatorBytes, long responderBytes) {
    return new ConnSummary(T0, uid, IpAddress.parse(from), 40000, IpAddress.parse(to), 22, "tcp",
        "ssh", Math.round(seconds * 1_000_000), originatorBytes, responderBytes, state, "ShADadFf",
        null, null, new RecordOrigin("conn.log", 9));
  }

  private static SshExternalInternalModel model(Certainty minimum) {
    return new SshExternalInternalModel(NetworkMap.defaults(),
        new ModelSettings(LikelyThresholds.DEFAULTS, minimum, 10));
  }

  @Test
  void successIsConfirmed() {
    SshExternalInternalModel model = model(Certainty.LIKELY);
    model.acceptSsh(ssh("C1", 0, OUTSIDE, SERVER, AuthOutcome.SUCCESS));

    List<Detection> detections = model.finish();

    assertThat(detections).hasSize(1);
    Detection d = detections.get(0);
    assertThat(d.certainty()).isEqualTo(Certainty.CONFIRMED);
    assertThat(d.source()).isEqualTo(IpAddress.parse(OUTSIDE));
    assertThat(d.destination()).isEqualTo(IpAddress.parse(SERVER));
    assertThat(d.destinationPort()).isEqualTo(22);
    assertThat(d.sessions()).isEqualTo(new SessionCounts(1, 0, 0, 0));
    assertThat(d.traffic().known()).isFalse();
    assertThat(d.mitre()).containsExactly("T1133", "T1048");
    assertThat(d.evidence()).singleElement().satisfies(e -> {
      assertThat(e.uid()).isEqualTo("C1");
      assertThat(e.reason()).isEqualTo("auth_success is T");
      assertThat(e.source()).isEqualTo("ssh.log:9");
    });
  }

  @Test
  void unsetAuthSuccessIsNotFailure() {
    SshExternalInternalModel model = model(Certainty.UNKNOWN);
    model.acceptSsh(ssh("C1", 0, OUTSIDE, SERVER, AuthOutcome.UNSET));

    Detection d = model.finish().get(0);

    assertThat(d.certainty()).isEqualTo(Certainty.UNKNOWN);
    assertThat(d.sessions()).isEqualTo(new SessionCounts(0, 0, 1, 0));
    assertThat(d.evidence().get(0).auth()).isEqualTo(AuthOutcome.UNSET);
  }

  @Test
  void unsetIsNotReportedByDefault() {
    SshExternalInternalModel model = model(Certainty.LIKELY);
    model.acceptSsh(ssh("C1", 0, OUTSIDE, SERVER, AuthOutcome.UNSET));

    assertThat(model.finish()).isEmpty();
    assertThat(model.stats().externalToInternal()).isEqualTo(1);
  }

  @Test
  void establishedLongSessionIsLikely() {
    SshExternalInternalModel model = model(Certainty.LIKELY);
    model.acceptSsh(ssh("C1", 0, OUTSIDE, SERVER, AuthOutcome.UNSET));
    model.acceptConn(conn("C1", OUTSIDE, SERVER, "SF", 600.25, 48_211, 95_102));

    Detection d = model.finish().get(0);

    assertThat(d.certainty()).isEqualTo(Certainty.LIKELY);
    assertThat(d.traffic()).isEqualTo(new Traffic(1, 48_211, 95_102, 600_250_000L));
    assertThat(d.evidence().get(0).reason()).isEqualTo("auth_success is unset; conn.log shows state SF,"
        + " 600.25 s, 48211 bytes from the client and 95102 bytes from the server, at or above the"
        + " thresholds 10 s, 4000 bytes from the client, 4000 bytes from the server");
  }

  @Test
  void connBeforeSshStillJoins() {
    SshExternalInternalModel model = model(Certainty.LIKELY);
    model.acceptConn(conn("C1", OUTSIDE, SERVER, "SF", 600, 48_211, 95_102));
    model.acceptSsh(ssh("C1", 0, OUTSIDE, SERVER, AuthOutcome.UNSET));

    assertThat(model.finish()).singleElement()
        .extracting(Detection::certainty).isEqualTo(Certainty.LIKELY);
    assertThat(model.stats().connJoined()).isEqualTo(1);
  }

  @Test
  void rejectedOrShortSessionStaysUnknown() {
    SshExternalInternalModel model = model(Certainty.UNKNOWN);
    model.acceptSsh(ssh("C1", 0, OUTSIDE, SERVER, AuthOutcome.UNSET));
    model.acceptConn(conn("C1", OUTSIDE, SERVER, "SF", 2.0, 2_100, 2_900));
    model.acceptSsh(ssh("C2", 1, OUTSIDE, SERVER, AuthOutcome.UNSET));
    model.acceptConn(conn("C2", OUTSIDE, SERVER, "S0", 600, 90_000, 90_000));

    Detection d = model.finish().get(0);

    assertThat(d.sessions()).isEqualTo(new SessionCounts(0, 0, 2, 0));
    assertThat(d.evidence()).extracting(Evidence::reason).containsExactly(
        "auth_success is unset; conn.log shows state SF, 2 s, 2100 bytes from the client and 2900"
            + " bytes from the server, but it lasted less than 10 s",
        "auth_success is unset; conn.log shows state S0, 600 s, 90000 bytes from the client and"
            + " 90000 bytes from the server, but the TCP session was never established");
  }

  @Test
  void failuresBeforeSuccessAreCounted() {
    SshExternalInternalModel model = model(Certainty.LIKELY);
    model.acceptSsh(ssh("F1", 1, OUTSIDE, SERVER, AuthOutcome.FAILURE));
    model.acceptSsh(ssh("F2", 2, OUTSIDE, SERVER, AuthOutcome.FAILURE));
    model.acceptSsh(ssh("S1", 3, OUTSIDE, SERVER, AuthOutcome.SUCCESS));
    model.acceptSsh(ssh("F3", 4, OUTSIDE, SERVER, AuthOutcome.FAILURE));
    model.acceptSsh(ssh("G1", 0, OUTSIDE, "10.9.9.9", AuthOutcome.FAILURE));
    model.acceptSsh(ssh("G2", 0, OUTSIDE, "10.9.9.8", AuthOutcome.FAILURE));
    model.acceptSsh(ssh("G3", 5, OUTSIDE, "10.9.9.8", AuthOutcome.FAILURE));

    List<Detection> detections = model.finish();

    assertThat(detections).hasSize(1);
    Detection d = detections.get(0);
    assertThat(d.sessions()).isEqualTo(new SessionCounts(1, 0, 0, 3));
    assertThat(d.failuresBeforeFirstSuccess()).isEqualTo(2);
    assertThat(d.sourceFailuresElsewhere()).isEqualTo(3);
    assertThat(d.sourceHostsFailedElsewhere()).isEqualTo(2);
    assertThat(d.evidenceTotal()).isEqualTo(1);
  }

  @Test
  void onlyExternalToInternalCounts() {
    SshExternalInternalModel model = model(Certainty.FAILED);
    model.acceptSsh(ssh("A", 0, SERVER, OUTSIDE, AuthOutcome.SUCCESS));
    model.acceptSsh(ssh("B", 0, SERVER, "10.4.4.4", AuthOutcome.SUCCESS));
    model.acceptSsh(ssh("C", 0, OUTSIDE, "203.0.113.9", AuthOutcome.SUCCESS));
    model.acceptSsh(ssh("D", 0, OUTSIDE, "224.0.0.5", AuthOutcome.SUCCESS));

    assertThat(model.finish()).isEmpty();
    ModelStats stats = model.stats();
    assertThat(stats.internalToExternal()).isEqualTo(1);
    assertThat(stats.internalToInternal()).isEqualTo(1);
    assertThat(stats.externalToExternal()).isEqualTo(1);
    assertThat(stats.unroutable()).isEqualTo(1);
    assertThat(stats.externalToInternal()).isZero();
  }

  @Test
  void repeatedUidCountsOnce() {
    SshExternalInternalModel model = model(Certainty.LIKELY);
    model.acceptSsh(ssh("C1", 0, OUTSIDE, SERVER, AuthOutcome.SUCCESS));
    model.acceptSsh(ssh("C1", 0, OUTSIDE, SERVER, AuthOutcome.SUCCESS));

    assertThat(model.finish().get(0).sessions().confirmed()).isEqualTo(1);
    assertThat(model.stats().duplicateSessions()).isEqualTo(1);
  }

  @Test
  void idIsStableAcrossRowOrderAndOptions() {
    SshExternalInternalModel forward = model(Certainty.LIKELY);
    forward.acceptSsh(ssh("C1", 0, OUTSIDE, SERVER, AuthOutcome.UNSET));
    forward.acceptSsh(ssh("C2", 5, OUTSIDE, SERVER, AuthOutcome.SUCCESS));
    SshExternalInternalModel backward = model(Certainty.UNKNOWN);
    backward.acceptSsh(ssh("C2", 5, OUTSIDE, SERVER, AuthOutcome.SUCCESS));
    backward.acceptSsh(ssh("C1", 0, OUTSIDE, SERVER, AuthOutcome.UNSET));

    String forwardId = forward.finish().get(0).id();

    assertThat(forwardId).hasSize(32).matches("[0-9a-f]+");
    assertThat(backward.finish().get(0).id()).isEqualTo(forwardId);
  }

  @Test
  void zeekDirectionDisagreementIsCounted() {
    SshExternalInternalModel model = model(Certainty.LIKELY);
    SshSession inbound = ssh("C1", 0, OUTSIDE, SERVER, AuthOutcome.SUCCESS);
    model.acceptSsh(new SshSession(inbound.timestampMicros(), "C1", inbound.originator(), 1,
        inbound.responder(), 22, AuthOutcome.SUCCESS, 1, "OUTBOUND", null, null, null, null, null,
        null, null, null));

    assertThat(model.finish()).hasSize(1);
    assertThat(model.stats().zeekLocalityDisagreements()).isEqualTo(1);
  }

  @Test
  void namedNetworksTravelIntoDetection() {
    NetworkMap map = NetworkMap.of(List.of(new NetworkMap.Network("dmz", Cidr.parse("10.1.2.0/24"))));
    SshExternalInternalModel model = new SshExternalInternalModel(map, ModelSettings.DEFAULTS);
    model.acceptSsh(ssh("C1", 0, OUTSIDE, SERVER, AuthOutcome.SUCCESS));

    Detection d = model.finish().get(0);

    assertThat(d.destinationNetwork()).isEqualTo("dmz");
    assertThat(d.sourceNetwork()).isNull();
  }

  @Test
  void unsetConnFiguresStayUnknown() {
    SshExternalInternalModel model = model(Certainty.UNKNOWN);
    model.acceptSsh(ssh("C1", 0, OUTSIDE, SERVER, AuthOutcome.UNSET));
    model.acceptConn(conn("C1", OUTSIDE, SERVER, "SF", 600, -1, -1));

    Detection d = model.finish().get(0);

    assertThat(d.evidence().get(0).reason()).endsWith("but the client's byte count is unset");
    assertThat(d.traffic().known()).isTrue();
    assertThat(d.traffic().originatorBytes()).isEqualTo(-1);
    assertThat(d.traffic().responderBytes()).isEqualTo(-1);
    assertThat(d.traffic().durationMicros()).isEqualTo(600_000_000L);
  }

  @Test
  void durationJustBelowThresholdIsNotRoundedUp() {
    SshExternalInternalModel model = model(Certainty.UNKNOWN);
    model.acceptSsh(ssh("C1", 0, OUTSIDE, SERVER, AuthOutcome.UNSET));
    model.acceptConn(conn("C1", OUTSIDE, SERVER, "SF", 9.999999, 50_000, 50_000));

    assertThat(model.finish().get(0).evidence().get(0).reason())
        .contains("SF, 9.999999 s,")
        .endsWith("but it lasted less than 10 s");
  }
}
