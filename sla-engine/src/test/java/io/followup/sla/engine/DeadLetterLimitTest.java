package io.followup.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterLimitTest {

  @Test
  void theSmallerOfWhatTheTopicAndTheProducerAcceptIsTheLimit() {
    assertThat(DeadLetterLimit.of(100_000, Map.of())).isEqualTo(100_000);
    assertThat(DeadLetterLimit.of(1_048_588, Map.of()))
        .as("Kafka's producer default")
        .isEqualTo(1_048_576);
    assertThat(DeadLetterLimit.of(Integer.MAX_VALUE, Map.of("max.request.size", "500000")))
        .isEqualTo(500_000);
    assertThat(
            DeadLetterLimit.of(
                Integer.MAX_VALUE,
                Map.of("max.request.size", "500000", "producer.max.request.size", "300000")))
        .as("the producer's own setting wins, as in Kafka Streams")
        .isEqualTo(300_000);
  }

  @Test
  void aLimitTooSmallForAnyDeadLetterIsOneClearLine() {
    assertThatThrownBy(() -> DeadLetterLimit.of(1_000, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the dead-letter topic and its producer accept records of 1000 bytes; the engine needs"
                + " at least 4096");
    assertThatThrownBy(() -> DeadLetterLimit.of(100_000, Map.of("max.request.size", "lots")))
        .hasMessage("max.request.size must be a whole number, not 'lots'");
  }
}
