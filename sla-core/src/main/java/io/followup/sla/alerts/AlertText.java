package io.followup.sla.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

  private static final DateTimeFormatter HOUR_MINUTE =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter HOUR_MINUTE_SECOND =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d ", Locale.ROOT);

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
      return String.format(Locale.ROOT, "%dh %02dm", hours, minutes);
    }
    if (minutes > 0) {
      return secs == 0 ? minutes + "m" : String.format(Locale.ROOT, "%dm %02ds", minutes, secs);
    }
    return secs + "s";
  }

  /**
   * "14:00 UTC" on the day of {@code reference}, "Mar 6 14:00 UTC" on another day; seconds only
   * when set.
   */
  public static String time(Instant at, Instant reference) {
    var utc = at.atOffset(ZoneOffset.UTC);
    String clock = (utc.getSecond() == 0 ? HOUR_MINUTE : HOUR_MINUTE_SECOND).format(utc);
    LocalDate day = utc.toLocalDate();
    boolean sameDay =
        reference != null && day.equals(reference.atOffset(ZoneOffset.UTC).toLocalDate());
    return (sameDay ? "" : DAY.format(utc)) + clock + " UTC";
  }
}
