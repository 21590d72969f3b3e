package io.followup.sla.connect.alerts.routing;

import io.followup.sla.events.RepProfile;
import io.followup.sla.events.TeamWeeklyReview;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Sends a team's weekly review to the people who lead it: the managers of the team's reps as {@code
 * sales.reps} has them, each by email; on Slack and Teams to the team's own channel when one is
 * configured ({@code slack.team.webhooks}, {@code teams.team.webhooks}), else to each manager's
 * channel, once per channel address. A team with no manager on file goes to the default route.
 */
public final class ReviewRouter {

  private static final Channel[] CHANNELS = {Channel.EMAIL, Channel.SLACK, Channel.TEAMS};

  private final RepDirectory reps;
  private final ChannelTargets targets;
  private final ZoneId defaultZone;

  public ReviewRouter(RepDirectory reps, ChannelTargets targets, ZoneId defaultZone) {
    this.reps = reps;
    this.targets = targets;
    this.defaultZone = defaultZone;
  }

  public List<ReviewDelivery> route(TeamWeeklyReview review, SinkRecord source) {
    List<Recipient> managers = managersOf(review.getTeam());
    if (managers.isEmpty()) {
      managers =
          List.of(
              new Recipient(
                  Recipient.DEFAULT_ID,
                  "the default route",
                  Role.DEFAULT,
                  null,
                  null,
                  null,
                  defaultZone,
                  null));
    }
    List<ReviewDelivery> out = new ArrayList<>();
    for (Channel channel : CHANNELS) {
      String teamChannel = targets.teamChannel(channel, review.getTeam()).orElse(null);
      if (teamChannel != null) {
        Recipient team =
            new Recipient(
                "team:" + review.getTeam(),
                review.getTeam(),
                Role.MANAGER,
                null,
                null,
                review.getTeam(),
                managers.get(0).zone(),
                null);
        out.add(new ReviewDelivery(review, team, channel, teamChannel, source));
        continue;
      }
      Set<String> reached = new HashSet<>();
      for (Recipient manager : managers) {
        targets
            .target(channel, manager)
            .filter(reached::add)
            .ifPresent(
                target -> out.add(new ReviewDelivery(review, manager, channel, target, source)));
      }
    }
    return out;
  }

  private List<Recipient> managersOf(String team) {
    Set<String> ids = new TreeSet<>();
    for (RepProfile rep : reps.all()) {
      if (Objects.equals(team, rep.getTeam()) && rep.getManagerId() != null) {
        ids.add(rep.getManagerId());
      }
    }
    List<Recipient> managers = new ArrayList<>();
    for (String id : ids) {
      reps.find(id)
          .ifPresent(
              p ->
                  managers.add(
                      new Recipient(
                          p.getRepId(),
                          p.getName(),
                          Role.MANAGER,
                          p.getEmail(),
                          p.getSlackMemberId(),
                          p.getTeam(),
                          zone(p.getTimeZone()),
                          p.getWorkingHours())));
    }
    return managers;
  }

  private ZoneId zone(String id) {
    try {
      return id == null ? defaultZone : ZoneId.of(id);
    } catch (DateTimeException e) {
      return defaultZone;
    }
  }
}
