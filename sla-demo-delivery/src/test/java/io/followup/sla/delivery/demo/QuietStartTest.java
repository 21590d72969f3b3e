package io.followup.sla.delivery.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.time.BusinessCalendar;
import io.followup.sla.time.WorkingHours;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuietStartTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-12-03T14:51:40Z", // mid-afternoon in Berlin
        "2026-12-03T13:00:00Z", // on the minute
        "2026-12-03T22:59:30Z", // 23:59:30 in Berlin: opens after midnight
        "2026-12-03T22:59:10Z", // opens at midnight
        "2026-12-03T22:58:00Z", // the last minute of the day is working time again
        "2026-12-03T23:00:20Z" // just after midnight in Berlin
      })
  void theRepIsOffWhenTheDemoStartsAndAtWorkFromTheOpeningOn(String at) {
    Instant start = Instant.parse(at);
    QuietStart quiet = QuietStart.after(start, BERLIN);
    String spec = quiet.workingHours(start);
    BusinessCalendar calendar = BusinessCalendar.of(BERLIN, WorkingHours.parse(spec), Set.of());

    assertThat(calendar.isOpen(start)).as(spec).isFalse();
    assertThat(calendar.nextOpening(start)).as(spec).isEqualTo(quiet.opensAt());
    assertThat(Duration.between(start, quiet.opensAt()))
        .isGreaterThanOrEqualTo(QuietStart.LEAD)
        .isLessThanOrEqualTo(QuietStart.LEAD.plusMinutes(1));
    // Closed only for that short while: an hour later, and a day later, the rep works.
    assertThat(calendar.isOpen(quiet.opensAt().plus(Duration.ofHours(1)))).as(spec).isTrue();
    assertThat(calendar.isOpen(start.plus(Duration.ofHours(12)))).as(spec).isTrue();
  }
}
