package io.followup.sla.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/** {@code ./sla run} waits for a slow rebalance instead of exiting by itself. */
class StartupWaitTest {

  private final List<String> said = new ArrayList<>();

  @Test
  void aRebalanceLongerThanTheStatusPeriodIsWaitedOutWithAStatusLineEachPeriod() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    // RUNNING only on the fourth look: three whole periods of rebalancing first.
    boolean ran =
        StartupWait.untilRunning(
            limit -> calls.incrementAndGet() > 3,
            () -> KafkaStreams.State.REBALANCING,
            Duration.ofSeconds(60),
            said::add,
            () -> false);

    assertThat(ran).isTrue();
    assertThat(calls).hasValue(4);
    assertThat(said).hasSize(3);
    assertThat(said.get(2)).contains("after 180 s").contains("REBALANCING").contains("Waiting on");
  }

  @Test
  void ctrlCEndsTheWait() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    boolean ran =
        StartupWait.untilRunning(
            limit -> false,
            () -> KafkaStreams.State.REBALANCING,
            Duration.ofMillis(1),
            said::add,
            () -> calls.incrementAndGet() > 2);
    assertThat(ran).isFalse();
    assertThat(said).hasSize(2);
  }

  @Test
  void anEngineThatStoppedForGoodIsOneClearLine() {
    assertThatThrownBy(
            () ->
                StartupWait.untilRunning(
                    limit -> false,
                    () -> KafkaStreams.State.ERROR,
                    Duration.ofMillis(1),
                    said::add,
                    () -> false))
        .isInstanceOf(UserError.class)
        .hasMessage("the engine stopped before it was running (state ERROR); see the log");
  }
}
