package io.followup.sla.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedLabelTest {

  @Test
  void theFirstValuesUpToTheCapKeepTheirNameTheRestAreOther() {
    BoundedLabel reps = new BoundedLabel(2);
    assertThat(reps.of("R-A")).isEqualTo("R-A");
    assertThat(reps.of("R-B")).isEqualTo("R-B");
    assertThat(reps.of("R-C")).isEqualTo("other");
    assertThat(reps.of("R-A")).isEqualTo("R-A");
    assertThat(reps.of(null)).isEqualTo("none");
    assertThat(reps.of(" ")).isEqualTo("none");
  }

  @Test
  void manyThreadsNeverAdmitMoreThanTheCap() {
    BoundedLabel reps = new BoundedLabel(10);
    Set<String> seen = ConcurrentHashMap.newKeySet();
    IntStream.range(0, 10_000).parallel().forEach(i -> seen.add(reps.of("R-" + (i % 500))));
    assertThat(seen).hasSize(11).contains("other");
  }

  @Test
  void aNegativeCapIsRefused() {
    assertThatThrownBy(() -> new BoundedLabel(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
