package dev.gatehouse.core.assess;

import static dev.gatehouse.core.assess.Detections.micros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimeWindowTest {

  private static final Set<DayOfWeek> WEEKDAYS = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
      DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

  @Test
  void officeHoursOnWeekdays() {
    TimeWindow window = new TimeWindow(WEEKDAYS, 8 * 60, 18 * 60, Long.MIN_VALUE, Long.MAX_VALUE);

    assertThat(window.contains(micros("2024-05-06T08:00:00Z"))).isTrue();
    assertThat(window.contains(micros("2024-05-06T17:59:59.999999Z"))).isTrue();
    assertThat(window.contains(micros("2024-05-06T18:00:00Z"))).isFalse();
    assertThat(window.contains(micros("2024-05-06T07:59:59Z"))).isFalse();
    assertThat(window.contains(micros("2024-05-04T12:00:00Z"))).as("a Saturday").isFalse();
  }

  @Test
  void spanWrapsMidnight() {
    TimeWindow window = new TimeWindow(Set.of(), 22 * 60, 6 * 60, Long.MIN_VALUE, Long.MAX_VALUE);

    assertThat(window.contains(micros("2024-05-06T23:30:00Z"))).isTrue();
    assertThat(window.contains(micros("2024-05-06T05:59:00Z"))).isTrue();
    assertThat(window.contains(micros("2024-05-06T06:00:00Z"))).isFalse();
    assertThat(window.contains(micros("2024-05-06T21:59:00Z"))).isFalse();
  }

  @Test
  void absoluteIntervalIncludesFromExcludesUntil() {
    TimeWindow window = new TimeWindow(Set.of(), -1, -1, micros("2024-05-01T00:00:00Z"),
        micros("2024-06-01T00:00:00Z"));

    assertThat(window.contains(micros("2024-05-01T00:00:00Z"))).isTrue();
    assertThat(window.contains(micros("2024-05-31T23:59:59Z"))).isTrue();
    assertThat(window.contains(micros("2024-06-01T00:00:00Z"))).isFalse();
    assertThat(window.contains(micros("2024-04-30T23:59:59Z"))).isFalse();
  }

  @Test
  void emptySpanRejected() {
    assertThatThrownBy(() -> new TimeWindow(Set.of(), 480, 480, Long.MIN_VALUE, Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the span of the day must be 0-1439 to 1-1440 minutes and not empty: 480 to 480");
  }
}
