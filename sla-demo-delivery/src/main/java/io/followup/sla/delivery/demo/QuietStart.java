package io.followup.sla.delivery.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Quiet hours shortened like the demo's SLAs: a rep whose working day starts about a minute into
 * the demo. Working hours are written to the minute, so the start is the first whole minute at
 * least {@link #LEAD} after the demo started, and the rep is off from the whole minute before the
 * demo started until then; every other minute of every day is working time.
 *
 * @param opensAt when the rep's working day starts
 * @param zone the rep's time zone, in which working hours are read
 */
record QuietStart(Instant opensAt, ZoneId zone) {

  /** At least this long, so that the first alerts for the rep arrive while they are off. */
  static final Duration LEAD = Duration.ofSeconds(45);

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  static QuietStart after(Instant demoStart, ZoneId zone) {
    Instant opens =
        demoStart.plus(LEAD).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    return new QuietStart(opens, zone);
  }

  /**
   * The working-hours spec of the rep, e.g. {@code MON-SUN 00:00-14:51 14:53-24:00} when the demo
   * started at 14:51:40 in their zone; {@code MON-SUN 00:01-23:59} when it started at 23:59:30.
   */
  String workingHours(Instant demoStart) {
    ZonedDateTime started = demoStart.atZone(zone);
    LocalTime off = started.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
    ZonedDateTime opens = opensAt.atZone(zone);
    String open = HH_MM.format(opens.toLocalTime());
    if (!opens.toLocalDate().equals(started.toLocalDate())) {
      // Off from late evening until just after midnight: one interval between the two.
      return "MON-SUN " + open + "-" + HH_MM.format(off);
    }
    return "MON-SUN "
        + (off.equals(LocalTime.MIDNIGHT) ? "" : "00:00-" + HH_MM.format(off) + " ")
        + open
        + "-24:00";
  }

  /** "14:53 Europe/Berlin". */
  String localOpening() {
    return HH_MM.format(opensAt.atZone(zone)) + " " + zone.getId();
  }
}
