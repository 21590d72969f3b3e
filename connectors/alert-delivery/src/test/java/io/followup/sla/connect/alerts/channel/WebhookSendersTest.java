package io.followup.sla.connect.alerts.channel;

import static io.followup.sla.connect.alerts.testing.Alerts.alert;
import static io.followup.sla.connect.alerts.testing.Alerts.delivery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.followup.sla.connect.alerts.routing.Channel;
import io.followup.sla.connect.alerts.routing.Message;
import io.followup.sla.connect.alerts.testing.FakeSlack;
import io.followup.sla.connect.alerts.testing.FakeTeams;
import io.followup.sla.connect.alerts.testing.FakeWebhook;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookSendersTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final FakeSlack slack;
  private final FakeTeams teams;
  private final FakeWebhook webhook;

  WebhookSendersTest() throws Exception {
    slack = new FakeSlack();
    teams = new FakeTeams();
    webhook = new FakeWebhook();
  }

  @AfterEach
  void close() {
    slack.close();
    teams.close();
    webhook.close();
  }

  private static Message message(Channel channel, String url, String... kinds) {
    return Message.of(
        java.util.Arrays.stream(kinds)
            .map(k -> delivery(alert("first-touch:L-1:1", k).build(), channel, url, 1))
            .toList());
  }

  @Test
  void slackGetsBlockKitThatMentionsTheRepAndSaysWhatToDo() throws Exception {
    ChatSender.slack(TIMEOUT).send(message(Channel.SLACK, slack.url("/hooks/east"), "BREACHED"));

    JsonNode body = JSON.readTree(slack.delivered().get(0));
    assertThat(body.get("text").asText()).startsWith("<@U0SAM> Breached: First touch");
    assertThat(body.get("blocks").get(0).get("type").asText()).isEqualTo("header");
    String section = body.get("blocks").get(1).get("text").get("text").asText();
    assertThat(section)
        .contains("For <@U0SAM>")
        .contains("*Due:* Tue Mar 10, 15:00 EDT")
        .contains("*To do:* Call or email the lead now");
    assertThat(slack.requests().get(0).path()).isEqualTo("/hooks/east");
  }

  @Test
  void a429IsWorthRetryingAfterTheWaitSlackAskedFor() {
    slack.failNextWith429(3);

    assertThatThrownBy(
            () ->
                ChatSender.slack(TIMEOUT).send(message(Channel.SLACK, slack.url("/h"), "WARNING")))
        .isInstanceOfSatisfying(
            SendException.class,
            e -> {
              assertThat(e.retryable()).isTrue();
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
              assertThat(e.getMessage()).isEqualTo("Slack answered HTTP 429 (rate limited)");
            });
  }

  @Test
  void a500IsWorthRetryingAndA400IsNotAndNeitherRepeatsTheSecretUrl() {
    teams.failNextWith(500);
    String url = teams.url("/webhookb2/SECRET-TOKEN");
    assertThatThrownBy(() -> ChatSender.teams(TIMEOUT).send(message(Channel.TEAMS, url, "WARNING")))
        .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageNotContaining("SECRET");

    teams.refuse(body -> true);
    assertThatThrownBy(() -> ChatSender.teams(TIMEOUT).send(message(Channel.TEAMS, url, "WARNING")))
        .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessage("Teams answered HTTP 400");
  }

  @Test
  void anUnreachableServiceIsWorthRetrying() {
    String url = slack.url("/h");
    slack.close();

    assertThatThrownBy(() -> ChatSender.slack(TIMEOUT).send(message(Channel.SLACK, url, "WARNING")))
        .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageStartingWith("Slack unreachable");
  }

  @Test
  void teamsGetsAnAdaptiveCardWithAFactPerLineAndAMention() throws Exception {
    ChatSender.teams(TIMEOUT).send(message(Channel.TEAMS, teams.url("/h"), "BREACHED", "WARNING"));

    JsonNode card = JSON.readTree(teams.delivered().get(0)).get("attachments").get(0);
    assertThat(card.get("contentType").asText())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
    JsonNode content = card.get("content");
    assertThat(content.get("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(content.get("body").get(0).get("text").asText()).isEqualTo("2 follow-up alerts");
    assertThat(content.get("msteams").get("entities").get(0).get("mentioned").get("id").asText())
        .isEqualTo("sam@example.com");
    assertThat(teams.delivered().get(0))
        .contains("\"title\":\"Due\",\"value\":\"Tue Mar 10, 15:00 EDT\"");
  }

  @Test
  void theWebhookGetsOnePagerDutyEventPerAlertKeyedByTheAlert() throws Exception {
    new WebhookSender(TIMEOUT, "KEY")
        .send(message(Channel.WEBHOOK, webhook.url("/v2/enqueue"), "ESCALATED", "RESOLVED"));

    List<String> bodies = webhook.delivered();
    assertThat(bodies).hasSize(2);
    JsonNode escalated = JSON.readTree(bodies.get(0));
    assertThat(escalated.get("routing_key").asText()).isEqualTo("KEY");
    assertThat(escalated.get("dedup_key").asText()).isEqualTo("first-touch:L-1:1");
    assertThat(escalated.get("event_action").asText()).isEqualTo("trigger");
    assertThat(escalated.get("payload").get("severity").asText()).isEqualTo("critical");
    assertThat(JSON.readTree(bodies.get(1)).get("event_action").asText()).isEqualTo("resolve");
  }
}
