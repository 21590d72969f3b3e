package io.followup.sla.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

  @Test
  void readsWhatInstantParseReadsAcrossCenturies() {
    Random random = new Random(7);
    long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2400-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      Instant at = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
      String text = at.toString();
      assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void readsAndWritesFractionsOfASecondAsInstantDoes() {
    Random random = new Random(13);
    long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2400-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      long second = from + (long) (random.nextDouble() * (to - from));
      // Milliseconds (as CRMs write them), microseconds, nanoseconds, and none.
      int nanos =
          switch (i % 4) {
            case 0 -> random.nextInt(1_000) * 1_000_000;
            case 1 -> random.nextInt(1_000_000) * 1_000;
            case 2 -> random.nextInt(1_000_000_000);
            default -> 0;
          };
      Instant at = Instant.ofEpochSecond(second, nanos);
      String text = at.toString();
      assertThat(IsoInstants.format(at)).as(text).isEqualTo(text);
      assertThat(IsoInstants.parse(text)).as(text).isEqualTo(at);
    }
    // Fractions of any length from one to nine digits read as Instant.parse reads them.
    String base = "2026-03-06T17:00:00.";
    String digits = "123456789";
    for (int n = 1; n <= 9; n++) {
      String text = base + digits.substring(0, n) + "Z";
      assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void readsTheEdgesOfMonthsAndLeapYearsAsInstantParseDoes() {
    for (String text :
        List.of(
            "2024-02-29T23:59:59Z",
            "2000-02-29T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59Z",
            "2026-12-31T23:59:59Z",
            "0000-01-01T00:00:00Z",
            "2026-03-06T17:00:00.250Z",
            "2026-03-06T17:00:00.000000001Z")) {
      assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void answersOddTextAsInstantParseDoes() {
    for (String text :
        List.of(
            "2026-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2026-04-31T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-00-01T00:00:00Z",
            "2026-01-00T00:00:00Z",
            "2026-01-01T24:00:00Z",
            "2026-12-31T23:59:60Z",
            "2026-01-01T23:60:00Z",
            "2026-01-01T23:00:61Z",
            "2026-01-01T23:00:00z",
            "2026-01-01 23:00:00Z",
            "2026-01-0lT23:00:00Z",
            "+026-01-01T23:00:00Z",
            "2026-01-01T23:00:00.Z",
            "2026-01-01T23:00:00.1234567890Z",
            "2026-01-01T23:00:00,500Z",
            "2026-01-01T23:00:00.-50Z",
            "2026-01-01T23:00:00.5 Z",
            "2026-01-01T23:00:00.500z",
            "2026-01-01T23:00:60.500Z",
            "2026-02-30T23:00:00.500Z",
            "yesterday",
            "")) {
      Object expected = outcome(() -> Instant.parse(text));
      assertThat(outcome(() -> IsoInstants.parse(text))).as(text).isEqualTo(expected);
    }
    assertThat(outcome(() -> IsoInstants.parse("2026-02-29T00:00:00Z")))
        .isEqualTo(DateTimeParseException.class);
  }

  /** The instant read, or the class of what was thrown. */
  private static Object outcome(java.util.function.Supplier<Instant> parse) {
    try {
      return parse.get();
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }

  @Test
  void writesWhatInstantToStringWrites() {
    Random random = new Random(11);
    long from = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("+10100-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      Instant at = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
      assertThat(IsoInstants.format(at)).isEqualTo(at.toString());
    }
    for (String text :
        List.of(
            "0000-01-01T00:00:00Z",
            "-0001-12-31T23:59:59Z",
            "9999-12-31T23:59:59Z",
            "+10000-01-01T00:00:00Z",
            "0999-03-01T00:00:00Z",
            "2026-03-06T17:00:00.250Z",
            "2026-03-06T17:00:00Z")) {
      Instant at = Instant.parse(text);
      assertThat(IsoInstants.format(at)).as(text).isEqualTo(at.toString());
    }
  }
}
