package dev.gatehouse.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.net.IpAddress;
import dev.gatehouse.core.net.NetworkMap;
import dev.gatehouse.core.record.AuthOutcome;
import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.RecordOrigin;
import dev.gatehouse.core.record.SshSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feeds the same random rows to the aggregating model, to the same model through {@link
 * SessionBatch}es, and to {@link RetainingModel}, which keeps every session as the model did
 * before, and expects the same detections and counters from all three.
 *
 * <p>The rows are chosen to collide: few endpoints, start times from a small range so that many
 * sessions start in the same microsecond, repeated uids with different content, uids that are
 * not Zeek's, sessions without a uid, conn.log rows before and after their ssh.log row, repeated
 * conn.log rows and rows out of time order.
 */
class AggregationEquivalenceTest {

  private static final String[] EXTERNAL = {
      "198.51.100.7", "203.0.113.9", "2001:db8::5", "::ffff:192.0.2.44", "8.8.8.8"};
  private static final String[] INTERNAL = {"10.1.2.3", "10.1.2.4", "192.168.9.9", "fd00::1"};
  private static final String[] BANNERS = {
      null, "", "SSH-2.0-OpenSSH_9.6", "SSH-2.0-Go", "SSH-2.0-libssh_0.9.6", "SSH-2.0-PuTTY",
      "SSH-2.0-paramiko", "SSH-2.0-a", "SSH-2.0-b", "SSH-2.0-c", "SSH-2.0-d", "SSH-2.0-e"};
  private static final String[] STATES = {"SF", "S0", "REJ", "RSTO", "S1", null, "OTH"};
  private static final String SOURCE = "ssh.log";

  private record Row(SshSession ssh, ConnSummary conn) {}

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void aggregatingModelMatchesRetainingModel(long seed) {
    Random random = new Random(seed);
    List<Row> rows = rows(random, 300 + random.nextInt(900));
    for (Certainty minimum : Certainty.values()) {
      for (int maxEvidence : new int[] {0, 1, 3, 10}) {
        LikelyThresholds thresholds = new LikelyThresholds(random.nextInt(20_000_000),
            random.nextInt(8000), random.nextInt(8000));
        ModelSettings settings = new ModelSettings(thresholds, minimum, maxEvidence);
        NetworkMap networks = NetworkMap.defaults();

        RetainingModel expected = new RetainingModel(networks, settings);
        SshExternalInternalModel direct = new SshExternalInternalModel(networks, settings);
        SshExternalInternalModel batched = new SshExternalInternalModel(networks, settings);
        SshExternalInternalModel withoutConn = new SshExternalInternalModel(networks, settings);
        withoutConn.expectNoConnRows();
        RetainingModel expectedWithoutConn = new RetainingModel(networks, settings);
        SessionBatch batch = batched.newBatch();
        int batchSize = 1 + random.nextInt(50);
        for (Row row : rows) {
          if (row.ssh() != null) {
            expected.acceptSsh(row.ssh());
            direct.acceptSsh(row.ssh());
            batch.addSsh(row.ssh());
            expectedWithoutConn.acceptSsh(row.ssh());
            withoutConn.acceptSsh(row.ssh());
          } else {
            expected.acceptConn(row.conn());
            direct.acceptConn(row.conn());
            batch.addConn(row.conn());
          }
          if (random.nextInt(batchSize) == 0) {
            batched.apply(batch, SOURCE, 0);
            batch.clear();
          }
        }
        batched.apply(batch, SOURCE, 0);

        List<Detection> expectedDetections = expected.finish();
        String context = "seed " + seed + ", " + minimum + ", max evidence " + maxEvidence;
        assertThat(direct.finish()).as(context).isEqualTo(expectedDetections);
        assertThat(batched.finish()).as(context + ", batched").isEqualTo(expectedDetections);
        assertThat(direct.stats()).as(context).isEqualTo(expected.stats());
        assertThat(batched.stats()).as(context + ", batched").isEqualTo(expected.stats());
        assertThat(withoutConn.finish()).as(context + ", no conn.log")
            .isEqualTo(expectedWithoutConn.finish());
        assertThat(withoutConn.stats()).as(context + ", no conn.log")
            .isEqualTo(expectedWithoutConn.stats());
      }
    }
  }

  @Test
  void connRowAfterPromiseIsRejected() {
    SshExternalInternalModel model = new SshExternalInternalModel(NetworkMap.defaults(),
        ModelSettings.DEFAULTS);
    model.expectNoConnRows();
    SshSession session = session(new Random(1), "CgradedEarly1", 1_700_000_000_000_000L, 1);
    SshSession unset = new SshSession(session.timestampMicros(), session.uid(),
        IpAddress.parse("198.51.100.7"), 1, IpAddress.parse("10.1.2.3"), 22, AuthOutcome.UNSET, 0,
        null, null, null, null, null, null, null, null, null);
    model.acceptSsh(unset);

    assertThatThrownBy(() -> model.acceptConn(connFor(new Random(2), unset)))
        .isInstanceOf(ConnRowsNotExpectedException.class)
        .hasMessageContaining("CgradedEarly1");
  }

  private static List<Row> rows(Random random, int count) {
    List<Row> rows = new ArrayList<>();
    List<SshSession> earlier = new ArrayList<>();
    long base = 1_700_000_000_000_000L;
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(10);
      if (kind < 3 && !earlier.isEmpty()) {
        rows.add(new Row(null, connFor(random, earlier.get(random.nextInt(earlier.size())))));
        continue;
      }
      String uid = uid(random, i);
      if (kind == 3) {
        // A conn.log row that comes before its ssh.log row, or never has one.
        SshSession later = session(random, uid, base, i + 1);
        rows.add(new Row(null, connFor(random, later)));
        if (random.nextBoolean()) {
          earlier.add(later);
          rows.add(new Row(later, null));
        }
        continue;
      }
      if (kind == 4 && !earlier.isEmpty()) {
        // A repeated uid, with the same or different content.
        SshSession repeated = earlier.get(random.nextInt(earlier.size()));
        SshSession row = random.nextBoolean() ? repeated : session(random, repeated.uid(), base, i + 1);
        rows.add(new Row(row, null));
        continue;
      }
      SshSession session = session(random, uid, base, i + 1);
      earlier.add(session);
      rows.add(new Row(session, null));
    }
    return rows;
  }

  private static String uid(Random random, int index) {
    int kind = random.nextInt(10);
    if (kind == 0) {
      return null;
    }
    if (kind == 1) {
      return "uid-" + index;
    }
    if (kind == 2) {
      return "C0" + index;
    }
    StringBuilder uid = new StringBuilder("C");
    String digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    int length = 1 + random.nextInt(17);
    for (int i = 0; i < length; i++) {
      uid.append(digits.charAt(i == 0 ? 1 + random.nextInt(61) : random.nextInt(62)));
    }
    return uid.toString();
  }

  private static SshSession session(Random random, String uid, long base, long line) {
    boolean inbound = random.nextInt(8) != 0;
    String from = inbound ? pick(random, EXTERNAL) : pick(random, INTERNAL);
    String to = random.nextInt(10) == 0 ? pick(random, EXTERNAL) : pick(random, INTERNAL);
    AuthOutcome auth = AuthOutcome.values()[random.nextInt(3)];
    String[] directions = {null, "INBOUND", "OUTBOUND", "INTERNAL", "EXTERNAL", "sideways"};
    return new SshSession(base + random.nextInt(40) * 1_000_000L, uid, IpAddress.parse(from),
        40_000 + random.nextInt(3), IpAddress.parse(to), random.nextInt(4) == 0 ? 2222 : 22, auth,
        random.nextInt(4) - 1, pick(random, directions), pick(random, BANNERS),
        pick(random, BANNERS), pick(random, BANNERS), pick(random, BANNERS), pick(random, BANNERS),
        pick(random, BANNERS), pick(random, BANNERS), new RecordOrigin(SOURCE, line));
  }

  private static ConnSummary connFor(Random random, SshSession session) {
    Boolean[] locals = {null, Boolean.TRUE, Boolean.FALSE};
    return new ConnSummary(session.timestampMicros(), session.uid(), session.originator(),
        session.originatorPort(), session.responder(), session.responderPort(), "tcp", "ssh",
        random.nextInt(30_000_000) - 1, random.nextInt(10_000) - 1, random.nextInt(10_000) - 1,
        pick(random, STATES), "ShADadFf", pick(random, locals), pick(random, locals),
        new RecordOrigin("conn.log", 1));
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}
