package io.followup.sla.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The words of alert summaries: leads, sources, durations and times as a sales manager reads them.
 */
public final class AlertText {

  private static final Map<String, String> SOURCE_NAMES =
      Map.of(
          "RFP_REQUEST", "RFP request",
          "INBOUND_FORM", "inbound form",
          "CONTENT_SYNDICATION", "content syndication",
          "TRADE_SHOW", "trade show",
          "WEBINAR", "webinar",
          "PURCHASED_LIST", "purchased list",
          "REFERRAL", "referral");

  /** Words in English, zone names as people in the US and Europe write them (EDT, CEST). */
  private static final Locale WORDS = Locale.US;

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final DateTimeFormatter DATE_WITH_YEAR =
      DateTimeFormatter.ofPattern("MMM d, yyyy", WORDS);
  private static final DateTimeFormatter DATE_WITH_YEAR_AND_TIME =
      DateTimeFormatter.ofPattern("MMM d, yyyy, HH:mm zzz", WORDS);

  private AlertText() {}

  /** "RFP request" for RFP_REQUEST; unknown sources in lower case with spaces. */
  public static String source(String source) {
    return SOURCE_NAMES.getOrDefault(source, source.toLowerCase(Locale.ROOT).replace('_', ' '));
  }

  /** "2h 05m", "3d 4h", "12m 30s", "45s". */
  public static String duration(Duration d) {
    long seconds = Math.max(0, d.toSeconds());
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    long secs = seconds % 60;
    if (days > 0) {
      return hours == 0 ? days + "d" : days + "d " + hours + "h";
    }
    if (hours > 0) {
      return twoDigits(new StringBuilder().append(hours).append("h "), (int) minutes)
          .append('m')
          .toString();
    }
    if (minutes > 0) {
      return secs == 0
          ? minutes + "m"
          : twoDigits(new StringBuilder().append(minutes).append("m "), (int) secs)
              .append('s')
              .toString();
    }
    return secs + "s";
  }

  /**
   * "Tue Mar 10, 15:00 EDT": the local date and time in {@code zone} with the short name of the
   * zone's offset at that instant; seconds only when set. The date is always there, since an alert
   * is often read the next morning.
   */
  public static String time(Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(readable(zone));
    // Built by hand rather than with DAY_AND_TIME: every alert has a time or two, and the
    // formatter looks the zone's name up each time, which made wording a third of a replay.
    StringBuilder text = new StringBuilder(32);
    text.append(DAYS[local.getDayOfWeek().ordinal()])
        .append(' ')
        .append(MONTHS[local.getMonthValue() - 1])
        .append(' ')
        .append(local.getDayOfMonth())
        .append(", ");
    twoDigits(text, local.getHour()).append(':');
    twoDigits(text, local.getMinute());
    if (local.getSecond() != 0) {
      twoDigits(text.append(':'), local.getSecond());
    }
    return text.append(' ').append(zoneName(local)).toString();
  }

  private static final String[] DAYS = new String[7];
  private static final String[] MONTHS = new String[12];

  static {
    for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
      DAYS[d.ordinal()] = d.getDisplayName(java.time.format.TextStyle.SHORT, WORDS);
    }
    for (java.time.Month m : java.time.Month.values()) {
      MONTHS[m.ordinal()] = m.getDisplayName(java.time.format.TextStyle.SHORT, WORDS);
    }
  }

  /** Zone names ("EDT", "CET") by zone and offset: the same for every instant that shares both. */
  private static final Map<ZoneKey, String> ZONE_NAMES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** A zone at one offset, in or out of daylight saving time: what its short name depends on. */
  private record ZoneKey(ZoneId zone, int offsetSeconds, boolean daylightSaving) {}

  private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", WORDS);

  private static String zoneName(ZonedDateTime local) {
    ZoneKey key =
        new ZoneKey(
            local.getZone(),
            local.getOffset().getTotalSeconds(),
            local.getZone().getRules().isDaylightSavings(local.toInstant()));
    return ZONE_NAMES.computeIfAbsent(key, k -> ZONE_NAME.format(local));
  }

  private static StringBuilder twoDigits(StringBuilder text, int n) {
    return text.append(n < 10 ? "0" : "").append(n);
  }

  /**
   * "Jan 1, 2027" at local midnight in {@code zone}, else "Mar 9, 2026, 09:00 CET": for dates that
   * may lie months ahead, such as the end of an absence.
   */
  public static String dateWithYear(Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(readable(zone));
    return (local.toLocalTime().equals(LocalTime.MIDNIGHT)
            ? DATE_WITH_YEAR
            : DATE_WITH_YEAR_AND_TIME)
        .format(local);
  }

  /** The offset Z reads "Z" in a pattern; people read "UTC". */
  private static ZoneId readable(ZoneId zone) {
    return zone.normalized().equals(ZoneOffset.UTC) ? UTC : zone;
  }
}
