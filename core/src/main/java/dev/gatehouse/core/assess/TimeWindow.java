package dev.gatehouse.core.assess;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A set of moments in UTC: some days of the week, a span of the day and an absolute interval,
 * each optional. A moment belongs to the window when it meets every part that is given.
 *
 * <p>Days and hours are both checked on the moment itself. A span that wraps midnight, such as
 * 22:00 to 06:00, therefore covers 00:00 to 06:00 and 22:00 to 24:00 of each listed day.
 *
 * @param days the days of the week, or an empty set for every day
 * @param startMinute the first minute of the day's span (0 to 1439), or -1 for the whole day
 * @param endMinute the minute after the span (1 to 1440); smaller than {@code startMinute} when
 *     the span wraps midnight
 * @param fromMicros the first moment, inclusive, in microseconds since the epoch, or {@link
 *     Long#MIN_VALUE}
 * @param untilMicros the end, exclusive, or {@link Long#MAX_VALUE}
 */
public record TimeWindow(Set<DayOfWeek> days, int startMinute, int endMinute, long fromMicros, long untilMicros) {

  /** Copies the days and checks the span. */
  public TimeWindow {
    days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    if (startMinute != -1 && (startMinute < 0 || startMinute >= 1440 || endMinute < 1
        || endMinute > 1440 || startMinute == endMinute)) {
      throw new IllegalArgumentException("the span of the day must be 0-1439 to 1-1440 minutes and not"
          + " empty: " + startMinute + " to " + endMinute);
    }
  }

  /** Returns whether the moment {@code micros}, in microseconds since the epoch, lies in the window. */
  public boolean contains(long micros) {
    if (micros < fromMicros || micros >= untilMicros) {
      return false;
    }
    ZonedDateTime time = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L)).atZone(ZoneOffset.UTC);
    if (!days.isEmpty() && !days.contains(time.getDayOfWeek())) {
      return false;
    }
    if (startMinute == -1) {
      return true;
    }
    int minute = time.getHour() * 60 + time.getMinute();
    return startMinute < endMinute
        ? minute >= startMinute && minute < endMinute
        : minute >= startMinute || minute < endMinute;
  }
}
