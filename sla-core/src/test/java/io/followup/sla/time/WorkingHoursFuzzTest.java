package io.followup.sla.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The working-hours parser under arbitrary text: a spec reads, or is refused with {@link
 * WorkingHours.InvalidWorkingHoursException}, within a second; a spec that reads prints as a
 * canonical spec that reads back to the same hours.
 */
class WorkingHoursFuzzTest {

  private static final Duration BOUND = Duration.ofSeconds(1);

  @Property
  void anyTextReadsOrIsRefusedWithTheDocumentedException(@ForAll("specLike") String spec) {
    WorkingHours hours = assertTimeoutPreemptively(BOUND, () -> parseOrNull(spec));
    if (hours != null) {
      assertThat(WorkingHours.parse(hours.toString())).isEqualTo(hours);
    }
  }

  @Property
  void anyStringAtAllReadsOrIsRefused(@ForAll String spec) {
    assertTimeoutPreemptively(BOUND, () -> parseOrNull(spec));
  }

  @Property
  void aSpecThatReadsRoundTripsThroughItsCanonicalForm(@ForAll("validLooking") String spec) {
    WorkingHours hours = parseOrNull(spec);
    if (hours == null) {
      return;
    }
    String canonical = hours.toString();
    WorkingHours again = WorkingHours.parse(canonical);
    assertThat(again).isEqualTo(hours);
    assertThat(again.toString()).isEqualTo(canonical);
    assertThat(again.weekly()).isEqualTo(hours.weekly());
  }

  private static WorkingHours parseOrNull(String spec) {
    try {
      return WorkingHours.parse(spec);
    } catch (WorkingHours.InvalidWorkingHoursException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return null;
    }
  }

  /** Text made of the spec's own alphabet, so that most of it gets past the first check. */
  @Provide
  Arbitrary<String> specLike() {
    return Arbitraries.strings()
        .withChars("MONTUEWDHFRISA monday-,:/0123456789 24/7\t")
        .ofMaxLength(60);
  }

  /** Day ranges and intervals in the spec's grammar, with times that may or may not be valid. */
  @Provide
  Arbitrary<String> validLooking() {
    Arbitrary<String> day = Arbitraries.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    Arbitrary<String> days =
        Arbitraries.oneOf(day, Combinators.combine(day, day).as((from, to) -> from + "-" + to));
    Arbitrary<String> time =
        Combinators.combine(Arbitraries.integers().between(0, 24), Arbitraries.of(0, 15, 30, 45))
            .as((h, m) -> String.format("%02d:%02d", h, m));
    Arbitrary<String> interval = Combinators.combine(time, time).as((a, b) -> a + "-" + b);
    Arbitrary<String> group =
        Combinators.combine(days, interval.list().ofMinSize(1).ofMaxSize(3))
            .as((d, is) -> d + " " + String.join(" ", is));
    return group.list().ofMinSize(1).ofMaxSize(4).map(groups -> String.join(", ", groups));
  }
}
