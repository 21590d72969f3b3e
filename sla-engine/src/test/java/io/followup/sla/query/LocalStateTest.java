package io.followup.sla.query;

import static io.followup.sla.rules.TestEvents.created;
import static io.followup.sla.rules.TestEvents.h;
import static io.followup.sla.rules.TestEvents.touch;
import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.rules.LeadState;
import io.followup.sla.rules.SlaClock;
import io.followup.sla.rules.TestEvents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStateTest {

  private static final String[] SOURCES = {
    "INBOUND_FORM", "RFP_REQUEST", "WEBINAR", "TRADE_SHOW", "PURCHASED_LIST"
  };
  private static final String[] PRIORITIES = {"HOT", "WARM", "COLD", null};
  private static final String[] REPS = {"R-DANA", "R-PRIYA", null};

  @Test
  void theWalkFindsTheSameSoonestClocksAsSortingEveryOpenClock(@TempDir Path dir) {
    Random random = new Random(7);
    try (TopologyStores stores =
        new TopologyStores(PolicyLoader.builtInDefault(), dir, TestEvents.T0)) {
      for (int i = 0; i < 60; i++) {
        String lead = "L-" + i;
        double at = random.nextDouble() * 20;
        String rep = REPS[random.nextInt(REPS.length)];
        stores.pipe(
            created(
                lead,
                h(at),
                SOURCES[random.nextInt(SOURCES.length)],
                PRIORITIES[random.nextInt(PRIORITIES.length)],
                rep),
            TestEvents.at(h(at)));
        if (rep != null && random.nextBoolean()) {
          stores.pipe(touch(lead, h(at + 1), rep), TestEvents.at(h(at + 1)));
        }
      }
      LocalState local = new LocalState(stores);
      List<SlaClock> everyOpen = new ArrayList<>();
      local.eachLead(
          lead ->
              lead.getClocks().values().stream()
                  .filter(c -> !c.stage().breached() && lead.isOpen())
                  .forEach(everyOpen::add));
      everyOpen.sort(Comparator.comparing(SlaClock::dueAt));
      assertThat(everyOpen).hasSizeGreaterThan(20);

      LocalState.Walk walk = local.atRisk(lead -> true, 7);

      assertThat(walk.clocks())
          .extracting(c -> c.clock().dueAt())
          .containsExactlyElementsOf(
              everyOpen.subList(0, 7).stream().map(SlaClock::dueAt).toList());
      // It stopped early: far fewer entries read than there are clocks.
      assertThat(walk.visited()).isLessThan(everyOpen.size());

      LocalState.Walk dana = local.atRisk(lead -> "R-DANA".equals(lead.getOwnerRepId()), 3);
      assertThat(dana.clocks())
          .isNotEmpty()
          .allSatisfy(c -> assertThat(c.lead().getOwnerRepId()).isEqualTo("R-DANA"))
          .isSortedAccordingTo(Comparator.comparing(c -> c.clock().dueAt()));
      List<LeadState> danas = new ArrayList<>();
      local.eachLead(
          l -> {
            if ("R-DANA".equals(l.getOwnerRepId())) danas.add(l);
          });
      assertThat(dana.clocks().get(0).clock().dueAt())
          .isEqualTo(
              danas.stream()
                  .flatMap(l -> l.getClocks().values().stream())
                  .filter(c -> !c.stage().breached())
                  .map(SlaClock::dueAt)
                  .min(Comparator.naturalOrder())
                  .orElseThrow());
    }
  }
}
