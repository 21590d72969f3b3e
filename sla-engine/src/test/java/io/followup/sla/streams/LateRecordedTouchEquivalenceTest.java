package io.followup.sla.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.replay.ReplayDriver;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.rules.SlaRules;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call made an hour before its first-touch deadline but logged in the CRM two hours after it:
 * live, the engine breaches the lead at the deadline and withdraws the breach when the touch
 * arrives; replay, told when the touch was recorded, produces the same alerts at the same moments.
 */
class LateRecordedTouchEquivalenceTest {

  private static final Instant T0 = Instant.parse("2026-03-06T09:00:00Z");
  private static final Duration TICK = Duration.ofSeconds(1);

  @TempDir Path stateDir;

  private static Instant at(int hours) {
    return T0.plus(Duration.ofHours(hours));
  }

  record Seen(String alertId, String kind, Instant dueAt, Instant detectedAt, boolean withdrawn) {
    static Seen of(SlaAlert a) {
      return new Seen(
          a.getAlertId(),
          a.getKind(),
          a.getDueAt(),
          a.getDetectedAt(),
          a.getSummary().contains("withdrawn"));
    }
  }

  @Test
  void replayWithRecordedAtProducesWhatLiveProduced() {
    Policy policy = PolicyLoader.builtInDefault();
    RepProfile dana =
        RepProfile.newBuilder().setRepId("R-1").setName("Dana Ortiz").setManagerId("M-1").build();
    LeadCreated created =
        LeadCreated.newBuilder()
            .setEventId("e1")
            .setLeadId("L-1")
            .setOccurredAt(T0)
            .setSource("WEBINAR")
            .setOwnerRepId("R-1")
            .build();
    RepTouched call =
        RepTouched.newBuilder()
            .setEventId("e2")
            .setLeadId("L-1")
            .setOccurredAt(at(47))
            .setRepId("R-1")
            .setChannel("CALL")
            .setDirection("OUTBOUND")
            .build();

    List<SlaAlert> live = runLive(policy, dana, created, call, at(50));
    List<SlaAlert> replayed =
        ReplayDriver.replay(
            SlaRules.standard(),
            policy,
            RepDirectory.of(Map.of("R-1", dana)),
            List.of(created, RepTouched.newBuilder(call).setRecordedAt(at(50)).build()),
            at(60));

    assertThat(live)
        .extracting(SlaAlert::getKind)
        .containsExactly("WARNING", "BREACHED", "RESOLVED");
    assertThat(replayed.stream().map(Seen::of).toList())
        .isEqualTo(live.stream().map(Seen::of).toList());
    assertThat(Seen.of(replayed.get(2)).withdrawn()).isTrue();
  }

  /** Live: the touch reaches the engine only at {@code arrival}, on its wall clock. */
  private List<SlaAlert> runLive(
      Policy policy, RepProfile rep, LeadCreated created, RepTouched touch, Instant arrival) {
    EngineSettings settings = new EngineSettings(TICK, 10_000, Duration.ofDays(7));
    try (LiveTopology live = new LiveTopology(policy, settings, stateDir, T0)) {
      live.pipe(rep, T0);
      live.pipe(created, T0);
      // The scans at the warning and the deadline, then the touch as it arrives, then a last scan.
      live.jumpTo(at(36));
      live.jumpTo(at(48));
      live.jumpTo(arrival);
      live.pipe(touch, arrival);
      live.jumpTo(arrival.plus(TICK));
      return live.alerts();
    }
  }
}
