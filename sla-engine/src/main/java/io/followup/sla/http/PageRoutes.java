package io.followup.sla.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.access.User;
import io.followup.sla.events.RepProfile;
import io.followup.sla.query.Answer;
import io.followup.sla.query.QueryApi;
import io.followup.sla.query.QueryRequest;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The two routes the manager's page needs beside the read API's own: who is logged in and which
 * teams they may see ({@code /api/me}, to fill the team picker), and a team's clocks already
 * breached or escalated ({@code /api/teams/{team}/overdue}; the at-risk list stops at the breach).
 * {@link ApiHandler} has logged the caller in and asks here before it answers 404.
 */
final class PageRoutes {

  static final String ME = "/api/me";
  static final String OVERDUE = "/api/teams/{team}/overdue";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final QueryApi api;

  PageRoutes(QueryApi api) {
    this.api = api;
  }

  /** The answer for one of these routes, or null when the path is none of them. */
  Answer answer(String[] seg, Map<String, String> params, User user, QueryRequest request) {
    if (seg.length == 2 && seg[1].equals("me")) {
      Answer bad = ApiHandler.only(params, Set.of());
      return bad != null ? bad : Answer.ok(me(user, request));
    }
    if (seg.length == 4 && seg[1].equals("teams") && seg[3].equals("overdue")) {
      return ApiHandler.withId(
          seg[2],
          "team",
          params,
          Set.of("limit"),
          team -> {
            int limit;
            try {
              limit = ApiHandler.limit(params.get("limit"));
            } catch (IllegalArgumentException e) {
              return Answer.error(400, e.getMessage());
            }
            return api.teamOverdue(team, limit, request);
          });
    }
    return null;
  }

  private ObjectNode me(User user, QueryRequest request) {
    ObjectNode out = JSON.objectNode().put("name", user.name()).put("role", user.role().id());
    Set<String> teams = new TreeSet<>();
    for (RepProfile rep : api.reps()) {
      if (rep.getTeam() != null && request.scope().allowsTeam(rep.getTeam())) {
        teams.add(rep.getTeam());
      }
    }
    ArrayNode array = out.putArray("teams");
    teams.forEach(array::add);
    return out;
  }
}
