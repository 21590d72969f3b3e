package io.followup.sla.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.events.RepProfile;
import io.followup.sla.review.Counts;
import io.followup.sla.review.FirstTouches;
import io.followup.sla.review.ReviewWeek;
import io.followup.sla.review.TeamWeek;
import io.followup.sla.review.WeekTally;
import java.time.Duration;
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
 * A team's reps by SLA compliance and time to first touch over whole weeks, Monday 00:00 to Monday
 * 00:00 in the team manager's zone, as the weekly review counts them: each clock of the rep that
 * came to an end in the week, met by its deadline or missed (one still overdue when the week ends
 * counts missed in that week), and the rep's hand-offs, first touches and time from hand-off to
 * first touch. The review keeps the running week and the one before it, so that is the range a
 * board can cover. One read of the team's week, however many leads the instance holds. Counts come
 * with every rate, so a rate over three clocks reads as such.
 */
final class Leaderboard {

  /** Below this many decided clocks a rep's rate is marked as a small sample. */
  static final int SMALL_SAMPLE = 5;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /**
   * What the board covers: the running week, the week before, or the weeks that overlap [from, to);
   * a missing end of a range is the end of the running week, or the start of the week {@code to}
   * falls in.
   */
  record Window(RangeBound from, RangeBound to, boolean weekBefore) {

    static Window currentWeek() {
      return new Window(null, null, false);
    }

    static Window lastWeek() {
      return new Window(null, null, true);
    }

    static Window between(RangeBound from, RangeBound to) {
      return new Window(from, to, false);
    }

    boolean isRange() {
      return from != null || to != null;
    }
  }

  private Leaderboard() {}

  /**
   * The board of the window's weeks.
   *
   * @param kept the team's week as the review keeps it; empty when the team has none on record
   * @param zone the manager's zone, for a team with no week on record
   * @param members the team's reps, each listed even with nothing counted
   * @throws IllegalArgumentException (a one-sentence message) for a range the review does not keep
   */
  static ObjectNode of(
      String team,
      Optional<TeamWeek> kept,
      ZoneId zone,
      Instant now,
      Window window,
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
    ReviewWeek before = ReviewWeek.containing(running.start().minusMillis(1), running.zone());
    List<ReviewWeek> shown = new ArrayList<>();
    List<WeekTally> tallies = new ArrayList<>();
    Instant from = null;
    Instant to = null;
    if (!window.isRange()) {
      shown.add(window.weekBefore() ? before : running);
      tallies.add(window.weekBefore() ? previous : current);
    } else {
      ZoneId in = running.zone();
      to = window.to() == null ? running.end() : window.to().in(in);
      from =
          window.from() == null
              ? ReviewWeek.containing(to.minusMillis(1), in).start()
              : window.from().in(in);
      if (!from.isBefore(to)) {
        throw new IllegalArgumentException("from must be before to.");
      }
      if (from.isBefore(before.start()) || to.isAfter(running.end())) {
        throw new IllegalArgumentException(
            "The review keeps this week and last only (ISO weeks, Monday to Monday in the"
                + " manager's time zone "
                + in.getId()
                + "), so from and to must lie within "
                + before.start()
                + " and "
                + running.end()
                + ".");
      }
      if (from.isBefore(before.end())) {
        shown.add(before);
        tallies.add(previous);
      }
      if (to.isAfter(running.start())) {
        shown.add(running);
        tallies.add(current);
      }
    }
    Map<String, Counts> counts = new TreeMap<>();
    Map<String, FirstTouches> firstTouches = new TreeMap<>();
    members.keySet().forEach(id -> counts.put(id, Counts.NONE));
    for (WeekTally tally : tallies) {
      if (tally != null) {
        // A rep who left the team mid-week keeps the week's counts here.
        tally.reps().forEach((rep, c) -> counts.merge(rep, c, Counts::plus));
        tally.firstTouches().forEach((rep, f) -> firstTouches.merge(rep, f, FirstTouches::plus));
      }
    }
    firstTouches.keySet().forEach(rep -> counts.putIfAbsent(rep, Counts.NONE));
    ObjectNode out = JSON.objectNode().put("team", team);
    out.put("week", shown.get(0).label() + (shown.size() > 1 ? ".." + running.label() : ""));
    ArrayNode weeks = out.putArray("weeks");
    shown.forEach(w -> weeks.add(w.label()));
    out.put("timeZone", running.zone().getId());
    out.put("from", shown.get(0).start().toString());
    out.put("to", shown.get(shown.size() - 1).end().toString());
    if (from != null) {
      out.put("requestedFrom", from.toString()).put("requestedTo", to.toString());
    }
    out.put(
        "basis",
        "Whole ISO weeks (Monday to Monday in the manager's time zone) overlapping the range: the"
            + " rep's SLA clocks that came to an end in them, met by their deadline or missed (a"
            + " clock still overdue at a week's end counts missed), and the leads handed off to"
            + " the rep and first touched in them, with the time from hand-off to first touch"
            + " counted in the first-touch SLA's calendar (working hours where the policy says"
            + " business)");
    rows(out.putArray("reps"), counts, firstTouches, reps);
    return out;
  }

  /**
   * Reps best first: compliance, then shorter time to first touch, then more decided clocks; reps
   * with nothing decided last.
   */
  private static void rows(
      ArrayNode array,
      Map<String, Counts> counts,
      Map<String, FirstTouches> firstTouches,
      Function<String, Optional<RepProfile>> reps) {
    List<ObjectNode> rows = new ArrayList<>();
    counts.forEach(
        (repId, c) -> {
          ObjectNode row = JSON.objectNode().put("repId", repId);
          row.put("name", reps.apply(repId).map(RepProfile::getName).orElse(null));
          FirstTouches f = firstTouches.getOrDefault(repId, FirstTouches.NONE);
          row.put("handedOff", f.handedOff()).put("touched", f.touched());
          row.put("firstTouchMillisTotal", f.firstTouchMillis());
          Duration mean = f.mean();
          if (mean == null) {
            row.putNull("meanMinutesToFirstTouch").putNull("meanTimeToFirstTouch");
          } else {
            row.put("meanMinutesToFirstTouch", f.firstTouchMillis() / f.touched() / 60_000.0);
            row.put("meanTimeToFirstTouch", mean.toString());
          }
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
            .thenComparing(
                r ->
                    r.get("meanMinutesToFirstTouch").isNull()
                        ? Double.MAX_VALUE
                        : r.get("meanMinutesToFirstTouch").asDouble())
            .thenComparing(r -> -r.get("decided").asInt())
            .thenComparing(r -> r.get("repId").asText()));
    rows.forEach(array::add);
  }
}
