package io.followup.sla.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {

  @Test
  void readsIsoDatesPerRegionAndLooksRegionsUpIgnoringCase() {
    HolidayCalendar holidays =
        HolidayCalendar.parse(
            Map.of(
                "US", List.of("2026-11-26", "2026-12-25", "2026-07-03"),
                "de", List.of("2026-10-03", " 2026-12-25 ")));

    assertThat(holidays.regions()).containsExactly("DE", "US");
    assertThat(holidays.holidays("us"))
        .containsExactly(
            LocalDate.of(2026, 7, 3), LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25));
    assertThat(holidays.isHoliday("DE", LocalDate.of(2026, 10, 3))).isTrue();
    assertThat(holidays.isHoliday("US", LocalDate.of(2026, 10, 3))).isFalse();
    assertThat(holidays.holidays("FR")).isEmpty();
    assertThat(holidays.holidays(null)).isEmpty();
  }

  @Test
  void namesEveryDateThatDoesNotRead() {
    assertThatThrownBy(
            () ->
                HolidayCalendar.parse(Map.of("US", List.of("2026-11-26", "2026-11-31", "Nov 26"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "holidays of US: '2026-11-31' is not a date (write ISO dates such as 2026-11-26);"
                + " holidays of US: 'Nov 26' is not a date (write ISO dates such as 2026-11-26)");
  }

  @Test
  void regionsThatDifferOnlyInCaseAreOne() {
    HolidayCalendar holidays =
        HolidayCalendar.of(
            Map.of(
                "us", List.of(LocalDate.of(2026, 1, 1)), "US", List.of(LocalDate.of(2026, 7, 3))));
    assertThat(holidays.holidays("Us")).hasSize(2);
    assertThat(HolidayCalendar.NONE.holidays("US")).isEmpty();
  }
}
