package io.followup.sla.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.events.RepProfile;
import io.followup.sla.review.Counts;
import io.followup.sla.review.ReviewWeek;
import io.followup.sla.review.TeamWeek;
import io.followup.sla.review.WeekTally;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A team's reps by SLA compliance over one week, Monday 00:00 to Monday 00:00 in the team manager's
 * zone, as the weekly review counts it: each clock of the rep that came to an end in the week, met
 * by its deadline or missed (one still overdue when the week ends counts missed in that week). One
 * read of the team's week, however many leads the instance holds. Counts come with every rate, so a
 * rate over three clocks reads as such.
 */
final class Leaderboard {

  /** Below this many decided clocks a rep's rate is marked as a small sample. */
  static final int SMALL_SAMPLE = 5;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Leaderboard() {}

  /**
   * The board of the week running at {@code now}, or of the week before it.
   *
   * @param kept the team's week as the review keeps it; empty when the team has none on record
   * @param zone the manager's zone, for a team with no week on record
   * @param members the team's reps, each listed even with nothing counted
   */
  static ObjectNode of(
      String team,
      Optional<TeamWeek> kept,
      ZoneId zone,
      Instant now,
      boolean lastWeek,
      Map<String, RepProfile> members,
      Function<String, Optional<RepProfile>> reps) {
    ReviewWeek running = ReviewWeek.containing(now, zone);
    WeekTally current = WeekTally.empty();
    WeekTally previous = null;
    if (kept.isPresent()) {
      TeamWeek week = kept.get();
      running = week.week();
      current = week.current();
      previous = week.previous();
      if (running.endedBy(now)) {
        // The review closes the week at its next tick; until then it reads as that close leaves it.
        ReviewWeek next = ReviewWeek.containing(now, week.zone());
        previous = next.start().equals(running.end()) ? current : null;
        current = WeekTally.empty();
        running = next;
      }
    }
    ReviewWeek shown =
        lastWeek ? ReviewWeek.containing(running.start().minusMillis(1), running.zone()) : running;
    WeekTally tally = lastWeek ? previous : current;
    Map<String, Counts> byRep = new TreeMap<>();
    members.keySet().forEach(id -> byRep.put(id, Counts.NONE));
    if (tally != null) {
      // A rep who left the team mid-week keeps the week's counts here.
      byRep.putAll(tally.reps());
    }
    return toJson(team, shown, byRep, reps);
  }

  /** Reps best first: compliance, then more decided clocks; reps with nothing decided last. */
  private static ObjectNode toJson(
      String team,
      ReviewWeek week,
      Map<String, Counts> byRep,
      Function<String, Optional<RepProfile>> reps) {
    ObjectNode out = JSON.objectNode().put("team", team);
    out.put("week", week.label()).put("timeZone", week.zone().getId());
    out.put("from", week.start().toString()).put("to", week.end().toString());
    out.put(
        "basis",
        "SLA clocks of the rep that came to an end in the week (Monday to Monday in the manager's"
            + " time zone), met by their deadline or missed; a clock still overdue at the week's"
            + " end counts missed");
    List<ObjectNode> rows = new ArrayList<>();
    byRep.forEach(
        (repId, c) -> {
          ObjectNode row = JSON.objectNode().put("repId", repId);
          row.put("name", reps.apply(repId).map(RepProfile::getName).orElse(null));
          row.put("withinSla", c.met()).put("missed", c.missed()).put("decided", c.decided());
          if (c.decided() == 0) {
            row.putNull("compliance");
          } else {
            row.put("compliance", (double) c.met() / c.decided());
          }
          row.put("smallSample", c.decided() < SMALL_SAMPLE);
          rows.add(row);
        });
    rows.sort(
        Comparator.comparing((ObjectNode r) -> r.get("compliance").isNull())
            .thenComparing(r -> -r.get("compliance").asDouble())
            .thenComparing(r -> -r.get("decided").asInt())
            .thenComparing(r -> r.get("repId").asText()));
    ArrayNode array = out.putArray("reps");
    rows.forEach(array::add);
    return out;
  }
}
