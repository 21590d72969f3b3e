package io.followup.sla.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An SLA clock that runs only in business hours: the working hours of a week, in one IANA time
 * zone, minus holidays.
 *
 * <p>The business rules:
 *
 * <ul>
 *   <li>An SLA of {@code d} is due once {@code d} of working time has passed since the start. A
 *       start outside working hours counts from the next opening, so a lead that arrives on
 *       Saturday with a 4-hour SLA is due at Monday 13:00 for a 09:00-17:00 rep.
 *   <li>An SLA that runs out at the end of an interval is due then (17:00), not at the next
 *       opening. A zero SLA is due at the next opening (at once, inside working hours).
 *   <li>Working hours are local wall-clock times in the calendar's zone, so 09:00-17:00 is 8
 *       working hours on every working day, also on the days the clocks change.
 *   <li>A holiday is a local date of the zone on which no hours count.
 *   <li>An interval bound that the clock skips (02:30 on a spring-forward day in New York, where
 *       02:00 is followed by 03:00) takes effect when the clock first shows that time or later: at
 *       03:00 daylight time. So an interval 02:30-05:00 is 2 hours that day, one 00:00-02:30 is 2
 *       hours (it ends at 03:00 daylight time).
 *   <li>An interval bound that the clock shows twice (01:30 on a fall-back day) takes effect the
 *       first time: an interval 00:00-01:30 is 1.5 hours that day, one 01:30-03:00 is 2.5 hours.
 *       Intervals away from the change (09:00-17:00 against a change at 02:00) are unaffected.
 * </ul>
 *
 * <p>Long SLAs are cheap: runs of whole weeks without a clock change are counted arithmetically (a
 * week's hours each, less the hours of the holidays in them), so a 400-hour SLA walks only the days
 * around its ends and the weeks in which the clocks change. Immutable and thread-safe.
 */
public final class BusinessCalendar implements SlaCalendar {

  private static final long DAYS_PER_WEEK = 7;

  private final ZoneId zone;
  private final ZoneRules rules;
  private final WorkingHours hours;
  private final NavigableSet<LocalDate> holidays;
  private final Duration weekly;

  private BusinessCalendar(ZoneId zone, WorkingHours hours, Collection<LocalDate> holidays) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.rules = zone.getRules();
    this.hours = Objects.requireNonNull(hours, "hours");
    this.holidays = Collections.unmodifiableNavigableSet(new TreeSet<>(holidays));
    this.weekly = hours.weekly();
  }

  /**
   * A calendar for reps working {@code hours} in {@code zone}, off on {@code holidays} (local dates
   * of the zone).
   */
  public static BusinessCalendar of(ZoneId zone, WorkingHours hours, Set<LocalDate> holidays) {
    return new BusinessCalendar(zone, hours, holidays == null ? Set.of() : holidays);
  }

  public ZoneId zone() {
    return zone;
  }

  public WorkingHours hours() {
    return hours;
  }

  public NavigableSet<LocalDate> holidays() {
    return holidays;
  }

  /**
   * The instant at which {@code sla} of working time has passed, counting from {@code start} or, if
   * {@code start} is outside working hours, from the next opening.
   *
   * @throws IllegalArgumentException if {@code sla} is negative
   */
  @Override
  public Instant deadline(Instant start, Duration sla) {
    if (sla.isNegative()) {
      throw new IllegalArgumentException("an SLA cannot be negative: " + sla);
    }
    Duration remaining = sla;
    Instant cursor = start;
    LocalDate day = localDate(start);
    while (true) {
      if (remaining.compareTo(weekly) > 0 && !cursor.isAfter(startOfDay(day))) {
        // At the start of a day with more than a week to go: jump over whole weeks without a
        // clock change at once, holidays subtracted, leaving the last (partial) week to the walk
        // below. Holidays only shrink what a jump counts, so the deadline is never jumped over.
        long needed = remaining.minusNanos(1).dividedBy(weekly);
        long weeks = Math.min(needed, weeksWithoutClockChangeFrom(day));
        if (weeks > 0) {
          LocalDate until = day.plusWeeks(weeks);
          remaining = remaining.minus(weekly.multipliedBy(weeks)).plus(holidayHours(day, until));
          day = until;
          cursor = startOfDay(day);
          continue;
        }
      }
      if (!holidays.contains(day)) {
        int[] m = hours.minutes(day.getDayOfWeek());
        for (int i = 0; i < m.length; i += 2) {
          Instant end = at(day, m[i + 1]);
          if (!end.isAfter(cursor)) {
            continue;
          }
          Instant from = max(at(day, m[i]), cursor);
          if (!end.isAfter(from)) {
            continue; // an interval that the clock change swallowed
          }
          Duration available = Duration.between(from, end);
          if (remaining.compareTo(available) <= 0) {
            return from.plus(remaining);
          }
          remaining = remaining.minus(available);
          cursor = end;
        }
      }
      day = day.plusDays(1);
      cursor = max(cursor, startOfDay(day));
    }
  }

  /**
   * The working time in {@code [from, to)}; negative (as {@link Duration#between}) when {@code to}
   * is before {@code from}. For {@code d} >= 0, {@code workingTimeBetween(nextOpening(s),
   * deadline(s, d))} is {@code d}.
   */
  public Duration workingTimeBetween(Instant from, Instant to) {
    if (to.isBefore(from)) {
      return workingTimeBetween(to, from).negated();
    }
    Duration total = Duration.ZERO;
    Instant cursor = from;
    LocalDate day = localDate(from);
    LocalDate lastDay = localDate(to);
    while (!day.isAfter(lastDay)) {
      if (!cursor.isAfter(startOfDay(day))) {
        // Whole weeks without a clock change that end by the start of the last day count a
        // week's hours each, less their holidays.
        long weeks =
            Math.min(
                ChronoUnit.DAYS.between(day, lastDay) / DAYS_PER_WEEK,
                weeksWithoutClockChangeFrom(day));
        if (weeks > 0) {
          LocalDate until = day.plusWeeks(weeks);
          total = total.plus(weekly.multipliedBy(weeks)).minus(holidayHours(day, until));
          day = until;
          cursor = startOfDay(day);
          continue;
        }
      }
      if (!holidays.contains(day)) {
        int[] m = hours.minutes(day.getDayOfWeek());
        for (int i = 0; i < m.length; i += 2) {
          Instant start = max(at(day, m[i]), cursor);
          Instant end = min(at(day, m[i + 1]), to);
          if (end.isAfter(start)) {
            total = total.plus(Duration.between(start, end));
          }
        }
      }
      day = day.plusDays(1);
      cursor = max(cursor, startOfDay(day));
    }
    return total;
  }

  /** The working time from {@code from} to {@code to}. */
  @Override
  public Duration elapsed(Instant from, Instant to) {
    return workingTimeBetween(from, to);
  }

  /** The first instant at or after {@code t} that is working time: {@code t} itself if it is. */
  public Instant nextOpening(Instant t) {
    LocalDate day = localDate(t);
    while (true) {
      if (!holidays.contains(day)) {
        int[] m = hours.minutes(day.getDayOfWeek());
        for (int i = 0; i < m.length; i += 2) {
          Instant start = at(day, m[i]);
          Instant end = at(day, m[i + 1]);
          if (end.isAfter(t) && end.isAfter(start)) {
            return max(start, t);
          }
        }
      }
      day = day.plusDays(1);
    }
  }

  /** Whether {@code t} is working time (an interval includes its start, not its end). */
  public boolean isOpen(Instant t) {
    return nextOpening(t).equals(t);
  }

  /**
   * How many consecutive weeks from the start of {@code day} hold no clock change, so that each has
   * exactly {@link WorkingHours#weekly()} of working time, holidays aside.
   */
  private long weeksWithoutClockChangeFrom(LocalDate day) {
    ZoneOffsetTransition change = rules.nextTransition(startOfDay(day));
    if (change == null) {
      return Long.MAX_VALUE;
    }
    // The earlier of the two local dates, so that a change near midnight is never skipped.
    LocalDateTime before = change.getDateTimeBefore();
    LocalDateTime after = change.getDateTimeAfter();
    LocalDate changeDay = before.isBefore(after) ? before.toLocalDate() : after.toLocalDate();
    return Math.max(0, ChronoUnit.DAYS.between(day, changeDay)) / DAYS_PER_WEEK;
  }

  /**
   * The working hours the holidays in {@code [from, until)} take away, in a stretch without a clock
   * change (where local hours are real hours).
   */
  private Duration holidayHours(LocalDate from, LocalDate until) {
    long minutes = 0;
    for (LocalDate holiday : holidays.subSet(from, true, until, false)) {
      minutes += hours.dailyMinutes(holiday.getDayOfWeek());
    }
    return Duration.ofMinutes(minutes);
  }

  private LocalDate localDate(Instant t) {
    return LocalDateTime.ofInstant(t, zone).toLocalDate();
  }

  private Instant startOfDay(LocalDate day) {
    return at(day, 0);
  }

  /**
   * The instant at which the local clock first shows {@code minuteOfDay} on {@code day} or later:
   * the end of the gap for a time the clock skips, the first occurrence for one it shows twice.
   */
  private Instant at(LocalDate day, int minuteOfDay) {
    LocalDateTime local =
        minuteOfDay >= WorkingHours.MINUTES_PER_DAY
            ? day.plusDays(1).atStartOfDay()
            : day.atTime(minuteOfDay / 60, minuteOfDay % 60);
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      return rules.getTransition(local).getInstant();
    }
    // ofLocal without a preferred offset keeps the earlier instant of an overlap.
    return ZonedDateTime.ofLocal(local, zone, null).toInstant();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BusinessCalendar other
        && zone.equals(other.zone)
        && hours.equals(other.hours)
        && holidays.equals(other.holidays);
  }

  @Override
  public int hashCode() {
    return Objects.hash(zone, hours, holidays);
  }

  @Override
  public String toString() {
    return hours + " " + zone + (holidays.isEmpty() ? "" : " (" + holidays.size() + " holidays)");
  }
}
