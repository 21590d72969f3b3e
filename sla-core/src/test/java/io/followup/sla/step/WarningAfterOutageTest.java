package io.followup.sla.step;

import static io.followup.sla.rules.TestEvents.REPS;
import static io.followup.sla.rules.TestEvents.at;
import static io.followup.sla.rules.TestEvents.created;
import static io.followup.sla.rules.TestEvents.engaged;
import static io.followup.sla.rules.TestEvents.h;
import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.policy.RuleId;
import io.followup.sla.replay.InMemoryRetention;
import io.followup.sla.replay.InMemoryStore;
import io.followup.sla.replay.InMemoryTimeIndex;
import io.followup.sla.rules.LeadRuleEngine;
import io.followup.sla.rules.LeadState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A warning whose time passed while the engine was down (a crash, a broker outage, a long
 * rebalance) still goes out when the engine is back, as long as the deadline is still ahead: the
 * rep can still act. An RFP's first touch here: 4 hours, warned at 3.
 */
class WarningAfterOutageTest {

  private static final Policy POLICY = PolicyLoader.builtInDefault();
  private static final StepSettings SETTINGS =
      new StepSettings(Duration.ofDays(7), Duration.ofDays(90), 100);

  private final List<SlaAlert> alerts = new ArrayList<>();
  private final LeadPorts ports =
      new LeadPorts(
          new InMemoryStore<LeadState>(),
          new InMemoryTimeIndex(),
          new InMemoryRetention(),
          alerts::add,
          member -> {});
  private final LeadStep step = new LeadStep(LeadRuleEngine.standard(), SETTINGS);

  private void createRfpLeadAtHourZero() {
    step.onEvent(
        created("L-1", h(0), "RFP_REQUEST", null, "R-DANA"), ports, POLICY, REPS, at(h(0)));
    // Ticks until the engine goes down at 1 h: nothing due yet.
    assertThat(step.onTick(ports, POLICY, REPS, at(h(1)))).isEmpty();
  }

  private List<String> firstTouchKinds() {
    return alerts.stream()
        .filter(a -> a.getRuleId().equals(RuleId.FIRST_TOUCH.id()))
        .map(SlaAlert::getKind)
        .toList();
  }

  @Test
  void theFirstTickAfterTheOutageSendsTheWarningThatFellDueMeanwhile() {
    createRfpLeadAtHourZero();

    // Back at 3.5 h: the warning (3 h) fell due while down, the deadline (4 h) is still ahead.
    step.onTick(ports, POLICY, REPS, at(h(3.5)));
    assertThat(firstTouchKinds()).containsExactly("WARNING");

    step.onTick(ports, POLICY, REPS, at(h(4.1)));
    assertThat(firstTouchKinds()).containsExactly("WARNING", "BREACHED");
  }

  @Test
  void anEventOfTheLeadBeforeTheFirstTickSendsItToo() {
    createRfpLeadAtHourZero();

    step.onEvent(engaged("L-1", h(3.4)), ports, POLICY, REPS, at(h(3.5)));
    assertThat(firstTouchKinds()).containsExactly("WARNING");
    step.onTick(ports, POLICY, REPS, at(h(3.5)));
    assertThat(firstTouchKinds()).containsExactly("WARNING");
  }

  @Test
  void anEventFromBeforeTheWarningProcessedAfterTheOutageLeavesTheWarningToTheTick() {
    createRfpLeadAtHourZero();

    // Happened at 2 h, reached the engine at 3.5 h: the clock catches up only to 2 h for it...
    step.onEvent(engaged("L-1", h(2)), ports, POLICY, REPS, at(h(3.5)));
    assertThat(firstTouchKinds()).isEmpty();
    // ...and the warning is still in the index for the next tick.
    step.onTick(ports, POLICY, REPS, at(h(3.5)));
    assertThat(firstTouchKinds()).containsExactly("WARNING");
  }

  @Test
  void aWarningWhoseDeadlinePassedDuringTheOutageGivesWayToTheBreach() {
    createRfpLeadAtHourZero();

    step.onTick(ports, POLICY, REPS, at(h(4.5)));
    assertThat(firstTouchKinds()).containsExactly("BREACHED");
  }
}
