package io.followup.sla.connect.alerts.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.connect.alerts.routing.Channel;
import io.followup.sla.connect.alerts.routing.Recipient;
import io.followup.sla.connect.alerts.routing.ReviewDelivery;
import io.followup.sla.connect.alerts.routing.Role;
import io.followup.sla.connect.alerts.testing.Reviews;
import io.followup.sla.events.TeamWeeklyReview;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewRenderTest {

  private static ReviewDelivery to(TeamWeeklyReview review, Channel channel) {
    Recipient dana =
        new Recipient(
            "M-1",
            "Dana Lee",
            Role.MANAGER,
            "dana.lee@example.com",
            "U0DANA",
            "east",
            ZoneId.of("America/New_York"),
            null);
    return new ReviewDelivery(review, dana, channel, "x", null);
  }

  @Test
  void theEmailSaysHowTheWeekWentAgainstTheLastWhoLedAndWhatIsStillOverdue() {
    EmailContent mail = ReviewEmail.of(to(Reviews.east(), Channel.EMAIL));

    assertThat(mail.subject()).isEqualTo("[SLA] Weekly SLA review: east, 2026-W10");
    assertThat(mail.text())
        .startsWith("Hello Dana Lee,\n\nWeekly SLA review: east, 2026-W10\n")
        .contains("Mon Mar 2 to Sun Mar 8 (America/New_York)")
        .contains("Overall\n  83% met (10 of 12), last week 75% (6 of 8)\n")
        .contains("  First touch: 90% met (9 of 10), last week 75% (6 of 8)\n")
        .contains("  Touch cadence: 50% met (1 of 2), last week no deadlines due\n")
        .contains("By source\n  RFP_REQUEST: 83% met (10 of 12)")
        .contains("Best reps\n  Sam Patel: 100% met (7 of 7)\n")
        .contains("Reps to coach\n  Ana Ruiz: 60% met (3 of 5)\n")
        .contains("Still overdue (1)\n  First touch, lead L-7, rep R-2, due Fri Mar 6, 10:00 EST\n")
        .contains("Review: east/2026-W10\n");
    assertThat(mail.html())
        .contains("<h2>Weekly SLA review: east, 2026-W10</h2>")
        .contains("<li>Sam Patel: 100% met (7 of 7)</li>");
  }

  @Test
  void aQuietWeekSaysSoAndTheHtmlIsEscaped() {
    TeamWeeklyReview quiet =
        TeamWeeklyReview.newBuilder(Reviews.east())
            .setTeam("R&D <west>")
            .setOverall(new io.followup.sla.events.ComplianceLine("ALL", 0, 0, 0, 0))
            .setByRule(List.of())
            .setBySource(List.of())
            .setBestReps(List.of())
            .setWorstReps(List.of())
            .setAtRiskCount(0)
            .setAtRisk(List.of())
            .build();
    EmailContent mail = ReviewEmail.of(to(quiet, Channel.EMAIL));

    assertThat(mail.text())
        .contains("Overall\n  no deadlines due, last week no deadlines due\n")
        .contains("Best reps\n  none\n")
        .contains("Still overdue (0)\n  none\n");
    assertThat(mail.html()).contains("R&amp;D &lt;west&gt;").doesNotContain("<west>");
  }

  @Test
  void slackGetsBlockKitWithAHeaderAndASectionPerHeading() {
    ObjectNode body = ReviewSlackBlocks.of(to(Reviews.east(), Channel.SLACK));

    assertThat(body.get("text").asText()).isEqualTo("Weekly SLA review: east, 2026-W10");
    JsonNode blocks = body.get("blocks");
    assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
    assertThat(blocks.get(1).get("type").asText()).isEqualTo("context");
    List<String> sections = new ArrayList<>();
    blocks.forEach(
        b -> {
          if (b.get("type").asText().equals("section")) {
            sections.add(b.get("text").get("text").asText());
          }
        });
    assertThat(sections).hasSize(6);
    assertThat(sections.get(3)).isEqualTo("*Best reps*\n• Sam Patel: 100% met (7 of 7)\n");
  }

  @Test
  void teamsGetsAnAdaptiveCard() {
    ObjectNode body = ReviewTeamsCard.of(to(Reviews.east(), Channel.TEAMS));

    JsonNode card = body.get("attachments").get(0);
    assertThat(card.get("contentType").asText())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
    JsonNode items = card.get("content").get("body");
    assertThat(items.get(0).get("text").asText()).isEqualTo("Weekly SLA review: east, 2026-W10");
    assertThat(items.toString()).contains("Reps to coach").contains("- Ana Ruiz: 60% met (3 of 5)");
  }
}
