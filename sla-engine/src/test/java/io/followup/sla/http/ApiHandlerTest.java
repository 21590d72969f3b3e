package io.followup.sla.http;

import static io.followup.sla.rules.TestEvents.created;
import static io.followup.sla.rules.TestEvents.h;
import static io.followup.sla.rules.TestEvents.touch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.followup.sla.access.Credential;
import io.followup.sla.access.Users;
import io.followup.sla.events.RepProfile;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.query.Cluster;
import io.followup.sla.query.LocalState;
import io.followup.sla.query.QueryApi;
import io.followup.sla.query.TopologyStores;
import io.followup.sla.rules.TestEvents;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each route of the query API over the engine's real topology and stores, through HTTP as a page
 * calls it: what it answers, and what it refuses (a wrong login, another team's data, an unknown
 * id, bad input), always as JSON.
 */
class ApiHandlerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OPS_TOKEN = "ops-token-for-the-test";
  private static final String KIM_TOKEN = "kim-token-for-the-test";
  private static final Instant NOW = TestEvents.T0.plus(h(100));

  @TempDir static Path dir;
  private static TopologyStores stores;
  private static HttpEndpoints http;
  private static final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    Policy policy = PolicyLoader.builtInDefault();
    stores = new TopologyStores(policy, dir, TestEvents.T0);
    stores.pipe(rep("R-DANA", "Dana Ortiz", "M-SAM", "west"), TestEvents.T0);
    stores.pipe(rep("R-PRIYA", "Priya Nair", "M-SAM", "west"), TestEvents.T0);
    stores.pipe(rep("R-OLA", "Ola Berg", "M-KIM", "east"), TestEvents.T0);
    stores.pipe(rep("M-SAM", "Sam Patel", null, "west"), TestEvents.T0);
    stores.pipe(rep("M-KIM", "Kim Lee", null, "east"), TestEvents.T0);
    stores.pipe(created("L-1", h(0), "INBOUND_FORM", "WARM", "R-DANA"), TestEvents.at(h(0)));
    stores.pipe(created("L-2", h(1), "RFP_REQUEST", "HOT", "R-PRIYA"), TestEvents.at(h(1)));
    stores.pipe(created("L-3", h(2), "WEBINAR", "COLD", "R-OLA"), TestEvents.at(h(2)));
    stores.pipe(created("L-4", h(3), "INBOUND_FORM", "WARM", "R-DANA"), TestEvents.at(h(3)));
    stores.pipe(touch("L-1", h(3), "R-DANA"), TestEvents.at(h(3)));
    // Unassigned: no rep's, no team's.
    stores.pipe(created("L-5", h(4), "INBOUND_FORM", "WARM", null), TestEvents.at(h(4)));
    Users users =
        Users.parse(
            List.of(
                "# ops and two managers",
                "ops-anna ops " + Credential.hashToken(OPS_TOKEN),
                "M-SAM manager " + Credential.hashPassword("sam-password", new SecureRandom()),
                "M-KIM manager " + Credential.hashToken(KIM_TOKEN)));
    QueryApi api =
        new QueryApi(
            new LocalState(stores),
            Cluster.single(),
            () -> policy,
            Clock.fixed(NOW, ZoneOffset.UTC));
    http =
        HttpEndpoints.start(
            "127.0.0.1",
            0,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            Optional::<String>empty,
            Optional.of(new ApiHandler(users, api)));
  }

  @AfterAll
  static void stop() {
    http.close();
    stores.close();
  }

  private static RepProfile rep(String id, String name, String manager, String team) {
    return RepProfile.newBuilder()
        .setRepId(id)
        .setName(name)
        .setManagerId(manager)
        .setTeam(team)
        .build();
  }

  private static HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode ok(String path) throws Exception {
    HttpResponse<String> response = get(path, "Bearer " + OPS_TOKEN);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    return JSON.readTree(response.body());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A refusal: the status, JSON, and one sentence. */
  private static void refused(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.size()).isEqualTo(1);
    String sentence = body.get("error").asText();
    assertThat(sentence).matches("[A-Za-z].*[.]").doesNotContain("\n");
    assertThat(sentence.split("\\. ")).hasSize(1);
  }

  @Test
  void aLeadHasItsFactsClocksTouchesAndTimeline() throws Exception {
    JsonNode lead = ok("/api/leads/L-1");

    assertThat(lead.get("leadId").asText()).isEqualTo("L-1");
    assertThat(lead.at("/facts/ownerRepId").asText()).isEqualTo("R-DANA");
    assertThat(lead.at("/facts/ownerName").asText()).isEqualTo("Dana Ortiz");
    assertThat(lead.at("/facts/team").asText()).isEqualTo("west");
    assertThat(lead.at("/facts/createdAt").asText()).isEqualTo(TestEvents.T0.toString());
    assertThat(lead.get("touches")).hasSize(1);
    assertThat(lead.at("/touches/0/repId").asText()).isEqualTo("R-DANA");
    assertThat(lead.at("/touches/0/countsWhereOnlyPersonalized").asBoolean()).isTrue();
    List<String> kinds = new ArrayList<>();
    lead.get("timeline").forEach(e -> kinds.add(e.get("kind").asText()));
    assertThat(kinds).startsWith("created").contains("touch");
    assertThat(lead.get("stale").asBoolean()).isFalse();
    // Touched: the first-touch clock has stopped, so none of its clocks is first-touch.
    lead.get("clocks")
        .forEach(c -> assertThat(c.get("ruleId").asText()).isNotEqualTo("first-touch"));

    JsonNode untouched = ok("/api/leads/L-4");
    assertThat(untouched.get("clocks"))
        .anySatisfy(c -> assertThat(c.get("ruleId").asText()).isEqualTo("first-touch"));
  }

  @Test
  void aWrongOrMissingLoginIs401() throws Exception {
    refused(get("/api/leads/L-1", "Bearer not-the-token"), 401);
    refused(get("/api/leads/L-1", null), 401);
    refused(get("/api/leads/L-1", basic("M-SAM", "wrong")), 401);
    refused(get("/api/leads/L-1", basic("nobody", "sam-password")), 401);
    refused(get("/api/openapi.json", null), 401);
    assertThat(get("/api/leads/L-1", null).headers().firstValue("WWW-Authenticate")).isPresent();
  }

  @Test
  void aManagerSeesTheirTeamAndIsRefusedAnother() throws Exception {
    assertThat(get("/api/leads/L-1", basic("M-SAM", "sam-password")).statusCode()).isEqualTo(200);
    refused(get("/api/leads/L-1", "Bearer " + KIM_TOKEN), 403);
    assertThat(get("/api/leads/L-3", "Bearer " + KIM_TOKEN).statusCode()).isEqualTo(200);
    refused(get("/api/leads/L-3", basic("M-SAM", "sam-password")), 403);
    // An unassigned lead belongs to no team: ops only.
    refused(get("/api/leads/L-5", basic("M-SAM", "sam-password")), 403);
    assertThat(get("/api/leads/L-5", "Bearer " + OPS_TOKEN).statusCode()).isEqualTo(200);
    refused(get("/api/teams/east/at-risk", basic("M-SAM", "sam-password")), 403);
    refused(get("/api/reps/R-OLA/at-risk", basic("M-SAM", "sam-password")), 403);
    refused(get("/api/teams/west/leaderboard", "Bearer " + KIM_TOKEN), 403);
  }

  @Test
  void unknownIdsAre404() throws Exception {
    refused(get("/api/leads/L-404", "Bearer " + OPS_TOKEN), 404);
    refused(get("/api/reps/R-NOBODY/at-risk", "Bearer " + OPS_TOKEN), 404);
    refused(get("/api/teams/north/at-risk", "Bearer " + OPS_TOKEN), 404);
    refused(get("/api/accounts/A-404/coverage", "Bearer " + OPS_TOKEN), 404);
    refused(get("/api/teams/north/leaderboard", "Bearer " + OPS_TOKEN), 404);
    refused(get("/api/nothing/here", "Bearer " + OPS_TOKEN), 404);
  }

  @Test
  void badInputIs400() throws Exception {
    String ops = "Bearer " + OPS_TOKEN;
    refused(get("/api/teams/west/at-risk?limit=abc", ops), 400);
    refused(get("/api/teams/west/at-risk?limit=0", ops), 400);
    refused(get("/api/teams/west/at-risk?limit=501", ops), 400);
    refused(get("/api/teams/west/at-risk?colour=red", ops), 400);
    refused(get("/api/leads/L-1?limit=3", ops), 400);
    refused(get("/api/teams/west/leaderboard?week=yesterday", ops), 400);
    refused(get("/api/teams/west/leaderboard?week=", ops), 400);
    refused(get("/api/teams/west/leaderboard?week=last&week=current", ops), 400);
    refused(get("/api/teams/west/leaderboard?from=March&to=2026-03-08", ops), 400);
    refused(get("/api/teams/west/leaderboard?from=2026-03-09&to=2026-03-09", ops), 400);
    refused(get("/api/teams/west/leaderboard?week=last&from=2026-03-02", ops), 400);
    // The review keeps this week and last: a range reaching further is refused, not cut short.
    refused(get("/api/teams/west/leaderboard?from=2026-02-23&to=2026-03-16", ops), 400);
    refused(get("/api/leads/%0A", ops), 400);
    refused(get("/api/leads/" + "x".repeat(201), ops), 400);
  }

  @Test
  void onlyGetIsAllowed() throws Exception {
    HttpResponse<String> post =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/api/leads/L-1"))
                .header("Authorization", "Bearer " + OPS_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    refused(post, 405);
  }

  @Test
  void atRiskListsTheTeamsOpenClocksSoonestFirst() throws Exception {
    JsonNode west = ok("/api/teams/west/at-risk");

    List<String> leads = new ArrayList<>();
    List<String> due = new ArrayList<>();
    west.get("clocks")
        .forEach(
            c -> {
              leads.add(c.get("leadId").asText());
              due.add(c.get("dueAt").asText());
              assertThat(c.get("team").asText()).isEqualTo("west");
              assertThat(c.get("stage").asText()).isIn("RUNNING", "WARNED");
            });
    assertThat(leads).contains("L-2", "L-4").doesNotContain("L-3");
    assertThat(due).isSorted();
    assertThat(west.get("partial").asBoolean()).isFalse();

    JsonNode first = ok("/api/teams/west/at-risk?limit=1");
    assertThat(first.get("clocks")).hasSize(1);
    assertThat(first.at("/clocks/0/leadId").asText()).isEqualTo(leads.get(0));

    JsonNode dana = ok("/api/reps/R-DANA/at-risk");
    dana.get("clocks").forEach(c -> assertThat(c.get("ownerRepId").asText()).isEqualTo("R-DANA"));
    assertThat(dana.get("clocks")).isNotEmpty();
  }

  @Test
  void coverageCountsEachMembersTouchesAgainstTheTarget() throws Exception {
    JsonNode account = ok("/api/accounts/A-1/coverage");

    assertThat(account.get("accountName").asText()).isEqualTo("Acme Biologics");
    assertThat(account.get("members")).hasSize(5);
    int owed = account.get("touchesOwed").asInt();
    assertThat(owed).isPositive();
    account
        .get("members")
        .forEach(
            m -> {
              int expected = m.get("leadId").asText().equals("L-1") ? 1 : 0;
              assertThat(m.get("touches").asInt()).as(m.toString()).isEqualTo(expected);
              assertThat(m.get("covered").asBoolean()).isEqualTo(expected >= owed);
            });
    // A manager sees an account when one of its leads is their team's.
    assertThat(get("/api/accounts/A-1/coverage", "Bearer " + KIM_TOKEN).statusCode())
        .isEqualTo(200);
  }

  @Test
  void theLeaderboardRanksRepsByComplianceInTheReviewsWeekWithTheirCounts() throws Exception {
    // L-1's first touch came in time on Friday 6 March; the review counted it in that week, which
    // has ended by now (Tuesday 10 March): it is last week's.
    JsonNode last = ok("/api/teams/west/leaderboard?week=last");
    assertThat(last.get("week").asText()).isEqualTo("2026-W10");
    assertThat(last.get("from").asText()).isEqualTo("2026-03-02T00:00:00Z");
    assertThat(last.get("to").asText()).isEqualTo("2026-03-09T00:00:00Z");
    JsonNode first = last.at("/reps/0");
    assertThat(first.get("repId").asText()).isEqualTo("R-DANA");
    assertThat(first.get("name").asText()).isEqualTo("Dana Ortiz");
    assertThat(first.get("withinSla").asInt()).isEqualTo(1);
    assertThat(first.get("missed").asInt()).isZero();
    assertThat(first.get("decided").asInt()).isEqualTo(1);
    assertThat(first.get("compliance").asDouble()).isEqualTo(1.0);
    assertThat(first.get("smallSample").asBoolean()).isTrue();
    // L-1 and L-4 were handed off to R-DANA; L-1 was touched 3 hours after.
    assertThat(first.get("handedOff").asInt()).isEqualTo(2);
    assertThat(first.get("touched").asInt()).isEqualTo(1);
    assertThat(first.get("meanMinutesToFirstTouch").asDouble()).isEqualTo(180.0);
    assertThat(first.get("meanTimeToFirstTouch").asText()).isEqualTo("PT3H");
    assertThat(last.at("/reps/1/compliance").isNull()).isTrue();
    assertThat(last.get("stale").asBoolean()).isFalse();

    JsonNode current = ok("/api/teams/west/leaderboard");
    assertThat(current.get("week").asText()).isEqualTo("2026-W11");
    assertThat(current.get("reps")).hasSize(3);
    current.get("reps").forEach(r -> assertThat(r.get("compliance").isNull()).isTrue());

    // Both weeks by range: the sum, the same here as last week's since this week has nothing yet.
    JsonNode both = ok("/api/teams/west/leaderboard?from=2026-03-02&to=2026-03-16");
    assertThat(both.get("weeks").toString()).isEqualTo("[\"2026-W10\",\"2026-W11\"]");
    assertThat(both.get("from").asText()).isEqualTo("2026-03-02T00:00:00Z");
    assertThat(both.get("to").asText()).isEqualTo("2026-03-16T00:00:00Z");
    assertThat(both.at("/reps/0/repId").asText()).isEqualTo("R-DANA");
    assertThat(both.at("/reps/0/handedOff").asInt()).isEqualTo(2);
    assertThat(both.at("/reps/0/meanTimeToFirstTouch").asText()).isEqualTo("PT3H");
    // Then those with nothing decided, by id: M-SAM, R-PRIYA.
    JsonNode priya = both.at("/reps/2");
    assertThat(priya.get("repId").asText()).isEqualTo("R-PRIYA");
    assertThat(priya.get("handedOff").asInt()).isEqualTo(1);
    assertThat(priya.get("touched").asInt()).isZero();
    assertThat(priya.get("meanTimeToFirstTouch").isNull()).isTrue();

    refused(get("/api/teams/west/leaderboard?week=next", "Bearer " + OPS_TOKEN), 400);
    // Sunday 1 March is in the week before last.
    refused(get("/api/teams/west/leaderboard?from=2026-03-01", "Bearer " + OPS_TOKEN), 400);
    refused(get("/api/teams/west/leaderboard", "Bearer " + KIM_TOKEN), 403);
  }

  @Test
  void everyDocumentedRouteIsServed() throws Exception {
    // With OpenApiDocumentTest (the document names exactly these routes): what is documented is
    // served, and a route not in the list is not.
    for (String route : ApiHandler.ROUTES) {
      String path =
          route
              .replace("{leadId}", "L-1")
              .replace("{repId}", "R-DANA")
              .replace("{team}", "west")
              .replace("{accountId}", "A-1");
      assertThat(get(path, "Bearer " + OPS_TOKEN).statusCode()).as(path).isEqualTo(200);
    }
    refused(get("/api/leads", "Bearer " + OPS_TOKEN), 404);
    refused(get("/api/reps/R-DANA", "Bearer " + OPS_TOKEN), 404);
  }

  @Test
  void theOpenApiDocumentIsServed() throws Exception {
    JsonNode doc = ok("/api/openapi.json");
    assertThat(doc.get("openapi").asText()).startsWith("3.1");
  }
}
