package io.followup.sla.query;

import static io.followup.sla.rules.TestEvents.created;
import static io.followup.sla.rules.TestEvents.h;
import static io.followup.sla.rules.TestEvents.touch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.followup.sla.access.Role;
import io.followup.sla.access.Scope;
import io.followup.sla.access.User;
import io.followup.sla.events.RepProfile;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.rules.TestEvents;
import io.followup.sla.streams.StoreNames;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's overdue list and leaderboard come from the weekly review's record of the team (its
 * breached clocks, its week's counts per rep), so they cost what the team holds, not what the
 * instance holds; over the real topology's stores, counted.
 */
class TeamViewsTest {

  private static final Policy POLICY = PolicyLoader.builtInDefault();
  private static final QueryRequest OPS =
      new QueryRequest(
          Scope.of(new User("ops-anna", Role.OPS, null), List.of()), Hop.USER, "/api/x", null);

  @TempDir Path dir;

  private static RepProfile rep(String id, String manager, String team, String zone) {
    return RepProfile.newBuilder()
        .setRepId(id)
        .setName("Name of " + id)
        .setManagerId(manager)
        .setTeam(team)
        .setTimeZone(zone)
        .build();
  }

  private static void team(TopologyStores stores, String team, String manager, String... reps) {
    stores.pipe(rep(manager, null, team, "America/Los_Angeles"), TestEvents.T0);
    for (String rep : reps) {
      stores.pipe(rep(rep, manager, team, "Europe/Berlin"), TestEvents.T0);
    }
  }

  private static QueryApi api(StoreAccess stores, Instant now) {
    return new QueryApi(
        new LocalState(stores), Cluster.single(), () -> POLICY, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static List<String> leads(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.get("clocks").forEach(c -> ids.add(c.get("leadId").asText()));
    return ids;
  }

  @Test
  void aTeamsOverdueListReadsTheTeamsBreachedClocksNotEveryLeadOfTheInstance() {
    int others = 400;
    try (TopologyStores stores = new TopologyStores(POLICY, dir, TestEvents.T0)) {
      team(stores, "west", "M-SAM", "R-DANA");
      team(stores, "east", "M-KIM", "R-OLA");
      // The default policy: an RFP's first touch is due within 4 h.
      for (int i = 0; i < others; i++) {
        stores.pipe(
            created("E-" + i, h(i / 200.0), "RFP_REQUEST", "WARM", "R-OLA"),
            TestEvents.at(h(i / 200.0)));
      }
      for (int i = 1; i <= 3; i++) {
        stores.pipe(
            created("W-" + i, h(i / 10.0), "RFP_REQUEST", "HOT", "R-DANA"),
            TestEvents.at(h(i / 10.0)));
      }
      // Touched in time: never overdue. Touched late: overdue, then resolved.
      stores.pipe(created("W-MET", h(0), "RFP_REQUEST", "WARM", "R-DANA"), TestEvents.at(h(0)));
      stores.pipe(touch("W-MET", h(1), "R-DANA"), TestEvents.at(h(1)));
      stores.pipe(created("W-LATE", h(0), "RFP_REQUEST", "WARM", "R-DANA"), TestEvents.at(h(0)));
      stores.advanceWallClock(h(6));
      stores.pipe(touch("W-LATE", h(6), "R-DANA"), TestEvents.at(h(6)));
      CountingStores counted = new CountingStores(stores);
      QueryApi api = api(counted, TestEvents.at(h(6)));

      Answer west = api.teamOverdue("west", 50, OPS);

      assertThat(west.status()).as(west.body().toString()).isEqualTo(200);
      JsonNode body = west.body();
      assertThat(leads(body)).containsExactly("W-1", "W-2", "W-3");
      body.get("clocks")
          .forEach(
              c -> {
                assertThat(c.get("stage").asText()).isEqualTo("BREACHED");
                assertThat(c.get("ruleId").asText()).isEqualTo("first-touch");
                assertThat(c.get("contactName").asText()).isEqualTo("Maria Chen");
                assertThat(c.get("ownerName").asText()).isEqualTo("Name of R-DANA");
                assertThat(c.get("team").asText()).isEqualTo("west");
              });
      assertThat(body.get("stale").asBoolean()).isFalse();
      assertThat(body.get("partial").asBoolean()).isFalse();
      // The cost: the team's three breached clocks and their three leads, by key; not one read of
      // the instance's other leads or its deadline index.
      assertThat(body.get("visited").asInt()).isEqualTo(3);
      assertThat(counted.entriesScanned(StoreNames.TEAM_OPEN_CLOCKS)).isEqualTo(3);
      assertThat(counted.gets(StoreNames.LEAD_STATE)).isEqualTo(3);
      assertThat(counted.entriesScanned(StoreNames.LEAD_STATE)).isZero();
      assertThat(counted.entriesScanned(StoreNames.DEADLINE_INDEX)).isZero();
      System.out.printf(
          "overdue list of a team with 3 breached clocks among %d leads: %d review entries and %d"
              + " leads read%n",
          others + 5,
          counted.entriesScanned(StoreNames.TEAM_OPEN_CLOCKS),
          counted.gets(StoreNames.LEAD_STATE));

      // The big team's list reads its own breached clocks and only the leads it shows.
      counted.reset();
      JsonNode east = api.teamOverdue("east", 10, OPS).body();
      assertThat(leads(east))
          .containsExactly("E-0", "E-1", "E-2", "E-3", "E-4", "E-5", "E-6", "E-7", "E-8", "E-9");
      assertThat(east.get("visited").asInt()).isEqualTo(others);
      assertThat(counted.gets(StoreNames.LEAD_STATE)).isEqualTo(10);
      assertThat(counted.entriesScanned(StoreNames.LEAD_STATE)).isZero();
    }
  }

  @Test
  void aLeadHandedToAnotherTeamLeavesTheOldTeamsList() {
    try (TopologyStores stores = new TopologyStores(POLICY, dir, TestEvents.T0)) {
      team(stores, "west", "M-SAM", "R-DANA");
      team(stores, "east", "M-KIM", "R-OLA");
      stores.pipe(created("W-1", h(0), "RFP_REQUEST", "WARM", "R-DANA"), TestEvents.at(h(0)));
      stores.pipe(created("W-2", h(0), "RFP_REQUEST", "WARM", "R-DANA"), TestEvents.at(h(0)));
      stores.advanceWallClock(h(5));
      QueryApi api = api(stores, TestEvents.at(h(5)));
      assertThat(leads(api.teamOverdue("west", 50, OPS).body())).containsExactly("W-1", "W-2");

      // The rep moves to east: W-2's breach stays on west's record until its clock closes, but
      // its lead now says east, so west's list no longer shows it.
      stores.pipe(rep("R-DANA", "M-KIM", "east", "Europe/Berlin"), TestEvents.at(h(5)));
      stores.pipe(rep("R-NEW", "M-SAM", "west", "Europe/Berlin"), TestEvents.at(h(5)));

      assertThat(leads(api.teamOverdue("west", 50, OPS).body())).isEmpty();
    }
  }

  @Test
  void theLeaderboardIsTheReviewsWeekInTheManagersZone() {
    try (TopologyStores stores = new TopologyStores(POLICY, dir, TestEvents.T0)) {
      team(stores, "west", "M-SAM", "R-DANA", "R-PRIYA");
      team(stores, "east", "M-KIM", "R-OLA");
      // R-DANA: one first touch in time, one late; R-PRIYA: nothing ended yet.
      stores.pipe(created("L-MET", h(0), "RFP_REQUEST", "WARM", "R-DANA"), TestEvents.at(h(0)));
      stores.pipe(touch("L-MET", h(1), "R-DANA"), TestEvents.at(h(1)));
      stores.pipe(created("L-LATE", h(0), "RFP_REQUEST", "WARM", "R-DANA"), TestEvents.at(h(0)));
      stores.pipe(created("L-OPEN", h(0), "INBOUND_FORM", "WARM", "R-PRIYA"), TestEvents.at(h(0)));
      stores.advanceWallClock(h(6));
      stores.pipe(touch("L-LATE", h(6), "R-DANA"), TestEvents.at(h(6)));
      CountingStores counted = new CountingStores(stores);

      // Friday 2026-03-06 15:00 UTC: the week of Monday 2 March in Los Angeles, the manager's.
      JsonNode board = api(counted, TestEvents.at(h(6))).leaderboard("west", false, OPS).body();

      assertThat(board.get("week").asText()).isEqualTo("2026-W10");
      assertThat(board.get("timeZone").asText()).isEqualTo("America/Los_Angeles");
      assertThat(board.get("from").asText()).isEqualTo("2026-03-02T08:00:00Z");
      assertThat(board.get("to").asText()).isEqualTo("2026-03-09T07:00:00Z");
      JsonNode dana = board.at("/reps/0");
      assertThat(dana.get("repId").asText()).isEqualTo("R-DANA");
      assertThat(dana.get("withinSla").asInt()).isEqualTo(1);
      assertThat(dana.get("missed").asInt()).isEqualTo(1);
      assertThat(dana.get("decided").asInt()).isEqualTo(2);
      assertThat(dana.get("compliance").asDouble()).isEqualTo(0.5);
      assertThat(dana.get("smallSample").asBoolean()).isTrue();
      assertThat(dana.get("name").asText()).isEqualTo("Name of R-DANA");
      // Both handed off and touched this week, after 1 h and 6 h on the wall clock.
      assertThat(dana.get("handedOff").asInt()).isEqualTo(2);
      assertThat(dana.get("touched").asInt()).isEqualTo(2);
      assertThat(dana.get("firstTouchMillisTotal").asLong()).isEqualTo(h(7).toMillis());
      assertThat(dana.get("meanMinutesToFirstTouch").asDouble()).isEqualTo(210.0);
      assertThat(dana.get("meanTimeToFirstTouch").asText()).isEqualTo("PT3H30M");
      List<String> others = new ArrayList<>();
      for (int i = 1; i < board.get("reps").size(); i++) {
        JsonNode r = board.get("reps").get(i);
        others.add(r.get("repId").asText());
        assertThat(r.get("compliance").isNull()).isTrue();
        assertThat(r.get("decided").asInt()).isZero();
        assertThat(r.get("touched").asInt()).isZero();
        assertThat(r.get("meanTimeToFirstTouch").isNull()).isTrue();
      }
      assertThat(others).containsExactly("M-SAM", "R-PRIYA");
      assertThat(board.at("/reps/2/handedOff").asInt()).as("R-PRIYA's open lead").isEqualTo(1);
      assertThat(board.get("stale").asBoolean()).isFalse();
      // One read of the team's week; no lead read at all.
      assertThat(counted.gets(StoreNames.TEAM_WEEKS)).isEqualTo(1);
      assertThat(counted.gets(StoreNames.LEAD_STATE)).isZero();
      assertThat(counted.entriesScanned(StoreNames.LEAD_STATE)).isZero();

      JsonNode before = api(stores, TestEvents.at(h(6))).leaderboard("west", true, OPS).body();
      assertThat(before.get("week").asText()).isEqualTo("2026-W09");
      before.get("reps").forEach(r -> assertThat(r.get("decided").asInt()).isZero());

      // Tuesday: the week has ended though no tick has closed it yet; it reads as last week.
      Instant tuesday = Instant.parse("2026-03-10T12:00:00Z");
      JsonNode now = api(stores, tuesday).leaderboard("west", false, OPS).body();
      assertThat(now.get("week").asText()).isEqualTo("2026-W11");
      now.get("reps").forEach(r -> assertThat(r.get("decided").asInt()).isZero());
      JsonNode last = api(stores, tuesday).leaderboard("west", true, OPS).body();
      assertThat(last.get("week").asText()).isEqualTo("2026-W10");
      assertThat(last.at("/reps/0/repId").asText()).isEqualTo("R-DANA");
      assertThat(last.at("/reps/0/decided").asInt()).isEqualTo(2);

      // A team with nothing on record: its reps, nothing decided, the week in its manager's zone.
      JsonNode east = api(stores, TestEvents.at(h(6))).leaderboard("east", false, OPS).body();
      assertThat(east.get("week").asText()).isEqualTo("2026-W10");
      assertThat(east.get("from").asText()).isEqualTo("2026-03-02T08:00:00Z");
      assertThat(east.get("reps")).hasSize(2);
    }
  }

  @Test
  void aRangeSumsTheWeeksItOverlapsInTheManagersZoneAsFarBackAsTheReviewKeeps() {
    try (TopologyStores stores = new TopologyStores(POLICY, dir, TestEvents.T0)) {
      team(stores, "west", "M-SAM", "R-DANA");
      // W10 (Friday 6 March): one lead touched in time after 1 h.
      stores.pipe(created("L-1", h(0), "RFP_REQUEST", "WARM", "R-DANA"), TestEvents.at(h(0)));
      stores.pipe(touch("L-1", h(1), "R-DANA"), TestEvents.at(h(1)));
      // W11 (Tuesday 10 March): one handed off and touched late after 5 h, one not touched yet.
      stores.advanceWallClock(h(96));
      stores.pipe(created("L-2", h(96), "RFP_REQUEST", "WARM", "R-DANA"), TestEvents.at(h(96)));
      stores.pipe(created("L-3", h(96), "RFP_REQUEST", "WARM", "R-DANA"), TestEvents.at(h(96)));
      stores.advanceWallClock(h(5));
      stores.pipe(touch("L-2", h(101), "R-DANA"), TestEvents.at(h(101)));
      Instant now = TestEvents.at(h(101));
      QueryApi api = api(stores, now);

      // Monday 2 March to Thursday 12 March, as dates: midnights in Los Angeles, both weeks.
      JsonNode both = api.leaderboard("west", bound("2026-03-02"), bound("2026-03-12"), OPS).body();
      assertThat(both.get("week").asText()).isEqualTo("2026-W10..2026-W11");
      assertThat(both.get("weeks")).hasSize(2);
      assertThat(both.get("from").asText()).isEqualTo("2026-03-02T08:00:00Z");
      assertThat(both.get("to").asText()).isEqualTo("2026-03-16T07:00:00Z");
      assertThat(both.get("requestedFrom").asText()).isEqualTo("2026-03-02T08:00:00Z");
      JsonNode dana = both.at("/reps/0");
      assertThat(dana.get("repId").asText()).isEqualTo("R-DANA");
      assertThat(dana.get("handedOff").asInt()).isEqualTo(3);
      assertThat(dana.get("touched").asInt()).isEqualTo(2);
      assertThat(dana.get("meanTimeToFirstTouch").asText()).isEqualTo("PT3H");
      assertThat(dana.get("withinSla").asInt()).isEqualTo(1);
      assertThat(dana.get("missed").asInt()).isEqualTo(1);
      assertThat(dana.get("compliance").asDouble()).isEqualTo(0.5);
      assertThat(dana.get("smallSample").asBoolean()).isTrue();

      // A range inside one week is that whole week; a missing to is the end of this week.
      JsonNode thisWeek = api.leaderboard("west", bound("2026-03-10"), null, OPS).body();
      assertThat(thisWeek.get("week").asText()).isEqualTo("2026-W11");
      assertThat(thisWeek.at("/reps/0/handedOff").asInt()).isEqualTo(2);
      assertThat(thisWeek.at("/reps/0/meanTimeToFirstTouch").asText()).isEqualTo("PT5H");
      JsonNode lastWeek =
          api.leaderboard("west", bound("2026-03-06T00:00:00Z"), bound("2026-03-07T00:00:00Z"), OPS)
              .body();
      assertThat(lastWeek.get("week").asText()).isEqualTo("2026-W10");
      assertThat(lastWeek.at("/reps/0/meanTimeToFirstTouch").asText()).isEqualTo("PT1H");
      assertThat(lastWeek.at("/reps/0/handedOff").asInt()).isEqualTo(1);

      // Further back than last week, or past this week: the review does not keep it.
      Answer tooLong = api.leaderboard("west", bound("2026-02-23"), bound("2026-03-12"), OPS);
      assertThat(tooLong.status()).isEqualTo(400);
      assertThat(tooLong.body().get("error").asText())
          .contains("this week and last only")
          .contains("America/Los_Angeles");
      assertThat(api.leaderboard("west", bound("2026-03-10"), bound("2026-03-17"), OPS).status())
          .isEqualTo(400);
      assertThat(api.leaderboard("west", bound("2026-03-10"), bound("2026-03-10"), OPS).status())
          .isEqualTo(400);
    }
  }

  private static RangeBound bound(String text) {
    return RangeBound.parse(text, "from");
  }
}
