package io.followup.sla.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.config.EngineConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicNamesTest {

  @Test
  void enginesWithDifferentApplicationIdsDoNotShareTheMembersTopic() {
    TopicNames east = EngineConfig.of(Map.of(EngineConfig.APPLICATION_ID, "east")).topics();
    TopicNames west = EngineConfig.of(Map.of(EngineConfig.APPLICATION_ID, "west")).topics();

    assertThat(east.buyingGroupMembers()).isEqualTo("east-buying-group-members");
    assertThat(west.buyingGroupMembers()).isEqualTo("west-buying-group-members");
    // The contract's topics stay shared: both read the same events and write the same alerts.
    assertThat(east.alerts()).isEqualTo(west.alerts()).isEqualTo("sla.alerts");
    assertThat(east.misplacedEvents()).isEqualTo("east-misplaced-lead-events");
    assertThat(west.misplacedEvents()).isEqualTo("west-misplaced-lead-events");
    assertThat(east.teamClocks()).isEqualTo("east-team-clocks");
    assertThat(east.weeklyReviews())
        .isEqualTo(west.weeklyReviews())
        .isEqualTo("sla.weekly-reviews");
    assertThat(east.all())
        .contains(
            "east-buying-group-members",
            "east-misplaced-lead-events",
            "east-team-clocks",
            "sla.weekly-reviews");
  }

  @Test
  void theDefaultApplicationIdNamesTheDefaultMembersTopic() {
    assertThat(EngineConfig.of(Map.of()).topics()).isEqualTo(TopicNames.DEFAULTS);
    assertThat(TopicNames.DEFAULTS.buyingGroupMembers())
        .isEqualTo("followup-sla-engine-buying-group-members");
  }

  @Test
  void anExplicitNameWins() {
    TopicNames named =
        EngineConfig.of(
                Map.of(
                    EngineConfig.APPLICATION_ID,
                    "east",
                    "topics.buying-group-members",
                    "acme.members"))
            .topics();
    assertThat(named.buyingGroupMembers()).isEqualTo("acme.members");
    TopicNames reviews = EngineConfig.of(Map.of("topics.weekly-reviews", "acme.reviews")).topics();
    assertThat(reviews.weeklyReviews()).isEqualTo("acme.reviews");
  }
}
