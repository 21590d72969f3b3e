package io.followup.sla.http;

import static io.followup.sla.rules.TestEvents.created;
import static io.followup.sla.rules.TestEvents.h;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the manager's page reads beyond the query API's own routes, over the real topology's stores
 * through HTTP: who is logged in and which teams they see, a team's breached and escalated clocks
 * (the at-risk list stops at the breach), and the page's static files, served without a login and
 * without lead data.
 */
class PageRoutesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OPS_TOKEN = "ops-token-for-the-page-test";
  private static final String SAM_TOKEN = "sam-token-for-the-page-test";
  private static final Instant NOW = TestEvents.T0.plus(h(31));

  @TempDir static Path dir;
  private static TopologyStores stores;
  private static HttpEndpoints http;
  private static final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    Policy policy = PolicyLoader.builtInDefault();
    stores = new TopologyStores(policy, dir, TestEvents.T0);
    stores.pipe(rep("R-DANA", "M-SAM", "west"), TestEvents.T0);
    stores.pipe(rep("R-OLA", "M-KIM", "east"), TestEvents.T0);
    stores.pipe(rep("M-SAM", null, "west"), TestEvents.T0);
    stores.pipe(rep("M-KIM", null, "east"), TestEvents.T0);
    // The default policy: an RFP's first touch is due in 4 h, escalated 24 h after that.
    stores.pipe(created("L-LATE", h(0), "RFP_REQUEST", "WARM", "R-DANA"), TestEvents.at(h(0)));
    stores.pipe(created("L-EAST", h(0), "RFP_REQUEST", "WARM", "R-OLA"), TestEvents.at(h(0)));
    stores.pipe(created("L-MISSED", h(2), "WEBINAR", "COLD", "R-DANA"), TestEvents.at(h(2)));
    stores.advanceWallClock(h(29));
    stores.pipe(created("L-FRESH", h(29), "INBOUND_FORM", "WARM", "R-DANA"), TestEvents.at(h(29)));
    // Unassigned: no rep's, which the leaderboard must pass over.
    stores.pipe(created("L-NOBODY", h(29), "WEBINAR", "COLD", null), TestEvents.at(h(29)));
    stores.advanceWallClock(h(2));
    Users users =
        Users.parse(
            List.of(
                "ops-anna ops " + Credential.hashToken(OPS_TOKEN),
                "M-SAM manager " + Credential.hashToken(SAM_TOKEN)));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    QueryApi api = new QueryApi(new LocalState(stores), Cluster.single(), () -> policy, clock);
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

  private static RepProfile rep(String id, String manager, String team) {
    return RepProfile.newBuilder()
        .setRepId(id)
        .setName(id)
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

  private static JsonNode ok(String path, String token) throws Exception {
    HttpResponse<String> response = get(path, "Bearer " + token);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void meNamesTheLoginAndTheTeamsItMaySee() throws Exception {
    JsonNode sam = ok("/api/me", SAM_TOKEN);
    assertThat(sam.get("name").asText()).isEqualTo("M-SAM");
    assertThat(sam.get("role").asText()).isEqualTo("manager");
    assertThat(sam.get("teams").toString()).isEqualTo("[\"west\"]");

    JsonNode ops = ok("/api/me", OPS_TOKEN);
    assertThat(ops.get("role").asText()).isEqualTo("ops");
    assertThat(ops.get("teams").toString()).isEqualTo("[\"east\",\"west\"]");

    assertThat(get("/api/me", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/me?x=1", "Bearer " + OPS_TOKEN).statusCode()).isEqualTo(400);
  }

  @Test
  void overdueListsTheTeamsBreachedAndEscalatedClocksWhichAtRiskDoesNot() throws Exception {
    JsonNode overdue = ok("/api/teams/west/overdue", SAM_TOKEN);
    List<String> leads = new ArrayList<>();
    List<String> due = new ArrayList<>();
    for (JsonNode c : overdue.get("clocks")) {
      leads.add(c.get("leadId").asText());
      due.add(c.get("dueAt").asText());
      assertThat(c.get("team").asText()).isEqualTo("west");
      assertThat(c.get("ruleId").asText()).isEqualTo("first-touch");
    }
    // L-LATE was due at 4 h and escalated at 28 h; a webinar's first touch is owed within the
    // default 48 h, so L-MISSED is at 31 h only at risk.
    assertThat(leads).containsExactly("L-LATE");
    assertThat(overdue.at("/clocks/0/stage").asText()).isEqualTo("ESCALATED");
    assertThat(overdue.at("/clocks/0/dueAt").asText()).isEqualTo(TestEvents.at(h(4)).toString());
    assertThat(due).isSorted();
    assertThat(overdue.get("partial").asBoolean()).isFalse();

    List<String> atRisk = new ArrayList<>();
    ok("/api/teams/west/at-risk", SAM_TOKEN)
        .get("clocks")
        .forEach(c -> atRisk.add(c.get("leadId").asText()));
    assertThat(atRisk).contains("L-MISSED", "L-FRESH").doesNotContain("L-LATE", "L-EAST");

    // East has its own breach; west's manager may not see it.
    assertThat(ok("/api/teams/east/overdue", OPS_TOKEN).at("/clocks/0/leadId").asText())
        .isEqualTo("L-EAST");
    assertThat(get("/api/teams/east/overdue", "Bearer " + SAM_TOKEN).statusCode()).isEqualTo(403);
    assertThat(ok("/api/teams/west/overdue?limit=1", SAM_TOKEN).get("clocks")).hasSize(1);
    assertThat(get("/api/teams/west/overdue?limit=0", "Bearer " + SAM_TOKEN).statusCode())
        .isEqualTo(400);
    assertThat(get("/api/teams/north/overdue", "Bearer " + OPS_TOKEN).statusCode()).isEqualTo(404);
  }

  @Test
  void theLeaderboardListsTheTeamsRepsAndNoUnassignedLead() throws Exception {
    // Nothing of west's has ended yet: L-LATE is overdue but open, so its clock counts in no week
    // yet; its hand-off does.
    JsonNode board = ok("/api/teams/west/leaderboard", SAM_TOKEN);
    assertThat(board.get("week").asText()).isEqualTo("2026-W10");
    List<String> reps = new ArrayList<>();
    for (JsonNode r : board.get("reps")) {
      reps.add(r.get("repId").asText());
      assertThat(r.get("decided").asInt()).isZero();
      assertThat(r.get("compliance").isNull()).isTrue();
    }
    assertThat(reps).containsExactly("M-SAM", "R-DANA");
    // Handed off this week, none touched: counted as such, no mean time to first touch.
    JsonNode dana = board.at("/reps/1");
    assertThat(dana.get("handedOff").asInt()).isEqualTo(3);
    assertThat(dana.get("touched").asInt()).isZero();
    assertThat(dana.get("meanTimeToFirstTouch").isNull()).isTrue();
    assertThat(board.at("/reps/0/handedOff").asInt()).isZero();
  }

  @Test
  void thePageIsServedWithoutALoginAndHoldsNoLeadData() throws Exception {
    HttpResponse<String> page = get("/", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
    assertThat(page.body()).contains("<main", "Log in").doesNotContain("L-LATE", "R-DANA");
    for (String asset : List.of("/page/app.js", "/page/style.css", "/page/icon.svg")) {
      assertThat(get(asset, null).statusCode()).as(asset).isEqualTo(200);
    }
    assertThat(get("/page/../openapi.json", null).statusCode()).isEqualTo(404);
    assertThat(get("/page/nope.js", null).statusCode()).isEqualTo(404);
    assertThat(get("/nope", null).body()).isEqualTo("{\"error\":\"not found\"}");
  }
}
