package dev.gatehouse.core.assess;

import dev.gatehouse.core.model.Certainty;
import dev.gatehouse.core.model.Detection;
import dev.gatehouse.core.model.SessionCounts;
import dev.gatehouse.core.model.SshProfile;
import dev.gatehouse.core.model.Traffic;
import dev.gatehouse.core.net.IpAddress;
import java.time.Instant;
import java.util.List;

/** Builds detections for tests, with one confirmed session and no traffic unless set. */
final class Detections {

  private String source = "89.160.20.112";
  private String destination = "10.47.8.50";
  private int port = 22;
  private Certainty certainty = Certainty.CONFIRMED;
  private long confirmed = 1;
  private long likely;
  private long failuresBefore;
  private long failuresElsewhere;
  private long hostsElsewhere;
  private Traffic traffic = new Traffic(0, -1, -1, -1);
  private List<String> clients = List.of("SSH-2.0-OpenSSH_9.6");
  private List<String> hostKeys = List.of("79:f0:93:5b");
  private long firstSeen = micros("2024-05-06T10:00:00Z");
  private long lastSeen = firstSeen;

  static Detections detection() {
    return new Detections();
  }

  static long micros(String instant) {
    Instant parsed = Instant.parse(instant);
    return parsed.getEpochSecond() * 1_000_000L + parsed.getNano() / 1_000L;
  }

  Detections from(String address) {
    this.source = address;
    return this;
  }

  Detections to(String address) {
    this.destination = address;
    return this;
  }

  Detections port(int value) {
    this.port = value;
    return this;
  }

  Detections certainty(Certainty value) {
    this.certainty = value;
    if (value == Certainty.LIKELY) {
      confirmed = 0;
      likely = 1;
    } else if (value != Certainty.CONFIRMED) {
      confirmed = 0;
    }
    return this;
  }

  Detections successes(long confirmedSessions) {
    this.confirmed = confirmedSessions;
    return this;
  }

  Detections failuresBefore(long count) {
    this.failuresBefore = count;
    return this;
  }

  Detections failuresElsewhere(long failures, long hosts) {
    this.failuresElsewhere = failures;
    this.hostsElsewhere = hosts;
    return this;
  }

  Detections traffic(long bytesIn, long bytesOut, long seconds) {
    this.traffic = new Traffic(1, bytesIn, bytesOut, seconds * 1_000_000L);
    return this;
  }

  Detections clients(String... banners) {
    this.clients = List.of(banners);
    return this;
  }

  Detections hostKeys(String... keys) {
    this.hostKeys = List.of(keys);
    return this;
  }

  Detections seen(String first, String last) {
    this.firstSeen = micros(first);
    this.lastSeen = micros(last);
    return this;
  }

  Detection build() {
    return new Detection("id-" + source + "-" + destination, "ssh_external_internal", certainty,
        IpAddress.parse(source), null, IpAddress.parse(destination), port, "site", firstSeen, lastSeen,
        new SessionCounts(confirmed, likely, 0, failuresBefore), failuresBefore, failuresElsewhere,
        hostsElsewhere, traffic,
        new SshProfile(clients, List.of(), hostKeys, List.of(), List.of(), List.of(), List.of()),
        List.of(), confirmed + likely, List.of("T1133", "T1048"));
  }
}
