package io.followup.sla.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelledMetersTest {

  private final List<String> made = new ArrayList<>();
  private final BoundedLabel reps = new BoundedLabel(2);
  private final LabelledMeters<String> meters =
      new LabelledMeters<>(
          reps,
          value -> {
            made.add(value);
            return "meter of " + value;
          });

  @Test
  void eachLabelValueGetsOneMeterMadeOnceOnFirstUse() {
    assertThat(made).isEmpty();
    assertThat(meters.of("R-A")).isEqualTo("meter of R-A");
    assertThat(meters.of("R-A")).isSameAs(meters.of("R-A"));
    assertThat(meters.of("R-B")).isEqualTo("meter of R-B");

    assertThat(made).containsExactly("R-A", "R-B");
  }

  @Test
  void valuesPastTheCapShareOneOtherMeterAndMissingOnesOneNoneMeter() {
    meters.of("R-A");
    meters.of("R-B");
    for (int i = 0; i < 100; i++) {
      assertThat(meters.of("R-" + i)).isEqualTo("meter of other");
    }
    assertThat(meters.of(null)).isEqualTo("meter of none");
    assertThat(meters.of(" ")).isEqualTo("meter of none");
    assertThat(meters.of("R-A")).isEqualTo("meter of R-A");

    assertThat(made).containsExactly("R-A", "R-B", "other", "none");
  }

  @Test
  void aValueAdmittedThroughAnotherFamilyOfTheSameLabelKeepsItsOwnMeterHere() {
    LabelledMeters<String> others = new LabelledMeters<>(reps, value -> "other family " + value);
    others.of("R-A");
    others.of("R-B");

    assertThat(meters.of("R-B")).isEqualTo("meter of R-B");
    assertThat(meters.of("R-C")).isEqualTo("meter of other");
  }
}
