package io.followup.sla.connect.alerts.delivery;

import io.followup.sla.events.SlaAlert;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * One silence from config: {@code <field>:<value>} with an optional {@code until <instant>}, e.g.
 * {@code account:ACC-1 until 2026-12-31T00:00:00Z}, {@code rep:R-7}, {@code rule:touch-cadence}.
 * Fields: {@code account}, {@code rep}, {@code rule}, {@code lead}, {@code team}.
 *
 * @param until null for a silence without end
 */
public record Silence(String field, String value, Instant until) {

  public static final java.util.List<String> FIELDS =
      java.util.List.of("account", "rep", "rule", "lead", "team");

  /**
   * @throws IllegalArgumentException with a message that says what is wrong with {@code spec}
   */
  public static Silence parse(String spec) {
    String text = spec.trim();
    Instant until = null;
    int at = text.toLowerCase(Locale.ROOT).indexOf(" until ");
    if (at >= 0) {
      String time = text.substring(at + 7).trim();
      try {
        until = Instant.parse(time);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "silence '"
                + spec
                + "': '"
                + time
                + "' is not an ISO-8601 instant like 2026-12-31T00:00:00Z");
      }
      text = text.substring(0, at).trim();
    }
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException(
          "silence '" + spec + "' is not <field>:<value> [until <instant>]");
    }
    String field = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
    if (!FIELDS.contains(field)) {
      throw new IllegalArgumentException(
          "silence '" + spec + "': unknown field '" + field + "', expected one of " + FIELDS);
    }
    return new Silence(field, text.substring(colon + 1).trim(), until);
  }

  public boolean mutes(SlaAlert alert, Instant now) {
    if (until != null && !now.isBefore(until)) {
      return false;
    }
    String actual =
        switch (field) {
          case "account" -> alert.getAccountId();
          case "rep" -> alert.getRepId();
          case "rule" -> alert.getRuleId();
          case "lead" -> alert.getLeadId();
          case "team" -> alert.getTeam();
          default -> null;
        };
    return value.equals(actual);
  }
}
