package io.followup.sla.cli;

import io.followup.sla.events.SlaAlert;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One alert as one line a person reads in a terminal: time, kind, rule, the summary. */
public final class AlertConsole {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private AlertConsole() {}

  public static String line(SlaAlert alert) {
    return String.format(
        Locale.ROOT,
        "%s  %-9s  %-13s  %s",
        TIME.format(alert.getDetectedAt()),
        alert.getKind(),
        alert.getRuleId(),
        alert.getSummary());
  }
}
