package dev.gatehouse.bench.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Produces the generated traffic, one ssh.log session at a time with its conn.log row and the
 * conn.log rows of other services around it. Everything comes from one {@link SplittableRandom}
 * seeded by the caller, so a seed always gives the same rows.
 *
 * <p>The mix per ssh.log row: 89 % scanners and password guessers from a large pool of external
 * addresses (auth_success F or unset, short connections), 2.5 % sessions of a separate pool of
 * external login sources against internal servers (T, F, unset and long, unset and just below
 * the likely thresholds, unset and short), 5 % administration between internal hosts, 3 %
 * internal hosts logging in outside and 0.5 % external-to-external transit. About one session
 * in ten is IPv6. Rows are up to two seconds out of time order.
 */
final class TrafficModel {

  /** The first generated session: 2024-04-19T00:00:00Z. */
  static final long START_MICROS = 1_713_484_800_000_000L;

  static final long HOUR_MICROS = 3_600_000_000L;

  /** The kinds of ssh.log session. */
  enum Kind { SCAN, LOGIN, ADMIN, OUTBOUND, TRANSIT }

  private static final double LOGIN_SHARE = 0.025;
  private static final double ADMIN_SHARE = 0.05;
  private static final double OUTBOUND_SHARE = 0.03;
  private static final double TRANSIT_SHARE = 0.005;
  private static final double MISSING_CONN_SHARE = 0.003;
  private static final double IPV6_SHARE = 0.1;

  private static final int SCANNERS_V4 = 60_000;
  private static final int SCANNERS_V6 = 5_000;
  private static final int SERVERS_V4 = 4_000;
  private static final int SERVERS_V6 = 400;
  private static final int WORKSTATIONS = 200;
  private static final int OUTSIDE_SERVERS = 300;

  private static final String[] ESTABLISHED = {"SF", "S1", "S2", "S3", "RSTO", "RSTR"};
  private static final String[] NOT_ESTABLISHED = {"S0", "SH", "SHR", "OTH", "REJ"};

  /** The generated ssh.log row and the conn.log rows that go with it. */
  static final class Step {
    Kind kind;
    SshRow ssh;
    /** The conn.log row with the ssh row's uid, or {@code null} when it is left out. */
    ConnRow sshConn;
    final List<ConnRow> others = new ArrayList<>();
    /** The rotation hour of the rows, from 0. */
    int hour;
    long clockMicros;
  }

  private final SplittableRandom random;
  private final int connRatio;
  private final int hours;
  private final long stepMicros;
  private final int loginSources;

  private String burstSource;
  private String burstDestination;
  private int burstPort;
  private int burstLeft;

  /**
   * @param estimatedRows how many ssh.log rows the caller expects, which spreads them over
   *     {@code hours} and sizes the pool of login sources
   * @param connRatio conn.log rows per ssh.log row, or 0 for no conn.log
   */
  TrafficModel(long seed, long estimatedRows, int connRatio, int hours) {
    this.random = new SplittableRandom(seed);
    this.connRatio = connRatio;
    this.hours = hours;
    this.stepMicros = Math.max(1, hours * HOUR_MICROS / (estimatedRows + estimatedRows / 50 + 1));
    this.loginSources = (int) Math.max(20, Math.min(2_000_000, estimatedRows * LOGIN_SHARE / 6));
  }

  /** Fills {@code step} with ssh.log row {@code index} and its conn.log rows. */
  void next(long index, Step step) {
    long clock = START_MICROS + index * stepMicros;
    step.clockMicros = clock;
    step.hour = (int) Math.min(hours - 1, (clock - START_MICROS) / HOUR_MICROS);
    long ts = clock - random.nextLong(2_000_000L);
    String uid = Uids.of(index);
    double draw = random.nextDouble();
    if (draw < LOGIN_SHARE) {
      step.kind = Kind.LOGIN;
      login(step, ts, uid);
    } else if (draw < LOGIN_SHARE + ADMIN_SHARE) {
      step.kind = Kind.ADMIN;
      boolean v6 = random.nextDouble() < IPV6_SHARE;
      String source = v6 ? Addresses.internalV6(100_000 + random.nextInt(WORKSTATIONS))
          : Addresses.internalV4(1_000_003 + 10 * random.nextInt(WORKSTATIONS));
      longSession(step, ts, uid, source, server(v6), 22, true, true);
    } else if (draw < LOGIN_SHARE + ADMIN_SHARE + OUTBOUND_SHARE) {
      step.kind = Kind.OUTBOUND;
      boolean v6 = random.nextDouble() < IPV6_SHARE;
      longSession(step, ts, uid, server(v6), Addresses.outsideServer(random.nextInt(OUTSIDE_SERVERS), v6),
          22, true, false);
    } else if (draw < LOGIN_SHARE + ADMIN_SHARE + OUTBOUND_SHARE + TRANSIT_SHARE) {
      step.kind = Kind.TRANSIT;
      String source = Addresses.scanner(random.nextInt(SCANNERS_V4), false);
      shortSession(step, ts, uid, source, Addresses.outsideServer(random.nextInt(OUTSIDE_SERVERS), false),
          22, false, false);
    } else {
      step.kind = Kind.SCAN;
      scan(step, ts, uid);
    }
    if (connRatio == 0 || random.nextDouble() < MISSING_CONN_SHARE) {
      step.sshConn = null;
    }
    step.others.clear();
    for (int i = 1; i < connRatio; i++) {
      step.others.add(otherConnection(index, i, clock));
    }
  }

  private String server(boolean v6) {
    return v6 ? Addresses.internalV6(random.nextInt(SERVERS_V6))
        : Addresses.internalV4(9973 * random.nextInt(SERVERS_V4));
  }

  /** Fills {@code step} with a scanner's session, going on with the current burst while it lasts. */
  private void scan(Step step, long ts, String uid) {
    if (burstLeft == 0) {
      boolean v6 = random.nextDouble() < IPV6_SHARE;
      burstSource = v6 ? Addresses.scanner(random.nextInt(SCANNERS_V6), true)
          : Addresses.scanner(random.nextInt(SCANNERS_V4), false);
      boolean sweep = random.nextBoolean();
      if (sweep && !v6) {
        burstDestination = Addresses.randomInternalV4(random);
        burstLeft = 1;
      } else {
        burstDestination = server(v6);
        burstLeft = 5 + random.nextInt(55);
      }
      int portDraw = random.nextInt(100);
      if (portDraw < 90) {
        burstPort = 22;
      } else if (portDraw < 97) {
        burstPort = 2222;
      } else {
        burstPort = 22222;
      }
    }
    burstLeft--;
    shortSession(step, ts, uid, burstSource, burstDestination, burstPort, false, true);
  }

  /** Fills {@code step} with a scanner's or guesser's session: F or unset, short, a few KB at most. */
  private void shortSession(Step step, long ts, String uid, String source, String destination,
      int port, boolean localSource, boolean localDestination) {
    String state = shortSessionState(random.nextInt(100));
    boolean handshake = !state.equals("S0") && !state.equals("REJ");
    Boolean auth = handshake && random.nextInt(100) < 55 ? Boolean.FALSE : null;
    int attempts = auth == null ? 0 : 1 + random.nextInt(6);
    String client = handshake ? SshProfiles.pick(SshProfiles.SCANNER_CLIENTS, random) : null;
    step.ssh = sshRow(ts, uid, source, destination, port, auth, attempts, client, handshake);
    long duration;
    long sent;
    long received;
    String history;
    if (handshake) {
      duration = 50_000 + random.nextLong(9_800_000L);
      sent = 300 + random.nextInt(5_700);
      received = 600 + random.nextInt(5_400);
      history = state.equals("SF") ? "ShAdDaFf" : state.equals("RSTO") ? "ShAdDaR" : "ShAdDar";
    } else if (state.equals("REJ")) {
      duration = 100 + random.nextInt(10_000);
      sent = 0;
      received = 0;
      history = "Sr";
    } else {
      duration = -1;
      sent = 0;
      received = 0;
      history = "S";
    }
    step.sshConn = new ConnRow(ts, uid, source, step.ssh.originatorPort(), destination, port,
        "tcp", handshake ? "ssh" : null, duration, sent, received, state, localSource,
        localDestination, history);
  }

  /** Returns the conn_state of a short session: SF 70 %, RSTO 10 %, RSTR 8 %, S0 6 %, REJ 6 %. */
  private static String shortSessionState(int percentile) {
    if (percentile < 70) {
      return "SF";
    } else if (percentile < 80) {
      return "RSTO";
    } else if (percentile < 88) {
      return "RSTR";
    } else if (percentile < 94) {
      return "S0";
    }
    return "REJ";
  }

  /** Fills {@code step} with a session of a person or tool that logs in: mostly T, long. */
  private void longSession(Step step, long ts, String uid, String source, String destination,
      int port, boolean localSource, boolean localDestination) {
    Boolean auth = random.nextInt(100) < 85 ? Boolean.TRUE : null;
    String client = SshProfiles.pick(SshProfiles.USER_CLIENTS, random);
    step.ssh = sshRow(ts, uid, source, destination, port, auth, auth == null ? 0 : 1 + random.nextInt(2),
        client, true);
    long duration = 2_000_000L + random.nextLong(3_600_000_000L);
    long sent = 3_000 + random.nextInt(200_000);
    long received = 3_000 + random.nextInt(5_000_000);
    String state = random.nextInt(10) < 8 ? "SF" : SshProfiles.pick(ESTABLISHED, random);
    step.sshConn = new ConnRow(ts, uid, source, step.ssh.originatorPort(), destination, port,
        "tcp", "ssh", duration, sent, received, state, localSource, localDestination, "ShADadFf");
  }

  /**
   * Fills {@code step} with a session of the pool of login sources. Each source has one to three
   * internal targets. Its sessions succeed, fail, or stay unset with a connection above, just
   * below or far below the likely thresholds (10 s, 4000 bytes each way).
   */
  private void login(Step step, long ts, String uid) {
    int sourceIndex = random.nextInt(loginSources);
    boolean v6 = Math.floorMod(sourceIndex, 10) == 3;
    String source = Addresses.loginSource(sourceIndex, v6);
    int target = random.nextInt(1 + Math.floorMod(sourceIndex, 3));
    int targetKey = Math.floorMod(sourceIndex * 31 + target * 7, 1 << 20);
    String destination = v6 ? Addresses.internalV6(targetKey % SERVERS_V6)
        : Addresses.internalV4(9973 * (targetKey % SERVERS_V4));
    int port = targetKey % 20 == 0 ? 2222 : 22;

    int outcome = random.nextInt(100);
    Boolean auth = null;
    if (outcome < 45) {
      auth = Boolean.TRUE;
    } else if (outcome < 75) {
      auth = Boolean.FALSE;
    }
    String client = auth == Boolean.FALSE
        ? SshProfiles.pick(SshProfiles.SCANNER_CLIENTS, random)
        : SshProfiles.pick(SshProfiles.USER_CLIENTS, random);
    int attempts = auth == null ? 0 : 1 + random.nextInt(3);
    step.ssh = sshRow(ts, uid, source, destination, port, auth, attempts, client, true);

    String state = SshProfiles.pick(ESTABLISHED, random);
    long duration;
    long sent;
    long received;
    if (auth == Boolean.TRUE) {
      duration = 2_000_000L + random.nextLong(3_600_000_000L);
      sent = 3_000 + random.nextInt(200_000);
      received = 3_000 + random.nextInt(5_000_000);
    } else if (auth == Boolean.FALSE) {
      state = "SF";
      duration = 1_000_000L + random.nextLong(8_000_000L);
      sent = 1_500 + random.nextInt(2_000);
      received = 1_500 + random.nextInt(2_000);
    } else if (outcome < 90) {
      // Above the thresholds, sometimes exactly on them.
      duration = random.nextInt(5) == 0 ? 10_000_000L : 10_000_000L + random.nextLong(3_600_000_000L);
      sent = random.nextInt(5) == 0 ? 4_000 : 4_000 + random.nextInt(100_000);
      received = random.nextInt(5) == 0 ? 4_000 : 4_000 + random.nextInt(2_000_000);
    } else if (outcome < 97) {
      // Just below one threshold, or never established.
      duration = 10_000_000L + random.nextLong(600_000_000L);
      sent = 4_000 + random.nextInt(100_000);
      received = 4_000 + random.nextInt(100_000);
      switch (random.nextInt(4)) {
        case 0 -> duration = 9_999_999L;
        case 1 -> sent = 3_999;
        case 2 -> received = 3_999;
        default -> state = SshProfiles.pick(NOT_ESTABLISHED, random);
      }
    } else {
      state = "SF";
      duration = 500_000L + random.nextLong(5_000_000L);
      sent = 2_000 + random.nextInt(1_000);
      received = 2_000 + random.nextInt(1_000);
    }
    step.sshConn = new ConnRow(ts, uid, source, step.ssh.originatorPort(), destination, port,
        "tcp", "ssh", duration, sent, received, state, false, true, "ShADadFf");
  }

  private SshRow sshRow(long ts, String uid, String source, String destination, int port,
      Boolean auth, int attempts, String client, boolean handshake) {
    int sourcePort = 1024 + random.nextInt(64_512);
    if (!handshake) {
      return new SshRow(ts, uid, source, sourcePort, destination, port, null, 0, null, null, null,
          null, null, null, null);
    }
    return new SshRow(ts, uid, source, sourcePort, destination, port, auth, attempts, client,
        SshProfiles.serverOf(destination),
        SshProfiles.pick(SshProfiles.CIPHERS, random),
        SshProfiles.pick(SshProfiles.MACS, random),
        SshProfiles.pick(SshProfiles.KEX, random),
        SshProfiles.hostKeyAlgorithmOf(destination),
        SshProfiles.hostKeyOf(destination));
  }

  /** Returns a conn.log row of another service: DNS, web and TLS, or an inbound probe. */
  private ConnRow otherConnection(long index, int number, long clock) {
    String uid = Uids.of(Uids.OTHER_CONNECTIONS | (index * 64 + number));
    long ts = clock - random.nextLong(2_000_000L);
    int sourcePort = 1024 + random.nextInt(64_512);
    int draw = random.nextInt(100);
    if (draw < 35) {
      boolean outside = random.nextInt(4) > 0;
      String resolver = outside ? Addresses.outsideServer(random.nextInt(8), false) : "10.0.0.53";
      return new ConnRow(ts, uid, server(false), sourcePort, resolver, 53, "udp", "dns",
          2_000 + random.nextInt(200_000), 30 + random.nextInt(40), 50 + random.nextInt(300),
          "SF", true, !outside, "Dd");
    } else if (draw < 60) {
      long received = 2_000 + random.nextInt(500_000);
      return new ConnRow(ts, uid, server(false), sourcePort,
          Addresses.outsideServer(random.nextInt(OUTSIDE_SERVERS), random.nextInt(10) == 0), 443,
          "tcp", "ssl", 50_000 + random.nextLong(120_000_000L), 500 + random.nextInt(20_000),
          received, "SF", true, false, "ShADadFf");
    } else if (draw < 70) {
      return new ConnRow(ts, uid, server(false), sourcePort,
          Addresses.outsideServer(random.nextInt(OUTSIDE_SERVERS), false), 80, "tcp", "http",
          20_000 + random.nextLong(5_000_000L), 200 + random.nextInt(2_000),
          500 + random.nextInt(200_000), "SF", true, false, "ShADadFf");
    } else if (draw < 90) {
      int[] probed = {22, 23, 80, 443, 445, 3389, 8080, 5900};
      boolean rejected = random.nextBoolean();
      return new ConnRow(ts, uid, Addresses.scanner(random.nextInt(SCANNERS_V4), false), sourcePort,
          Addresses.randomInternalV4(random), probed[random.nextInt(probed.length)], "tcp", null,
          rejected ? 100 + random.nextInt(5_000) : -1, 0, 0, rejected ? "REJ" : "S0", false, true,
          rejected ? "Sr" : "S");
    }
    return new ConnRow(ts, uid, Addresses.scanner(random.nextInt(SCANNERS_V4), false), sourcePort,
        server(false), 443, "tcp", "ssl", 100_000 + random.nextLong(30_000_000L),
        500 + random.nextInt(3_000), 2_000 + random.nextInt(50_000), "SF", false, true,
        "ShADadFf");
  }
}
