package io.followup.sla.state;

import static io.followup.sla.rules.TestEvents.REPS;
import static io.followup.sla.rules.TestEvents.created;
import static io.followup.sla.rules.TestEvents.engaged;
import static io.followup.sla.rules.TestEvents.h;
import static io.followup.sla.rules.TestEvents.status;
import static io.followup.sla.rules.TestEvents.touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.rules.LeadRuleEngine;
import io.followup.sla.rules.LeadState;
import io.followup.sla.rules.SeenEvent;
import io.followup.sla.rules.TestEvents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class LeadStateCodecTest {

  private static final Policy POLICY = PolicyLoader.builtInDefault();

  /** A lead with every kind of fact and three running clocks, as the rules leave it. */
  static LeadState richLead() {
    LeadRuleEngine engine = LeadRuleEngine.standard();
    List<SpecificRecord> events =
        List.of(
            created("L-1", h(0), "RFP_REQUEST", "HOT", "R-DANA"),
            touch("L-1", h(1), "R-DANA", null, "Just checking in"),
            engaged("L-1", h(2)),
            status("L-1", h(3), "ACCEPTED", null),
            touch("L-1", h(5), "R-DANA"));
    LeadState state = null;
    for (SpecificRecord e : events) {
      Instant at = TestEvents.at(h(6));
      state = engine.onEvent(state, e, POLICY, REPS, at).state();
    }
    return state;
  }

  @Test
  void everyFactAndClockSurvivesTheRoundTrip() {
    LeadState lead = richLead();
    assertThat(lead.getClocks()).isNotEmpty();
    assertThat(lead.getTouches()).hasSize(2);
    assertThat(lead.getEngagements()).hasSize(1);

    LeadState back = LeadStateCodec.decode(LeadStateCodec.encode(lead));

    assertThat(back).usingRecursiveComparison().isEqualTo(lead);
    assertThat(back.isOpen()).isTrue();
    assertThat(back.getClocks().values())
        .allSatisfy(
            c -> assertThat(c.alertId()).isEqualTo(lead.getClocks().get(c.rule()).alertId()));
  }

  @Test
  void theIdsOfTheDuplicateWindowSurviveTheRoundTrip() {
    LeadState lead =
        richLead().toBuilder()
            .seenEvents(
                List.of(
                    new SeenEvent("e-1", TestEvents.at(h(0))),
                    new SeenEvent("e-2", TestEvents.at(h(1)))))
            .build();

    byte[] bytes = LeadStateCodec.encode(lead);
    LeadState back = LeadStateCodec.decode(bytes);

    assertThat(bytes[0]).as("written as version 2").isEqualTo((byte) 2);
    assertThat(back.getSeenEvents()).isEqualTo(lead.getSeenEvents());
    assertThat(back.hasSeen("e-2", TestEvents.at(h(1)))).isTrue();
    assertThat(back.hasSeen("e-1", TestEvents.at(h(0.5)))).isFalse();
  }

  @Test
  void aLeadIsStoredInAFewHundredBytes() {
    byte[] bytes = LeadStateCodec.encode(richLead());
    // The JSON this replaced took about 900 bytes for a lead like this one.
    assertThat(bytes.length).isLessThan(400);
  }

  @Test
  void anUnknownVersionIsAClearError() {
    byte[] bytes = LeadStateCodec.encode(richLead());
    bytes[0] = 9;
    assertThatThrownBy(() -> LeadStateCodec.decode(bytes))
        .isInstanceOf(StateFormatException.class)
        .hasMessageContaining("schema version 9")
        .hasMessageContaining("newer engine");
  }

  /**
   * Bytes written by version 1 of the format, committed when it shipped: every later engine must
   * restore them, or an upgrade would lose every running clock.
   */
  @Test
  void restoresAStoreWrittenByVersionOne() throws IOException {
    byte[] v1;
    try (InputStream in = getClass().getResourceAsStream("/state/lead-v1.bin")) {
      assertThat(in).as("the committed version-1 lead").isNotNull();
      v1 = in.readAllBytes();
    }
    assertThat(v1[0]).isEqualTo((byte) 1);

    LeadState restored = LeadStateCodec.decode(v1);

    assertThat(restored).usingRecursiveComparison().isEqualTo(richLead());
    assertThat(restored.getSeenEvents()).isEmpty();
  }

  /** Writes the version-1 golden file; run by hand only when a format version first ships. */
  public static void main(String[] args) throws IOException {
    Files.write(Path.of(args[0]), LeadStateCodec.encode(richLead()));
  }
}
