package io.followup.sla.streams;

import io.followup.sla.policy.RuleId;
import io.followup.sla.review.OpenClock;
import io.followup.sla.review.ReviewPorts;
import io.followup.sla.review.TeamWeek;
import io.followup.sla.state.TeamReviewCodec;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The review's ports over a task's two stores: teams' weeks by team, open clocks by (team, rule,
 * key) so one team's are a prefix scan ({@link TeamOpenClocks}).
 */
final class TeamReviewStores implements ReviewPorts {

  private final KeyValueStore<String, TeamWeek> weeks;
  private final KeyValueStore<String, byte[]> open;

  TeamReviewStores(KeyValueStore<String, TeamWeek> weeks, KeyValueStore<String, byte[]> open) {
    this.weeks = weeks;
    this.open = open;
  }

  @Override
  public TeamWeek week(String team) {
    return weeks.get(team);
  }

  @Override
  public void putWeek(TeamWeek week) {
    weeks.put(week.team(), week);
  }

  @Override
  public void forgetWeek(String team) {
    weeks.delete(team);
  }

  @Override
  public List<String> teams() {
    List<String> teams = new ArrayList<>();
    try (KeyValueIterator<String, TeamWeek> it = weeks.all()) {
      it.forEachRemaining(kv -> teams.add(kv.key));
    }
    return teams;
  }

  @Override
  public OpenClock open(String team, RuleId rule, String key) {
    byte[] bytes = open.get(key(team, rule, key));
    return bytes == null ? null : TeamReviewCodec.decodeOpen(rule, key, bytes);
  }

  @Override
  public void putOpen(String team, OpenClock clock) {
    open.put(key(team, clock.rule(), clock.key()), TeamReviewCodec.encodeOpen(clock));
  }

  @Override
  public void removeOpen(String team, RuleId rule, String key) {
    open.delete(key(team, rule, key));
  }

  @Override
  public List<OpenClock> openClocks(String team) {
    return TeamOpenClocks.of(open, team);
  }

  private static String key(String team, RuleId rule, String key) {
    return TeamOpenClocks.key(team, rule, key);
  }
}
