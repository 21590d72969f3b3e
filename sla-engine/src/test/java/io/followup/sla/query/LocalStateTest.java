package io.followup.sla.query;

import static io.followup.sla.rules.TestEvents.created;
import static io.followup.sla.rules.TestEvents.h;
import static io.followup.sla.rules.TestEvents.touch;
import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.rules.LeadState;
import io.followup.sla.rules.SlaClock;
import io.followup.sla.rules.TestEvents;
import io.followup.sla.streams.StoreNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
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
      everyLead(stores)
          .forEach(
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
      List<LeadState> danas =
          everyLead(stores).stream().filter(l -> "R-DANA".equals(l.getOwnerRepId())).toList();
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

  /** Every lead in the store: the scan the walk is checked against. */
  private static List<LeadState> everyLead(TopologyStores stores) {
    ReadOnlyKeyValueStore<String, LeadState> store = stores.store(StoreNames.LEAD_STATE, 0, false);
    List<LeadState> leads = new ArrayList<>();
    try (KeyValueIterator<String, LeadState> it = store.all()) {
      it.forEachRemaining(kv -> leads.add(kv.value));
    }
    return leads;
  }

  @Test
  void aWalkCostsWhatLiesBeforeTheLimitthClockNotEveryClock(@TempDir Path dir) {
    int leads = 1_000;
    try (TopologyStores stores =
        new TopologyStores(PolicyLoader.builtInDefault(), dir, TestEvents.T0)) {
      for (int i = 0; i < leads; i++) {
        // Half are R-DANA's, one is R-PRIYA's: a busy rep and a rep with one lead among many.
        String rep = i == leads / 2 ? "R-PRIYA" : i % 2 == 0 ? "R-DANA" : "R-OLA";
        stores.pipe(
            created("L-" + i, h(i / 25.0), "INBOUND_FORM", "WARM", rep),
            TestEvents.at(h(i / 25.0)));
      }
      LocalState local = new LocalState(stores);

      long t0 = System.nanoTime();
      LocalState.Walk busy = local.atRisk(lead -> "R-DANA".equals(lead.getOwnerRepId()), 20);
      long t1 = System.nanoTime();
      LocalState.Walk lonely = local.atRisk(lead -> "R-PRIYA".equals(lead.getOwnerRepId()), 20);
      long t2 = System.nanoTime();
      System.out.printf(
          "at-risk walk over %d open clocks: busy rep %d entries in %.1f ms, rep with one lead %d"
              + " entries in %.1f ms%n",
          leads, busy.visited(), (t1 - t0) / 1e6, lonely.visited(), (t2 - t1) / 1e6);

      assertThat(busy.clocks()).hasSize(20);
      // It stops early. Not at twice the clocks found, though: an entry's time is a clock's next
      // check, its warning while it runs, so the walk also reads every clock whose warning comes
      // before the 20th clock's due time (here 12 of the 48 hours' worth of hand-offs more).
      assertThat(busy.visited()).isLessThan(leads / 2);
      // A rep with few clocks costs a walk of every clock of the instance: the documented worst.
      assertThat(lonely.clocks()).hasSize(1);
      assertThat(lonely.visited()).isEqualTo(leads);
    }
  }
}
