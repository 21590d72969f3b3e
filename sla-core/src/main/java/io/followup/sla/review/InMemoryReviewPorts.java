package io.followup.sla.review;

import io.followup.sla.policy.RuleId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The review's ports in memory: for replay and tests. */
public final class InMemoryReviewPorts implements ReviewPorts {

  private final Map<String, TeamWeek> weeks = new TreeMap<>();
  private final Map<String, Map<String, OpenClock>> open = new TreeMap<>();

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
    weeks.remove(team);
  }

  @Override
  public List<String> teams() {
    return new ArrayList<>(weeks.keySet());
  }

  @Override
  public OpenClock open(String team, RuleId rule, String key) {
    return open.getOrDefault(team, Map.of()).get(rule.id() + "/" + key);
  }

  @Override
  public void putOpen(String team, OpenClock clock) {
    open.computeIfAbsent(team, t -> new TreeMap<>())
        .put(clock.rule().id() + "/" + clock.key(), clock);
  }

  @Override
  public void removeOpen(String team, RuleId rule, String key) {
    Map<String, OpenClock> clocks = open.get(team);
    if (clocks != null) {
      clocks.remove(rule.id() + "/" + key);
    }
  }

  @Override
  public List<OpenClock> openClocks(String team) {
    return new ArrayList<>(open.getOrDefault(team, Map.of()).values());
  }
}
