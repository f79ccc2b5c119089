package dev.gatehouse.output;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats event times as RFC 3339 in UTC with microseconds. */
public final class Timestamps {

  private static final DateTimeFormatter RFC_3339_MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** Returns {@code micros} since the epoch as {@code 2018-03-24 17:16:39}, in UTC, for tables. */
  public static String formatSeconds(long micros) {
    return SECONDS.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L)));
  }

  /** Returns {@code micros} since the epoch as {@code 2018-03-24T17:16:39.739898Z}. */
  public static String format(long micros) {
    Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        Math.floorMod(micros, 1_000_000L) * 1_000L);
    return RFC_3339_MICROS.format(instant);
  }
}
