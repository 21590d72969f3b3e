package io.followup.sla.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Reads and writes ISO-8601 UTC times as {@link Instant#parse} and {@link Instant#toString} do,
 * quicker for the shapes replay files hold nearly always, {@code 2026-03-06T17:00:00Z} and the same
 * with a fraction of a second ({@code 2026-03-06T17:00:00.369Z}, as CRMs and {@code ./sla
 * generate-history} write them): a replay reads two or three of them a line and writes three an
 * alert, and the general formatter took a sixth of the reading and half the writing, and a quarter
 * of all the bytes a replay allocated. Anything else (a leap second, a malformed time, a year
 * beyond 9999) goes to {@link Instant}'s own, so what is accepted, what it means and how it is
 * written stay the same.
 */
final class IsoInstants {

  private static final int LENGTH = "2026-03-06T17:00:00Z".length();

  /** Where the fraction's point stands, after the seconds. */
  private static final int POINT = "2026-03-06T17:00:00".length();

  private static final int[] SCALE = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };

  /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years written with four digits. */
  private static final long FIRST = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;

  private static final long LAST = (LocalDate.of(9999, 12, 31).toEpochDay() + 1) * 86_400 - 1;

  private IsoInstants() {}

  /**
   * @throws java.time.format.DateTimeParseException as {@link Instant#parse} does
   */
  static Instant parse(String text) {
    int length = text.length();
    // Without a fraction, or with one of 1 to 9 digits: ".3", ".369", ".369000001".
    int fractionDigits = length == LENGTH ? 0 : length - LENGTH - 1;
    if ((length != LENGTH && (fractionDigits < 1 || fractionDigits > 9))
        || (fractionDigits > 0 && text.charAt(POINT) != '.')
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(length - 1) != 'Z') {
      return Instant.parse(text);
    }
    int nanos =
        fractionDigits == 0
            ? 0
            : digits(text, POINT + 1, POINT + 1 + fractionDigits) * SCALE[9 - fractionDigits];
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > Month.of(month).length(Year.isLeap(year))
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || nanos < 0) {
      return Instant.parse(text);
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** The number the ASCII digits from {@code from} to {@code to} (exclusive) write; -1 if not. */
  private static int digits(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** The text {@link Instant#toString} gives. */
  static String format(Instant at) {
    long seconds = at.getEpochSecond();
    if (seconds < FIRST || seconds > LAST) {
      return at.toString();
    }
    // As Instant.toString: no fraction, or as many groups of three digits as it needs.
    int nanos = at.getNano();
    int fractionDigits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
    int secondOfDay = (int) Math.floorMod(seconds, 86_400);
    char[] text = new char[fractionDigits == 0 ? LENGTH : LENGTH + 1 + fractionDigits];
    put(text, 0, date.getYear(), 4);
    text[4] = '-';
    put(text, 5, date.getMonthValue(), 2);
    text[7] = '-';
    put(text, 8, date.getDayOfMonth(), 2);
    text[10] = 'T';
    put(text, 11, secondOfDay / 3_600, 2);
    text[13] = ':';
    put(text, 14, secondOfDay / 60 % 60, 2);
    text[16] = ':';
    put(text, 17, secondOfDay % 60, 2);
    if (fractionDigits > 0) {
      text[POINT] = '.';
      put(text, POINT + 1, nanos / SCALE[9 - fractionDigits], fractionDigits);
    }
    text[text.length - 1] = 'Z';
    return new String(text);
  }

  /** Writes {@code n} as {@code width} digits, zeros in front. */
  private static void put(char[] text, int at, int n, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + n % 10);
      n /= 10;
    }
  }
}
