package io.followup.sla.time;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Holidays per region: the local dates on which nobody of a region works, e.g. {@code US:
 * [2026-11-26, 2026-12-25]}. A region's name selects its holidays case-insensitively ({@code de} is
 * {@code DE}); a region with no entry, or no region at all, has no holidays. The dates come from
 * data (the policy), never from code: holidays change with the year and the company.
 */
public final class HolidayCalendar {

  /** No holidays anywhere. */
  public static final HolidayCalendar NONE = new HolidayCalendar(Map.of());

  private final Map<String, NavigableSet<LocalDate>> byRegion;

  private HolidayCalendar(Map<String, NavigableSet<LocalDate>> byRegion) {
    this.byRegion = byRegion;
  }

  /** Holidays from dates per region name. */
  public static HolidayCalendar of(Map<String, ? extends Collection<LocalDate>> byRegion) {
    Map<String, NavigableSet<LocalDate>> copy = new TreeMap<>();
    byRegion.forEach(
        (region, dates) -> {
          String key = normalise(region);
          if (key == null) {
            throw new IllegalArgumentException("a holiday calendar needs a region name");
          }
          copy.computeIfAbsent(key, k -> new TreeSet<>()).addAll(dates);
        });
    copy.replaceAll((region, dates) -> Collections.unmodifiableNavigableSet(dates));
    return new HolidayCalendar(Collections.unmodifiableMap(copy));
  }

  /**
   * Holidays from ISO dates per region name, as a policy file lists them ({@code 2026-11-26}).
   *
   * @throws IllegalArgumentException naming every entry that is not a date, one message each
   */
  public static HolidayCalendar parse(Map<String, ? extends Collection<String>> isoDatesByRegion) {
    Map<String, List<LocalDate>> dates = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    isoDatesByRegion.forEach(
        (region, texts) -> {
          List<LocalDate> list = dates.computeIfAbsent(region, r -> new ArrayList<>());
          for (String text : texts) {
            try {
              list.add(LocalDate.parse(text.strip()));
            } catch (DateTimeParseException | NullPointerException e) {
              problems.add(
                  "holidays of "
                      + region
                      + ": '"
                      + text
                      + "' is not a date (write ISO dates such as 2026-11-26)");
            }
          }
        });
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return of(dates);
  }

  /** The holidays of {@code region} in date order; empty for an unknown or null region. */
  public NavigableSet<LocalDate> holidays(String region) {
    String key = normalise(region);
    NavigableSet<LocalDate> dates = key == null ? null : byRegion.get(key);
    return dates == null ? Collections.emptyNavigableSet() : dates;
  }

  public boolean isHoliday(String region, LocalDate date) {
    return holidays(region).contains(date);
  }

  /** The region names that have holidays, upper case, sorted. */
  public Set<String> regions() {
    return byRegion.keySet();
  }

  static String normalise(String region) {
    if (region == null || region.isBlank()) {
      return null;
    }
    return region.strip().toUpperCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HolidayCalendar other && byRegion.equals(other.byRegion);
  }

  @Override
  public int hashCode() {
    return byRegion.hashCode();
  }

  @Override
  public String toString() {
    return "HolidayCalendar" + byRegion;
  }
}
