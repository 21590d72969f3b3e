package io.followup.sla.delivery.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.connect.alerts.render.EmailContent;
import io.followup.sla.connect.alerts.render.SlackBlocks;
import io.followup.sla.connect.alerts.render.TeamsCard;
import io.followup.sla.connect.alerts.routing.Channel;
import io.followup.sla.connect.alerts.routing.Delivery;
import io.followup.sla.connect.alerts.routing.Message;
import io.followup.sla.connect.alerts.routing.Recipient;
import io.followup.sla.connect.alerts.routing.Role;
import io.followup.sla.demo.DemoWorkload;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaAlert;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The printed lines against what the connector really renders: its own email, Slack and Teams
 * renderers (on this test's class path only; the demo's worker loads them from the plugin) make the
 * bodies that are read back.
 */
class DeliveryLinesTest {

  private final List<RepProfile> people = new DemoWorkload(Clock.systemUTC(), 0).reps();
  private final Team team = new Team(people);
  private final DeliveryLines lines = new DeliveryLines(team);

  @Test
  void aSlackPostNamesTheChannelThePeopleMentionedAndTheAlert() throws Exception {
    RepProfile sam = person("Sam Patel");
    RepProfile priya = person("Priya Raman");
    Team.ChatChannel east = channel("East Biopharma");
    Message post =
        Message.of(
            List.of(
                delivery(
                    alert("L-1003", "BREACHED"), recipient(sam, Role.RECIPIENT), Channel.SLACK),
                delivery(
                    alert("L-1003", "BREACHED"), recipient(priya, Role.MANAGER), Channel.SLACK)));

    String line = lines.post(east, SlackBlocks.of(post).toString());

    assertThat(east.displayName()).isEqualTo("#east-biopharma");
    assertThat(line)
        .isEqualTo(
            "posted to #east-biopharma for Sam Patel, Priya Raman: Breached: First touch, lead"
                + " L-1003 (account A-001)");
  }

  @Test
  void aTeamsDigestSaysHowManyAlertsAndShowsTheFirst() throws Exception {
    RepProfile dana = person("Dana Ortiz");
    Team.ChatChannel west = channel("West Diagnostics");
    Message post =
        Message.of(
            List.of(
                delivery(
                    alert("L-1001", "WARNING"), recipient(dana, Role.RECIPIENT), Channel.TEAMS),
                delivery(
                    alert("L-1002", "WARNING"), recipient(dana, Role.RECIPIENT), Channel.TEAMS),
                delivery(
                    alert("L-1004", "BREACHED"), recipient(dana, Role.RECIPIENT), Channel.TEAMS)));

    String line = lines.post(west, TeamsCard.of(post).toString());

    assertThat(line)
        .isEqualTo(
            "posted to the West Diagnostics channel in Teams for Dana Ortiz a digest of 3 alerts:"
                + " Warning: First touch, lead L-1001 (account A-001) (and 2 more)");
  }

  @Test
  void anEmailsHeadlinesAreItsAlertsWithoutGreetingFactsOrSignOff() {
    RepProfile marcus = person("Marcus Bell");
    Message email =
        Message.of(
            List.of(
                delivery(
                    alert("L-1001", "ESCALATED"), recipient(marcus, Role.MANAGER), Channel.EMAIL),
                delivery(
                    alert("L-1002", "BREACHED"), recipient(marcus, Role.MANAGER), Channel.EMAIL)));

    List<String> headlines = DeliveryLines.emailHeadlines(EmailContent.of(email).text());

    assertThat(headlines)
        .containsExactly(
            "Escalated: First touch, lead L-1001 (account A-001)",
            "Breached: First touch, lead L-1002 (account A-001)");
    assertThat(team.whoReads(marcus.getEmail())).isEqualTo("Marcus Bell (manager)");
    assertThat(team.whoReads(Team.SALES_OPS_EMAIL)).isEqualTo("sales ops (default route)");
  }

  private RepProfile person(String name) {
    return people.stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
  }

  private Team.ChatChannel channel(String name) {
    return team.channels().stream().filter(c -> c.team().equals(name)).findFirst().orElseThrow();
  }

  private static Recipient recipient(RepProfile p, Role role) {
    return new Recipient(
        p.getRepId(),
        p.getName(),
        role,
        p.getEmail(),
        p.getSlackMemberId(),
        p.getTeam(),
        ZoneId.of(p.getTimeZone()),
        p.getWorkingHours());
  }

  private static Delivery delivery(SlaAlert alert, Recipient who, Channel channel) {
    return new Delivery(
        alert,
        alert.getKind(),
        who,
        channel,
        "http://127.0.0.1/hook",
        "Sam Patel",
        "Priya Raman",
        ZoneId.of("America/New_York"),
        null);
  }

  private static SlaAlert alert(String leadId, String kind) {
    Instant due = Instant.parse("2026-12-03T14:00:00Z");
    return SlaAlert.newBuilder()
        .setAlertId("first-touch:" + leadId)
        .setKind(kind)
        .setRuleId("first-touch")
        .setLeadId(leadId)
        .setAccountId("A-001")
        .setRepId("R-SAM")
        .setManagerId("R-PRIYA")
        .setDueAt(due)
        .setDetectedAt(due.plusSeconds(5))
        .setSummary("Lead " + leadId + " has had no touch.")
        .build();
  }
}
