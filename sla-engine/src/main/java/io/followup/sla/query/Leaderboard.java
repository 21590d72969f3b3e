package io.followup.sla.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.events.RepProfile;
import io.followup.sla.policy.RulePolicy;
import io.followup.sla.rules.LeadState;
import io.followup.sla.rules.Touch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A team's reps by first-touch compliance and time to first touch, over the leads first handed to
 * them in a window. Interim: worked out at query time from the leads the engine still keeps (a scan
 * of every lead of the instance), with the first-touch SLA in wall-clock time, until the weekly
 * per-team review aggregation fed by the core's clock events can answer it instead. Counts come
 * with every rate, so a rate over three leads reads as such.
 *
 * <p>Each instance counts its own leads; the counts add up across instances ({@link #merge}).
 */
public final class Leaderboard {

  /** Below this many decided leads a rep's rate is marked as a small sample. */
  public static final int SMALL_SAMPLE = 5;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Map<String, Counts> byRep = new TreeMap<>();
  private final RulePolicy firstTouch;
  private final Instant from;
  private final Instant to;
  private final Instant now;

  private Leaderboard(RulePolicy firstTouch, Instant from, Instant to, Instant now) {
    this.firstTouch = firstTouch;
    this.from = from;
    this.to = to;
    this.now = now;
  }

  /** An empty board of {@code repIds}, for leads handed off in [from, to). */
  public static Leaderboard of(
      Iterable<String> repIds, RulePolicy firstTouch, Instant from, Instant to, Instant now) {
    Leaderboard board = new Leaderboard(firstTouch, from, to, now);
    repIds.forEach(id -> board.byRep.put(id, new Counts()));
    return board;
  }

  /** Counts one lead, if one of the board's reps owns it and it was handed off in the window. */
  public void add(LeadState lead) {
    // TreeMap: no null keys, and an unassigned lead is no rep's.
    Counts counts = lead.getOwnerRepId() == null ? null : byRep.get(lead.getOwnerRepId());
    Instant handedOff = lead.getFirstAssignedAt();
    if (counts == null
        || handedOff == null
        || handedOff.isBefore(from)
        || !handedOff.isBefore(to)) {
      return;
    }
    counts.handedOff++;
    Duration sla = firstTouch.slaFor(lead.getSource(), lead.getPriority());
    Instant due = handedOff.plus(sla);
    Instant touched =
        lead.firstTouchSince(handedOff, firstTouch.countOnlyPersonalized())
            .map(Touch::at)
            .orElse(null);
    if (touched != null) {
      counts.touched++;
      counts.firstTouchMillis += Duration.between(handedOff, touched).toMillis();
    }
    // Decided: touched, or past due untouched. A lead still inside its SLA counts for neither side.
    if (touched != null && !touched.isAfter(due)) {
      counts.decided++;
      counts.withinSla++;
    } else if (touched != null || !due.isAfter(now)) {
      counts.decided++;
    }
  }

  /** Adds another instance's counts, as its {@link #toJson} gave them. */
  public void merge(JsonNode other) {
    for (JsonNode rep : other.path("reps")) {
      Counts counts = byRep.computeIfAbsent(rep.path("repId").asText(), id -> new Counts());
      counts.handedOff += rep.path("handedOff").asInt();
      counts.decided += rep.path("decided").asInt();
      counts.withinSla += rep.path("withinSla").asInt();
      counts.touched += rep.path("touched").asInt();
      counts.firstTouchMillis += rep.path("firstTouchMillisTotal").asLong();
    }
  }

  /** Reps best first: compliance, then time to first touch; reps with nothing decided last. */
  public ObjectNode toJson(String team, Map<String, RepProfile> reps) {
    ObjectNode out = JSON.objectNode().put("team", team);
    out.put("from", from.toString()).put("to", to.toString());
    out.put(
        "basis",
        "first-touch compliance of leads first handed off in [from, to), counted from the leads the"
            + " engine keeps, with the SLA in wall-clock time");
    List<ObjectNode> rows = new ArrayList<>();
    byRep.forEach(
        (repId, c) -> {
          ObjectNode row = JSON.objectNode().put("repId", repId);
          RepProfile profile = reps.get(repId);
          row.put("name", profile == null ? null : profile.getName());
          row.put("handedOff", c.handedOff).put("decided", c.decided);
          row.put("withinSla", c.withinSla).put("touched", c.touched);
          row.put("firstTouchMillisTotal", c.firstTouchMillis);
          if (c.decided == 0) {
            row.putNull("compliance");
          } else {
            row.put("compliance", (double) c.withinSla / c.decided);
          }
          if (c.touched == 0) {
            row.putNull("meanMinutesToFirstTouch");
          } else {
            row.put("meanMinutesToFirstTouch", c.firstTouchMillis / c.touched / 60_000.0);
          }
          row.put("smallSample", c.decided < SMALL_SAMPLE);
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
            .thenComparing(r -> r.get("repId").asText()));
    ArrayNode array = out.putArray("reps");
    rows.forEach(array::add);
    return out;
  }

  private static final class Counts {
    int handedOff;
    int decided;
    int withinSla;
    int touched;
    long firstTouchMillis;
  }
}
