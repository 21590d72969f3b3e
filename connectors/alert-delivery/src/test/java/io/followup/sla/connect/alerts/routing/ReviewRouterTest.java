package io.followup.sla.connect.alerts.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.followup.sla.connect.alerts.testing.Reviews;
import io.followup.sla.events.RepProfile;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReviewRouterTest {

  private final Map<String, RepProfile> reps = new TreeMap<>();

  ReviewRouterTest() {
    add("R-1", "east", "M-1", "America/Chicago");
    add("R-2", "east", "M-2", "Europe/Berlin");
    add("R-3", "east", "M-1", "America/Chicago");
    add("R-9", "west", "M-9", "America/Los_Angeles");
    add("M-1", "east", null, "America/New_York");
    add("M-2", "east", null, "Europe/Berlin");
    add("M-9", "west", null, "America/Los_Angeles");
  }

  private final RepDirectory directory =
      new RepDirectory() {
        @Override
        public Optional<RepProfile> find(String repId) {
          return Optional.ofNullable(reps.get(repId));
        }

        @Override
        public Collection<RepProfile> all() {
          return reps.values();
        }
      };

  private static ChannelTargets targets(Map<String, String> slackTeams) {
    return new ChannelTargets(
        Set.of(Channel.EMAIL, Channel.SLACK, Channel.WEBHOOK),
        "ops@example.com",
        "https://hooks.example.com/default",
        slackTeams,
        null,
        Map.of(),
        "https://events.example.com/v2");
  }

  @Test
  void theManagersOfTheTeamsRepsGetItByEmailInTheirOwnZone() {
    List<ReviewDelivery> out =
        new ReviewRouter(directory, targets(Map.of()), ZoneOffset.UTC).route(Reviews.east(), null);

    assertThat(out)
        .filteredOn(d -> d.channel() == Channel.EMAIL)
        .extracting(d -> d.recipient().id(), ReviewDelivery::target, d -> d.recipient().zone())
        .containsExactly(
            tuple("M-1", "m-1@example.com", ZoneId.of("America/New_York")),
            tuple("M-2", "m-2@example.com", ZoneId.of("Europe/Berlin")));
    // Both managers' Slack is the default channel: one post there, not two; never the on-call hook.
    assertThat(out)
        .filteredOn(d -> d.channel() == Channel.SLACK)
        .extracting(ReviewDelivery::target)
        .containsExactly("https://hooks.example.com/default");
    assertThat(out).noneMatch(d -> d.channel() == Channel.WEBHOOK);
    assertThat(out).extracting(d -> d.key().kind()).containsOnly(ReviewDelivery.KIND);
  }

  @Test
  void aTeamChannelWhenConfiguredTakesTheChatPost() {
    List<ReviewDelivery> out =
        new ReviewRouter(
                directory,
                targets(Map.of("east", "https://hooks.example.com/east")),
                ZoneOffset.UTC)
            .route(Reviews.east(), null);

    assertThat(out)
        .filteredOn(d -> d.channel() == Channel.SLACK)
        .extracting(d -> d.recipient().id(), ReviewDelivery::target)
        .containsExactly(tuple("team:east", "https://hooks.example.com/east"));
    assertThat(out).filteredOn(d -> d.channel() == Channel.EMAIL).hasSize(2);
  }

  @Test
  void aTeamWithNoManagerOnFileGoesToTheDefaultRoute() {
    List<ReviewDelivery> out =
        new ReviewRouter(directory, targets(Map.of()), ZoneOffset.UTC)
            .route(
                io.followup.sla.events.TeamWeeklyReview.newBuilder(Reviews.east())
                    .setTeam("north")
                    .build(),
                null);

    assertThat(out)
        .extracting(d -> d.recipient().id(), d -> d.channel(), ReviewDelivery::target)
        .containsExactly(
            tuple(Recipient.DEFAULT_ID, Channel.EMAIL, "ops@example.com"),
            tuple(Recipient.DEFAULT_ID, Channel.SLACK, "https://hooks.example.com/default"));
  }

  private void add(String id, String team, String manager, String zone) {
    reps.put(
        id,
        RepProfile.newBuilder()
            .setRepId(id)
            .setName(id)
            .setEmail(id.toLowerCase() + "@example.com")
            .setTeam(team)
            .setManagerId(manager)
            .setTimeZone(zone)
            .build());
  }
}
