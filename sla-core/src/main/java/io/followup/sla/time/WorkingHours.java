package io.followup.sla.time;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hours of a week in which a rep works, in local time and without a time zone: {@code MON-FRI
 * 09:00-17:00}, {@code MON-THU 08:00-16:30, FRI 08:00-12:00}, {@code MON,WED,FRI 10:00-14:00},
 * {@code MON-FRI 09:00-12:00 13:00-17:00} (a lunch break), or {@code 24/7} (every hour of every
 * day).
 *
 * <p>The rules of a spec: a group is a list of days (names {@code MON} to {@code SUN}, or in full,
 * in any case; ranges such as {@code MON-FRI} and lists such as {@code MON,WED}) followed by one or
 * more intervals {@code HH:MM-HH:MM}; groups are separated by a comma. A range may wrap around the
 * week ({@code FRI-MON} is Friday to Monday). An interval starts before it ends and lies within one
 * day ({@code 24:00} is the end of the day; a night shift is written as two intervals). Intervals
 * of one day may not overlap; intervals that touch ({@code 09:00-12:00 12:00-17:00}) are one. Days
 * a spec does not name are days off. A spec must name some working time.
 *
 * <p>{@link #toString()} prints the canonical spec, which {@link #parse(String)} reads back to an
 * equal value.
 */
public final class WorkingHours {

  /** The spec that means every hour of every day. */
  public static final String ALWAYS_SPEC = "24/7";

  /** Every hour of every day; with holidays, every hour of every other day. */
  public static final WorkingHours ALWAYS = always();

  static final int MINUTES_PER_DAY = 24 * 60;

  private static final Pattern INTERVAL =
      Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");
  private static final Pattern DAY_ITEM = Pattern.compile("[A-Za-z]+(-[A-Za-z]+)?");
  private static final String DAY_NAMES = "MON, TUE, WED, THU, FRI, SAT, SUN";

  /** Per day (index 0 = Monday): start and end minutes of the day, sorted, disjoint, apart. */
  private final int[][] minutes;

  private final Duration weekly;

  private WorkingHours(int[][] minutes) {
    this.minutes = minutes;
    long total = 0;
    for (int[] day : minutes) {
      for (int i = 0; i < day.length; i += 2) {
        total += day[i + 1] - day[i];
      }
    }
    this.weekly = Duration.ofMinutes(total);
  }

  private static WorkingHours always() {
    int[][] minutes = new int[7][];
    Arrays.setAll(minutes, d -> new int[] {0, MINUTES_PER_DAY});
    return new WorkingHours(minutes);
  }

  /**
   * Reads a spec.
   *
   * @throws InvalidWorkingHoursException naming every mistake of the spec, one message each
   */
  public static WorkingHours parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new InvalidWorkingHoursException(
          String.valueOf(spec), List.of("no working hours given (write e.g. MON-FRI 09:00-17:00)"));
    }
    String text = spec.strip();
    if (text.equals(ALWAYS_SPEC)) {
      return ALWAYS;
    }
    List<String> problems = new ArrayList<>();
    if (text.contains(ALWAYS_SPEC)) {
      problems.add("24/7 stands alone: it already means every hour of every day");
      throw new InvalidWorkingHoursException(spec, problems);
    }
    // Spaces around the dash of a range or an interval carry no meaning: "MON - FRI" is MON-FRI.
    text = text.replaceAll("\\s*-\\s*", "-");
    String[] tokens = text.split("[\\s,]+");

    Map<DayOfWeek, List<int[]>> byDay = new EnumMap<>(DayOfWeek.class);
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    String daysText = null;
    boolean daysHaveHours = false;
    for (String token : tokens) {
      if (token.isEmpty()) {
        continue;
      }
      if (Character.isDigit(token.charAt(0))) {
        int[] interval = interval(token, problems);
        if (daysText == null) {
          problems.add(
              "the interval " + token + " names no days (write e.g. MON-FRI " + token + ")");
        } else if (interval != null) {
          for (DayOfWeek day : days) {
            byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(interval);
          }
        }
        daysHaveHours = true;
      } else {
        if (daysText != null && daysHaveHours) {
          days = EnumSet.noneOf(DayOfWeek.class);
          daysText = null;
        }
        if (daysText != null && !daysHaveHours) {
          daysText = daysText + "," + token;
        } else {
          daysText = token;
        }
        daysHaveHours = false;
        days.addAll(days(token, problems));
      }
    }
    if (daysText != null && !daysHaveHours) {
      problems.add(daysText + " has no hours (write e.g. " + daysText + " 09:00-17:00)");
    }

    int[][] minutes = new int[7][];
    Map<String, List<String>> overlaps = new LinkedHashMap<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      minutes[day.ordinal()] = merge(day, byDay.getOrDefault(day, List.of()), overlaps);
    }
    // One message per overlapping pair, however many days the pair was given for.
    overlaps.forEach(
        (pair, onDays) -> problems.add(pair + " overlap on " + String.join(", ", onDays)));
    if (problems.isEmpty() && Arrays.stream(minutes).allMatch(d -> d.length == 0)) {
      problems.add("no working time at all (write e.g. MON-FRI 09:00-17:00)");
    }
    if (!problems.isEmpty()) {
      throw new InvalidWorkingHoursException(spec, problems);
    }
    return new WorkingHours(minutes);
  }

  private static int[] interval(String token, List<String> problems) {
    Matcher m = INTERVAL.matcher(token);
    if (!m.matches()) {
      problems.add("'" + token + "' is not an interval (write e.g. 09:00-17:00)");
      return null;
    }
    Integer start = minuteOfDay(m.group(1), m.group(2), token, problems);
    Integer end = minuteOfDay(m.group(3), m.group(4), token, problems);
    if (start == null || end == null) {
      return null;
    }
    if (start == MINUTES_PER_DAY) {
      problems.add("the interval " + token + " starts at 24:00, the end of the day");
      return null;
    }
    if (end.equals(start)) {
      problems.add("the interval " + token + " is empty");
      return null;
    }
    if (end < start) {
      problems.add(
          "the interval "
              + token
              + " ends before it starts (an interval lies within one day; write a night shift as"
              + " two intervals, e.g. MON 22:00-24:00, TUE 00:00-06:00)");
      return null;
    }
    return new int[] {start, end};
  }

  private static Integer minuteOfDay(
      String hours, String minutes, String token, List<String> problems) {
    int h = Integer.parseInt(hours);
    int m = Integer.parseInt(minutes);
    if (h == 24 && m == 0) {
      return MINUTES_PER_DAY;
    }
    if (h > 23 || m > 59) {
      problems.add(
          "'" + hours + ":" + minutes + "' in " + token + " is not a time of day (00:00 to 24:00)");
      return null;
    }
    return h * 60 + m;
  }

  private static Set<DayOfWeek> days(String token, List<String> problems) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    if (!DAY_ITEM.matcher(token).matches()) {
      problems.add("'" + token + "' is neither a day (" + DAY_NAMES + ") nor an interval");
      return days;
    }
    String[] ends = token.split("-");
    DayOfWeek first = day(ends[0], problems);
    DayOfWeek last = ends.length > 1 ? day(ends[1], problems) : first;
    if (first == null || last == null) {
      return days;
    }
    // A range wraps around the week: FRI-MON is Friday, Saturday, Sunday and Monday.
    for (DayOfWeek d = first; ; d = d.plus(1)) {
      days.add(d);
      if (d == last) {
        break;
      }
    }
    return days;
  }

  private static DayOfWeek day(String name, List<String> problems) {
    String upper = name.toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (abbreviation(day).equals(upper) || day.name().equals(upper)) {
        return day;
      }
    }
    problems.add("unknown day '" + name + "' (use " + DAY_NAMES + ")");
    return null;
  }

  private static int[] merge(
      DayOfWeek day, List<int[]> intervals, Map<String, List<String>> overlaps) {
    List<int[]> sorted = new ArrayList<>(intervals);
    sorted.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
    List<int[]> merged = new ArrayList<>();
    int[] previous = null;
    for (int[] next : sorted) {
      int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && next[0] < last[1]) {
        if (!Arrays.equals(next, previous)) {
          // Name the interval as written, not the merged run it collides with.
          int[] other = previous[1] > next[0] ? previous : last;
          overlaps
              .computeIfAbsent(
                  "the intervals "
                      + format(other[0], other[1])
                      + " and "
                      + format(next[0], next[1]),
                  pair -> new ArrayList<>())
              .add(abbreviation(day));
        }
        last[1] = Math.max(last[1], next[1]);
      } else if (last != null && next[0] == last[1]) {
        last[1] = next[1];
      } else {
        merged.add(new int[] {next[0], next[1]});
      }
      previous = next;
    }
    int[] flat = new int[merged.size() * 2];
    for (int i = 0; i < merged.size(); i++) {
      flat[2 * i] = merged.get(i)[0];
      flat[2 * i + 1] = merged.get(i)[1];
    }
    return flat;
  }

  /**
   * The working intervals of a day as start and end minutes of the day, alternating: {@code [540,
   * 1020]} for 09:00-17:00. Sorted and disjoint; 1440 is the end of the day. Callers must not
   * modify the array.
   */
  int[] minutes(DayOfWeek day) {
    return minutes[day.ordinal()];
  }

  /** The working minutes of {@code day}, counted in local time. */
  int dailyMinutes(DayOfWeek day) {
    int[] m = minutes(day);
    int total = 0;
    for (int i = 0; i < m.length; i += 2) {
      total += m[i + 1] - m[i];
    }
    return total;
  }

  /** The working time of a whole week, counted in local time (as if no clock ever changed). */
  public Duration weekly() {
    return weekly;
  }

  /** The working intervals of a day, in order; empty for a day off. */
  public List<Interval> intervals(DayOfWeek day) {
    int[] m = minutes(day);
    List<Interval> out = new ArrayList<>(m.length / 2);
    for (int i = 0; i < m.length; i += 2) {
      out.add(new Interval(m[i], m[i + 1]));
    }
    return List.copyOf(out);
  }

  /** Whether the local time of day {@code time} on {@code day} is working time. */
  public boolean isWorking(DayOfWeek day, LocalTime time) {
    int minute = time.getHour() * 60 + time.getMinute();
    int[] m = minutes(day);
    for (int i = 0; i < m.length; i += 2) {
      if (minute >= m[i] && minute < m[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /** The canonical spec, e.g. {@code MON-THU 08:00-16:30, FRI 08:00-12:00}. */
  @Override
  public String toString() {
    if (equals(ALWAYS)) {
      return ALWAYS_SPEC;
    }
    Map<String, List<DayOfWeek>> groups = new LinkedHashMap<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      int[] m = minutes(day);
      if (m.length == 0) {
        continue;
      }
      StringBuilder hours = new StringBuilder();
      for (int i = 0; i < m.length; i += 2) {
        hours.append(i == 0 ? "" : " ").append(format(m[i], m[i + 1]));
      }
      groups.computeIfAbsent(hours.toString(), h -> new ArrayList<>()).add(day);
    }
    List<String> parts = new ArrayList<>();
    groups.forEach((hours, days) -> parts.add(dayList(days) + " " + hours));
    return String.join(", ", parts);
  }

  /** Days in week order; runs of three or more consecutive days as a range. */
  private static String dayList(List<DayOfWeek> days) {
    List<String> items = new ArrayList<>();
    int i = 0;
    while (i < days.size()) {
      int j = i;
      while (j + 1 < days.size() && days.get(j + 1).ordinal() == days.get(j).ordinal() + 1) {
        j++;
      }
      if (j - i >= 2) {
        items.add(abbreviation(days.get(i)) + "-" + abbreviation(days.get(j)));
      } else {
        for (int k = i; k <= j; k++) {
          items.add(abbreviation(days.get(k)));
        }
      }
      i = j + 1;
    }
    return String.join(",", items);
  }

  private static String abbreviation(DayOfWeek day) {
    return day.name().substring(0, 3);
  }

  private static String format(int start, int end) {
    return time(start) + "-" + time(end);
  }

  private static String time(int minute) {
    return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WorkingHours other && Arrays.deepEquals(minutes, other.minutes);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(minutes);
  }

  /**
   * One working interval of a day in local time, from {@code startMinute} to {@code endMinute}
   * after midnight; an end of 1440 is the end of the day.
   */
  public record Interval(int startMinute, int endMinute) {

    public Duration length() {
      return Duration.ofMinutes(endMinute - startMinute);
    }

    @Override
    public String toString() {
      return format(startMinute, endMinute);
    }
  }

  /** A spec that does not read; the message names every mistake, one each. */
  public static final class InvalidWorkingHoursException extends IllegalArgumentException {

    private final String spec;
    private final List<String> problems;

    InvalidWorkingHoursException(String spec, List<String> problems) {
      super("working hours '" + spec + "': " + String.join("; ", problems));
      this.spec = spec;
      this.problems = List.copyOf(problems);
    }

    public String spec() {
      return spec;
    }

    /** One message per mistake, in the order they occur in the spec. */
    public List<String> problems() {
      return problems;
    }
  }
}
