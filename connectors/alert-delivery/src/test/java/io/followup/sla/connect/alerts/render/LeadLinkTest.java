package io.followup.sla.connect.alerts.render;

import static io.followup.sla.connect.alerts.testing.Alerts.alert;
import static io.followup.sla.connect.alerts.testing.Alerts.delivery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.followup.sla.connect.alerts.config.DeliveryConfig;
import io.followup.sla.connect.alerts.routing.Channel;
import io.followup.sla.connect.alerts.routing.Message;
import io.followup.sla.events.SlaAlert;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** With {@code ui.base-url} set, every rendering of an alert links to its lead's page. */
class LeadLinkTest {

  private static final LeadLink LINKS = LeadLink.under("https://sla.example.com/");

  private static Message message(Channel channel, SlaAlert alert) {
    return Message.of(List.of(delivery(alert, channel, "target", 1)));
  }

  @Test
  void theLinkNamesTheLeadOrTheAccount() {
    SlaAlert lead = alert("first-touch:L-1:1", "BREACHED").setLeadId("L 1/x").build();
    SlaAlert account = alert("buying-group-coverage:ACC-9:1", "BREACHED").setLeadId(null).build();

    assertThat(LINKS.to(lead)).contains("https://sla.example.com/?lead=L%201%2Fx");
    assertThat(LINKS.to(account)).contains("https://sla.example.com/?account=ACC-9");
    assertThat(LeadLink.NONE.to(lead)).isEmpty();
    assertThat(LeadLink.under(" ")).isSameAs(LeadLink.NONE);
  }

  @Test
  void emailSlackAndTeamsCarryTheLink() {
    SlaAlert alert = alert("first-touch:L-1:1", "BREACHED").build();
    String url = "https://sla.example.com/?lead=L-1";

    EmailContent email = EmailContent.of(message(Channel.EMAIL, alert), LINKS);
    assertThat(email.text()).contains("Open the lead: " + url);
    assertThat(email.html()).contains("<a href=\"" + url + "\">Open the lead</a>");

    JsonNode slack = SlackBlocks.of(message(Channel.SLACK, alert), LINKS);
    assertThat(slack.at("/blocks/1/text/text").asText()).contains("<" + url + "|Open the lead>");

    JsonNode teams = TeamsCard.of(message(Channel.TEAMS, alert), LINKS);
    assertThat(teams.findValues("url")).extracting(JsonNode::asText).containsExactly(url);
  }

  @Test
  void withoutABaseUrlThereIsNoLink() {
    SlaAlert alert = alert("first-touch:L-1:1", "BREACHED").build();

    assertThat(EmailContent.of(message(Channel.EMAIL, alert)).text()).doesNotContain("?lead=");
    assertThat(SlackBlocks.of(message(Channel.SLACK, alert)).toString()).doesNotContain("?lead=");
    assertThat(TeamsCard.of(message(Channel.TEAMS, alert)).findValues("url")).isEmpty();
  }

  @Test
  void theConnectorReadsUiBaseUrl() {
    Map<String, String> props = new HashMap<>();
    props.put(DeliveryConfig.KAFKA_BOOTSTRAP_SERVERS, "localhost:9092");
    props.put(DeliveryConfig.SCHEMA_REGISTRY_URL, "http://localhost:8081");
    props.put(DeliveryConfig.CHANNELS, "webhook");
    props.put(DeliveryConfig.WEBHOOK_URL, "https://hooks.example.com/x");
    props.put(DeliveryConfig.UI_BASE_URL, "https://sla.example.com");
    SlaAlert alert = alert("first-touch:L-1:1", "BREACHED").build();

    assertThat(new DeliveryConfig(props).leadLink().to(alert))
        .contains("https://sla.example.com/?lead=L-1");
    props.put(DeliveryConfig.UI_BASE_URL, "sla.example.com");
    assertThatThrownBy(() -> new DeliveryConfig(props))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ui.base-url");
    props.remove(DeliveryConfig.UI_BASE_URL);
    assertThat(new DeliveryConfig(props).leadLink()).isSameAs(LeadLink.NONE);
  }
}
