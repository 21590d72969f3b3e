package io.followup.sla.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.policy.RuleId;
import io.followup.sla.review.OpenClock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A team's open clocks already breached (and those escalated since), longest overdue first, from
 * the weekly review's record of the team's breaches: it costs the team's own breached clocks, not
 * every lead the instance holds.
 *
 * <p>Two steps, because the two halves live under different keys. The instance that holds the
 * team's review lists candidates, soonest due first ({@link #candidates}); the instance the user
 * asked then reads each listed lead by key where it lives and keeps the clock if the lead still
 * shows it breached and is still the team's ({@link #row}). So a clock closed a moment ago, whose
 * close is still on its way to the review, or a lead handed to another team, does not show.
 */
final class Overdue {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<String> OVERDUE_STAGES = Set.of("BREACHED", "ESCALATED");

  private static final Comparator<OpenClock> BY_DUE =
      Comparator.comparing(OpenClock::dueAt)
          .thenComparing(OpenClock::key)
          .thenComparing(OpenClock::rule);

  private Overdue() {}

  /**
   * How many candidates to list for a list of {@code limit}: some to spare, so that a few not
   * confirmed by their leads still leave the list full.
   */
  static int candidatesFor(int limit) {
    return 2 * limit;
  }

  /**
   * The team's breached lead clocks, soonest due first, at most {@code candidatesFor(limit)}; with
   * {@code visited}, the review entries read.
   */
  static ObjectNode candidates(List<OpenClock> open, int limit) {
    ObjectNode out = JSON.objectNode().put("visited", open.size());
    ArrayNode candidates = out.putArray("candidates");
    open.stream()
        // An account-level clock is keyed by its account, not a lead: the list shows leads.
        .filter(c -> c.rule() != RuleId.BUYING_GROUP_COVERAGE)
        .sorted(BY_DUE)
        .limit(candidatesFor(limit))
        .forEach(
            c ->
                candidates
                    .addObject()
                    .put("ruleId", c.rule().id())
                    .put("leadId", c.key())
                    .put("dueAt", c.dueAt().toString()));
    return out;
  }

  /**
   * The list's row for a candidate, from its lead as {@link Views#lead} shows it, in the shape of
   * {@link Views#atRisk}; null when the lead no longer shows the clock overdue, is closed, or is
   * another team's now.
   */
  static ObjectNode row(JsonNode lead, String ruleId, String team) {
    JsonNode facts = lead.path("facts");
    if (!facts.path("open").asBoolean() || !team.equals(facts.path("team").asText(null))) {
      return null;
    }
    for (JsonNode clock : lead.path("clocks")) {
      if (ruleId.equals(clock.path("ruleId").asText())
          && OVERDUE_STAGES.contains(clock.path("stage").asText())) {
        ObjectNode row = clock.deepCopy();
        row.put("leadId", lead.path("leadId").asText());
        for (String field :
            List.of(
                "contactName", "accountName", "priority", "source", "ownerRepId", "ownerName")) {
          row.set(field, facts.path(field).isMissingNode() ? JSON.nullNode() : facts.get(field));
        }
        row.put("team", team);
        return row;
      }
    }
    return null;
  }
}
