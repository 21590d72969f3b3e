package io.followup.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.followup.sla.access.Credential;
import io.followup.sla.config.EngineConfig;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepProfile;
import io.followup.sla.http.ApiHandler;
import io.followup.sla.http.HttpEndpoints;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engine instances of one application on one broker, each with its query API: either answers
 * for any lead (the one that holds it reads it, the other forwards), a team's list gathers from
 * both, and when the holder stops answering, the other answers from its standby copy, saying it is
 * stale; while the holder's partitions move, an answer is the lead or a JSON 503, never a wrong
 * 404.
 */
class QueryApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "query-it-token";
  private static final int LEADS = 12;

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void eitherInstanceAnswersForEveryLeadAndAStandbyAnswersWhenTheOwnerIsGone() throws Exception {
    try (EngineOnBroker broker = EngineOnBroker.start()) {
      String appId = "query-" + UUID.randomUUID();
      PolicyHolder policy = new PolicyHolder(PolicyLoader.builtInDefault());
      int portA = freePort();
      int portB = freePort();
      EngineConfig configA = config(broker, "a", appId, portA);
      EngineConfig configB = config(broker, "b", appId, portB);

      SlaEngine a =
          broker.startEngine(
              configA, policy, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
      SlaEngine b =
          broker.launch(configB, policy, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
      try (HttpEndpoints httpA = api(a, configA, policy, portA)) {
        HttpEndpoints httpB = api(b, configB, policy, portB);
        try {
          String hostA = "127.0.0.1:" + portA;
          String hostB = "127.0.0.1:" + portB;
          broker.publisher().send(rep("R-DANA", "west"));
          for (int i = 0; i < LEADS; i++) {
            broker.publisher().send(lead("L-" + i));
          }
          // Handed off three days ago and never touched: breached at the first tick.
          for (int i = 0; i < LEADS; i++) {
            broker.publisher().send(lead("O-" + i, Instant.now().minus(Duration.ofDays(3))));
          }
          broker.publisher().flush();

          // Every lead answered by A, some read by B: A forwarded those.
          Map<String, String> holder = new HashMap<>();
          await()
              .atMost(Duration.ofSeconds(90))
              .untilAsserted(
                  () -> {
                    holder.clear();
                    for (int i = 0; i < LEADS; i++) {
                      JsonNode lead = ok(portA, "/api/leads/L-" + i);
                      assertThat(lead.get("stale").asBoolean()).isFalse();
                      holder.put("L-" + i, lead.get("servedBy").asText());
                    }
                    assertThat(new HashSet<>(holder.values()))
                        .containsExactlyInAnyOrder(hostA, hostB);
                  });
          String onB =
              holder.entrySet().stream()
                  .filter(e -> e.getValue().equals(hostB))
                  .findFirst()
                  .orElseThrow()
                  .getKey();
          String onA =
              holder.entrySet().stream()
                  .filter(e -> e.getValue().equals(hostA))
                  .findFirst()
                  .orElseThrow()
                  .getKey();
          assertThat(ok(portB, "/api/leads/" + onA).get("servedBy").asText()).isEqualTo(hostA);
          assertThat(ok(portB, "/api/leads/" + onB).get("servedBy").asText()).isEqualTo(hostB);

          // A team's list is gathered from both instances: all twelve first-touch clocks.
          JsonNode team = ok(portA, "/api/teams/west/at-risk?limit=100");
          assertThat(team.get("partial").asBoolean()).as(team.toString()).isFalse();
          Set<String> listed = new HashSet<>();
          team.get("clocks").forEach(c -> listed.add(c.get("leadId").asText()));
          assertThat(listed).containsAll(holder.keySet());

          // A team's overdue list and leaderboard live with its weekly review, on one instance:
          // either instance answers with the same, the other forwarding; the overdue clocks' leads
          // are read where each lives (on both instances).
          Set<String> overdue = new HashSet<>();
          for (int i = 0; i < LEADS; i++) {
            overdue.add("O-" + i);
          }
          await()
              .atMost(Duration.ofSeconds(60))
              .untilAsserted(
                  () -> {
                    for (int port : List.of(portA, portB)) {
                      JsonNode list = ok(port, "/api/teams/west/overdue?limit=100");
                      assertThat(list.get("partial").asBoolean()).as(list.toString()).isFalse();
                      assertThat(list.get("stale").asBoolean()).isFalse();
                      Set<String> shown = new HashSet<>();
                      list.get("clocks").forEach(c -> shown.add(c.get("leadId").asText()));
                      assertThat(shown).isEqualTo(overdue);
                    }
                  });
          JsonNode boardA = ok(portA, "/api/teams/west/leaderboard");
          JsonNode boardB = ok(portB, "/api/teams/west/leaderboard");
          String reviewHost = boardA.get("servedBy").asText();
          assertThat(boardB.get("servedBy").asText()).isEqualTo(reviewHost);
          assertThat(reviewHost).isIn(hostA, hostB);
          assertThat(boardA.get("stale").asBoolean()).isFalse();
          assertThat(boardA.at("/reps/0/repId").asText()).isEqualTo("R-DANA");
          // From a week ago on: last week and this one summed, so a run across Monday midnight
          // still sees every hand-off; none touched yet. The same from either instance.
          String since =
              java.time.LocalDate.now(java.time.ZoneId.of(boardA.get("timeZone").asText()))
                  .minusDays(7)
                  .toString();
          await()
              .atMost(Duration.ofSeconds(60))
              .untilAsserted(
                  () -> {
                    for (int port : List.of(portA, portB)) {
                      JsonNode range = ok(port, "/api/teams/west/leaderboard?from=" + since);
                      assertThat(range.get("weeks")).hasSize(2);
                      JsonNode dana = range.at("/reps/0");
                      assertThat(dana.get("repId").asText()).isEqualTo("R-DANA");
                      assertThat(dana.get("handedOff").asInt()).isEqualTo(2 * LEADS);
                      assertThat(dana.get("touched").asInt()).isZero();
                      assertThat(dana.get("meanTimeToFirstTouch").isNull()).isTrue();
                    }
                  });

          // B's API goes away while its engine still holds the lead: A answers from its standby.
          httpB.close();
          await()
              .atMost(Duration.ofSeconds(60))
              .untilAsserted(
                  () -> {
                    JsonNode stale = ok(portA, "/api/leads/" + onB);
                    assertThat(stale.get("stale").asBoolean()).isTrue();
                    assertThat(stale.get("servedBy").asText()).isEqualTo(hostA);
                    assertThat(stale.at("/facts/ownerRepId").asText()).isEqualTo("R-DANA");
                  });
          JsonNode partial = ok(portA, "/api/teams/west/at-risk?limit=100");
          assertThat(partial.get("partial").asBoolean()).isTrue();
          assertThat(partial.get("unanswered").get(0).asText()).isEqualTo(hostB);
          // The overdue list is whole still, from A's standby copies of what B holds.
          JsonNode fromStandby = ok(portA, "/api/teams/west/overdue?limit=100");
          assertThat(fromStandby.get("clocks")).hasSize(LEADS);
          assertThat(fromStandby.get("stale").asBoolean()).isTrue();
          JsonNode board = ok(portA, "/api/teams/west/leaderboard");
          assertThat(board.get("stale").asBoolean()).isEqualTo(reviewHost.equals(hostB));
          assertThat(board.get("servedBy").asText()).isEqualTo(hostA);

          // B stops: while its partitions move to A, every answer is the lead or a JSON 503.
          b.close();
          await()
              .atMost(Duration.ofSeconds(90))
              .pollInterval(Duration.ofMillis(200))
              .untilAsserted(
                  () -> {
                    HttpResponse<String> response = get(portA, "/api/leads/" + onB);
                    JsonNode body = JSON.readTree(response.body());
                    assertThat(response.statusCode()).as(response.body()).isIn(200, 503);
                    if (response.statusCode() == 503) {
                      assertThat(body.get("error").asText()).endsWith(".");
                    }
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(body.get("stale").asBoolean()).isFalse();
                    assertThat(body.get("servedBy").asText()).isEqualTo(hostA);
                  });
        } finally {
          httpB.close();
          b.close();
        }
      }
    }
  }

  private EngineConfig config(EngineOnBroker broker, String name, String appId, int port) {
    Map<String, String> settings = broker.settings(dir.resolve(name), appId);
    settings.put(EngineConfig.APPLICATION_ID, appId);
    settings.put(EngineConfig.HTTP_PORT, Integer.toString(port));
    settings.put(EngineConfig.HTTP_ADVERTISED_HOST, "127.0.0.1");
    settings.put(EngineConfig.HTTP_USERS, "ops ops " + Credential.hashToken(TOKEN));
    return EngineConfig.of(settings);
  }

  private HttpEndpoints api(SlaEngine engine, EngineConfig config, PolicyHolder policy, int port)
      throws Exception {
    return HttpEndpoints.start(
        "127.0.0.1",
        port,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        engine::whyNotReady,
        Optional.of(new ApiHandler(config.users(), engine.queryApi(policy))));
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + TOKEN)
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode ok(int port, String path) throws Exception {
    HttpResponse<String> response = get(port, path);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static RepProfile rep(String id, String team) {
    return RepProfile.newBuilder().setRepId(id).setName("Dana Ortiz").setTeam(team).build();
  }

  private static LeadCreated lead(String leadId) {
    return lead(leadId, Instant.now());
  }

  private static LeadCreated lead(String leadId, Instant at) {
    return LeadCreated.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setLeadId(leadId)
        .setOccurredAt(at)
        .setSource("WEBINAR")
        .setPriority("WARM")
        .setOwnerRepId("R-DANA")
        .build();
  }
}
