package io.followup.sla.streams;

import io.followup.sla.policy.RuleId;
import io.followup.sla.review.OpenClock;
import io.followup.sla.review.ReviewPorts;
import io.followup.sla.review.TeamWeek;
import io.followup.sla.state.TeamReviewCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The review's ports over a task's two stores: teams' weeks by team, open clocks by (team, rule,
 * key) so one team's are a prefix scan ({@link TeamOpenClocks}).
 */
final class TeamReviewStores implements ReviewPorts {

  private final KeyValueStore<String, TeamWeek> weeks;
  private final KeyValueStore<String, byte[]> open;

  /**
   * The weeks read or written by this task, decoded: every team clock reads its team's week and
   * writes it back, and decoding it each time was most of the review's cost. Write-through (every
   * put still goes to the store, so its changelog is what it was); made afresh with the ports at
   * each init, so a task re-initialised after an aborted transaction reads the store again. Teams
   * are few, so it holds them all.
   */
  private final Map<String, TeamWeek> decoded = new HashMap<>();

  TeamReviewStores(KeyValueStore<String, TeamWeek> weeks, KeyValueStore<String, byte[]> open) {
    this.weeks = weeks;
    this.open = open;
  }

  @Override
  public TeamWeek week(String team) {
    TeamWeek week = decoded.get(team);
    if (week == null) {
      week = weeks.get(team);
      if (week != null) {
        decoded.put(team, week);
      }
    }
    return week;
  }

  @Override
  public void putWeek(TeamWeek week) {
    weeks.put(week.team(), week);
    decoded.put(week.team(), week);
  }

  @Override
  public void forgetWeek(String team) {
    weeks.delete(team);
    decoded.remove(team);
  }

  /**
   * Forgets every decoded week: the fold changes a week's tally in place before it writes it, so
   * after a failure part way the decoded week may hold what the store never got.
   */
  void forgetDecoded() {
    decoded.clear();
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
