package io.followup.sla.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.events.RepProfile;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.RuleId;
import io.followup.sla.review.ReviewZone;
import io.followup.sla.rules.AccountState;
import io.followup.sla.rules.BuyingGroupMember;
import io.followup.sla.rules.LeadState;
import io.followup.sla.streams.StoreNames;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The answers of the query API. A lead or an account is answered by the instance whose active task
 * holds it: this one, or the one the Streams metadata names, asked over HTTP; when that one does
 * not answer, by an instance with a standby copy, marked {@code "stale": true}; so is a team's
 * weekly-review view (its overdue list, its leaderboard), from the instance that holds the team's
 * review. A rep's or a team's at-risk list is gathered from every instance and merged ({@code
 * "partial": true} when one did not answer).
 */
public final class QueryApi {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final LocalState local;
  private final Cluster cluster;
  private final Supplier<Policy> policy;
  private final Clock clock;

  public QueryApi(LocalState local, Cluster cluster, Supplier<Policy> policy, Clock clock) {
    this.local = local;
    this.cluster = cluster;
    this.policy = policy;
    this.clock = clock;
  }

  /** The reps as they stand now, for a caller's scope. */
  public List<RepProfile> reps() {
    return local.reps();
  }

  public Answer lead(String leadId, QueryRequest request) {
    return keyed(
        StoreNames.LEAD_STATE,
        leadId,
        "lead " + leadId,
        request,
        stale -> {
          Optional<LeadState> lead = local.lead(leadId, stale);
          if (lead.isEmpty()) {
            return Answer.error(404, "No lead " + leadId + " is known to the engine.");
          }
          Function<String, Optional<RepProfile>> reps = repLookup();
          String team =
              reps.apply(lead.get().getOwnerRepId()).map(RepProfile::getTeam).orElse(null);
          if (!request.scope().allowsTeam(team)) {
            return Answer.error(403, "Lead " + leadId + " belongs to a team you may not see.");
          }
          return Answer.ok(Views.lead(lead.get(), reps));
        });
  }

  public Answer coverage(String accountId, QueryRequest request) {
    return keyed(
        StoreNames.ACCOUNT_STATE,
        accountId,
        "account " + accountId,
        request,
        stale -> {
          Optional<AccountState> account = local.account(accountId, stale);
          if (account.isEmpty()) {
            return Answer.error(404, "No account " + accountId + " is known to the engine.");
          }
          Function<String, Optional<RepProfile>> reps = repLookup();
          boolean visible = request.scope().everything();
          for (BuyingGroupMember m : account.get().getMembers().values()) {
            String team = reps.apply(m.ownerRepId()).map(RepProfile::getTeam).orElse(null);
            visible |= team != null && request.scope().allowsTeam(team);
          }
          if (!visible) {
            return Answer.error(
                403, "Account " + accountId + " has no lead of a team you may see.");
          }
          return Answer.ok(
              Views.coverage(account.get(), policy.get().settings(RuleId.BUYING_GROUP_COVERAGE)));
        });
  }

  public Answer repAtRisk(String repId, int limit, QueryRequest request) {
    Optional<RepProfile> rep = local.rep(repId);
    if (rep.isEmpty()) {
      return Answer.error(404, "No rep " + repId + " is in sales.reps.");
    }
    if (!request.scope().allowsTeam(rep.get().getTeam())) {
      return Answer.error(403, "Rep " + repId + " is in a team you may not see.");
    }
    ObjectNode out = atRisk(lead -> repId.equals(lead.getOwnerRepId()), limit, request);
    out.put("repId", repId).put("team", rep.get().getTeam());
    return Answer.ok(out);
  }

  public Answer teamAtRisk(String team, int limit, QueryRequest request) {
    Map<String, RepProfile> members = team(team);
    if (members.isEmpty()) {
      return Answer.error(404, "No rep of team " + team + " is in sales.reps.");
    }
    if (!request.scope().allowsTeam(team)) {
      return Answer.error(403, "Team " + team + " is not one you may see.");
    }
    ObjectNode out = atRisk(lead -> members.containsKey(lead.getOwnerRepId()), limit, request);
    out.put("team", team);
    return Answer.ok(out);
  }

  /**
   * The team's open clocks already breached or escalated, longest overdue first: listed by the
   * instance that holds the team's weekly review (a standby's copy when it does not answer, marked
   * stale), each confirmed by its lead, read by key where the lead lives (see {@link Overdue}). A
   * request forwarded here by another instance gets the review's candidates only; the instance the
   * user asked reads the leads, so no request is forwarded twice.
   */
  public Answer teamOverdue(String team, int limit, QueryRequest request) {
    Map<String, RepProfile> members = team(team);
    if (members.isEmpty()) {
      return Answer.error(404, "No rep of team " + team + " is in sales.reps.");
    }
    if (!request.scope().allowsTeam(team)) {
      return Answer.error(403, "Team " + team + " is not one you may see.");
    }
    Answer listed =
        keyed(
            StoreNames.TEAM_OPEN_CLOCKS,
            team,
            "team " + team + "'s review",
            request,
            stale -> Answer.ok(Overdue.candidates(local.teamOpenClocks(team, stale), limit)));
    if (request.hop() != Hop.USER || !listed.isOk()) {
      return listed;
    }
    boolean stale = listed.body().path("stale").asBoolean();
    List<String> unanswered = new ArrayList<>();
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode candidate : listed.body().path("candidates")) {
      if (rows.size() >= limit) {
        break;
      }
      String leadId = candidate.path("leadId").asText();
      Answer lead =
          lead(
              leadId,
              new QueryRequest(
                  request.scope(),
                  Hop.USER,
                  "/api/leads/"
                      + URLEncoder.encode(leadId, StandardCharsets.UTF_8).replace("+", "%20"),
                  request.authorization()));
      if (lead.status() == 503) {
        unanswered.add("lead " + leadId);
      } else if (lead.isOk()) {
        ObjectNode row = Overdue.row(lead.body(), candidate.path("ruleId").asText(), team);
        if (row != null) {
          rows.add(row);
          stale |= lead.body().path("stale").asBoolean();
        }
      }
    }
    sortByDue(rows);
    ObjectNode out = JSON.objectNode().put("limit", limit);
    ArrayNode clocks = out.putArray("clocks");
    rows.forEach(clocks::add);
    out.put("visited", listed.body().path("visited").asLong());
    out.put("stale", stale);
    out.put("partial", !unanswered.isEmpty());
    ArrayNode missing = out.putArray("unanswered");
    unanswered.forEach(missing::add);
    out.put("team", team);
    return Answer.ok(out);
  }

  /**
   * The team's reps by SLA compliance and time to first touch in the week running now, or the week
   * before, in the team manager's zone, from the weekly review's counts: answered by the instance
   * that holds the team's review, or a standby's copy when it does not answer (marked stale).
   */
  public Answer leaderboard(String team, boolean lastWeek, QueryRequest request) {
    return leaderboard(
        team, lastWeek ? Leaderboard.Window.lastWeek() : Leaderboard.Window.currentWeek(), request);
  }

  /**
   * The same over the whole weeks that overlap [from, to), summed (either end may be null, not
   * both); 400 for a range beyond the two weeks the review keeps.
   */
  public Answer leaderboard(String team, RangeBound from, RangeBound to, QueryRequest request) {
    return leaderboard(team, Leaderboard.Window.between(from, to), request);
  }

  private Answer leaderboard(String team, Leaderboard.Window window, QueryRequest request) {
    Map<String, RepProfile> members = team(team);
    if (members.isEmpty()) {
      return Answer.error(404, "No rep of team " + team + " is in sales.reps.");
    }
    if (!request.scope().allowsTeam(team)) {
      return Answer.error(403, "Team " + team + " is not one you may see.");
    }
    Function<String, Optional<RepProfile>> reps = repLookup();
    // A team has one manager: any member's review zone is the team's.
    ZoneId zone = ReviewZone.of(members.keySet().iterator().next(), id -> reps.apply(id));
    return keyed(
        StoreNames.TEAM_WEEKS,
        team,
        "team " + team + "'s review",
        request,
        stale -> {
          try {
            return Answer.ok(
                Leaderboard.of(
                    team,
                    local.teamWeek(team, stale),
                    zone,
                    clock.instant(),
                    window,
                    members,
                    reps));
          } catch (IllegalArgumentException outOfRange) {
            return Answer.error(400, outOfRange.getMessage());
          }
        });
  }

  private ObjectNode atRisk(Predicate<LeadState> keep, int limit, QueryRequest request) {
    return clocks(() -> local.atRisk(keep, limit), limit, request);
  }

  /** A list of clocks gathered from every instance, each walking its own, merged by due time. */
  private ObjectNode clocks(Supplier<LocalState.Walk> localWalk, int limit, QueryRequest request) {
    Supplier<Answer> here =
        () -> {
          LocalState.Walk walk = localWalk.get();
          Function<String, Optional<RepProfile>> reps = repLookup();
          ObjectNode out = JSON.objectNode().put("visited", walk.visited());
          ArrayNode clocks = out.putArray("clocks");
          walk.clocks().forEach(c -> clocks.add(Views.atRisk(c, reps)));
          return Answer.ok(out);
        };
    Gathered gathered = gather(request, here);
    List<JsonNode> rows = new ArrayList<>();
    long visited = 0;
    for (ObjectNode answer : gathered.answers) {
      answer.path("clocks").forEach(rows::add);
      visited += answer.path("visited").asLong();
    }
    sortByDue(rows);
    ObjectNode out = JSON.objectNode();
    out.put("limit", limit);
    ArrayNode clocks = out.putArray("clocks");
    rows.stream().limit(limit).forEach(clocks::add);
    out.put("visited", visited);
    gathered.mark(out);
    return out;
  }

  /** Rows of clock lists by due time, then lead. */
  private static void sortByDue(List<JsonNode> rows) {
    // ISO-8601 instants of one format sort as text in time order.
    rows.sort(
        (a, b) -> {
          int byDue = a.path("dueAt").asText().compareTo(b.path("dueAt").asText());
          return byDue != 0
              ? byDue
              : a.path("leadId").asText().compareTo(b.path("leadId").asText());
        });
  }

  private Map<String, RepProfile> team(String team) {
    Map<String, RepProfile> members = new LinkedHashMap<>();
    for (RepProfile rep : local.reps()) {
      if (team.equals(rep.getTeam())) {
        members.put(rep.getRepId(), rep);
      }
    }
    return members;
  }

  private Function<String, Optional<RepProfile>> repLookup() {
    Map<String, Optional<RepProfile>> seen = new HashMap<>();
    return id -> id == null ? Optional.empty() : seen.computeIfAbsent(id, local::rep);
  }

  /** Answers about one key from where its state lives (see the class comment). */
  private Answer keyed(
      String store,
      String key,
      String what,
      QueryRequest request,
      Function<Boolean, Answer> fromStores) {
    Function<Boolean, Answer> here = stale -> here(fromStores, stale);
    if (request.hop() != Hop.USER) {
      return here.apply(request.hop() == Hop.STALE_OK);
    }
    Placement placement = cluster.placement(store, key);
    if (placement.active().isEmpty() || cluster.isSelf(placement.active().get())) {
      Answer answer = here.apply(false);
      return answer.status() != 503 ? answer : here.apply(true);
    }
    Optional<Answer> fromOwner =
        cluster.forward(
            placement.active().get(), request.pathAndQuery(), request.authorization(), Hop.LOCAL);
    if (fromOwner.isPresent() && fromOwner.get().status() != 503) {
      return fromOwner.get();
    }
    for (HostInfo standby : placement.standbys()) {
      Optional<Answer> answer =
          cluster.isSelf(standby)
              ? Optional.of(here.apply(true))
              : cluster.forward(
                  standby, request.pathAndQuery(), request.authorization(), Hop.STALE_OK);
      if (answer.isPresent() && answer.get().status() != 503) {
        return answer.get();
      }
    }
    return Answer.error(
        503,
        "The instance that holds "
            + what
            + " did not answer and no standby copy could; try again shortly.");
  }

  private Answer here(Function<Boolean, Answer> fromStores, boolean stale) {
    Answer answer;
    try {
      answer = fromStores.apply(stale);
    } catch (InvalidStateStoreException e) {
      return Answer.error(
          503,
          "The engine's state cannot be read here right now (it is starting or rebalancing); try"
              + " again shortly.");
    }
    if (answer.isOk()) {
      answer.body().put("stale", stale);
      answer.body().put("servedBy", servedBy());
    }
    return answer;
  }

  private String servedBy() {
    return cluster.self().map(h -> h.host() + ":" + h.port()).orElse("this instance");
  }

  /** This instance's answer and every other instance's, for a list gathered from all of them. */
  private Gathered gather(QueryRequest request, Supplier<Answer> here) {
    Gathered gathered = new Gathered();
    List<HostInfo> instances = cluster.instances();
    if (request.hop() != Hop.USER || instances.isEmpty()) {
      gathered.add(null, Optional.of(hereOrUnavailable(here)));
      return gathered;
    }
    for (HostInfo instance : instances) {
      gathered.add(
          instance,
          cluster.isSelf(instance)
              ? Optional.of(hereOrUnavailable(here))
              : cluster.forward(
                  instance, request.pathAndQuery(), request.authorization(), Hop.LOCAL));
    }
    return gathered;
  }

  private static Answer hereOrUnavailable(Supplier<Answer> here) {
    try {
      return here.get();
    } catch (InvalidStateStoreException e) {
      return Answer.error(503, "The engine's state cannot be read here right now.");
    }
  }

  private static final class Gathered {
    final List<ObjectNode> answers = new ArrayList<>();
    final List<String> missing = new ArrayList<>();

    void add(HostInfo from, Optional<Answer> answer) {
      if (answer.isPresent() && answer.get().isOk()) {
        answers.add(answer.get().body());
      } else {
        missing.add(from == null ? "this instance" : from.host() + ":" + from.port());
      }
    }

    /** Says whether every instance answered, and which did not. */
    void mark(ObjectNode out) {
      out.put("partial", !missing.isEmpty());
      ArrayNode unanswered = out.putArray("unanswered");
      missing.forEach(unanswered::add);
    }
  }
}
