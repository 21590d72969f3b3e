package io.followup.sla.connect.alerts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.connect.alerts.routing.Channel;
import io.followup.sla.connect.alerts.routing.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class DeliveryConfigTest {

  private static Map<String, String> minimal() {
    Map<String, String> props = new HashMap<>();
    props.put("kafka.bootstrap.servers", "localhost:9092");
    props.put("schema.registry.url", "http://localhost:8081");
    props.put("email.smtp.host", "smtp.example.com");
    props.put("email.from", "sla@example.com");
    return props;
  }

  @Test
  void theDefaultsRouteAsTheIssueAsksAndDeliverByEmail() {
    DeliveryConfig config = new DeliveryConfig(minimal());

    assertThat(config.channels()).containsExactly(Channel.EMAIL);
    assertThat(config.routeRules().rolesFor("WARNING")).containsExactly(Role.RECIPIENT);
    assertThat(config.routeRules().rolesFor("BREACHED"))
        .containsExactly(Role.RECIPIENT, Role.MANAGER);
    assertThat(config.routeRules().rolesFor("ESCALATED")).containsExactly(Role.MANAGER);
    assertThat(config.rates()).containsEntry(Channel.SLACK, 1.0);
    assertThat(config.kafkaClientProps()).containsEntry("bootstrap.servers", "localhost:9092");
  }

  @Test
  void kafkaPrefixedKeysReachTheConnectorsOwnClients() {
    Map<String, String> props = minimal();
    props.put("kafka.security.protocol", "SASL_SSL");

    assertThat(new DeliveryConfig(props).kafkaClientProps())
        .containsEntry("security.protocol", "SASL_SSL");
  }

  @Test
  void anHttpsRegistrysTrustStoreReachesTheRegistryClient() {
    Map<String, String> props = minimal();
    props.put("schema.registry.url", "https://registry:8081");
    props.put("schema.registry.ssl.truststore.location", "/etc/secrets/truststore.p12");
    props.put("schema.registry.ssl.truststore.password", "changeit");

    assertThat(new DeliveryConfig(props).registryProps())
        .containsEntry("schema.registry.ssl.truststore.location", "/etc/secrets/truststore.p12")
        .containsEntry("schema.registry.ssl.truststore.password", "changeit")
        .containsEntry("schema.registry.ssl.truststore.type", "PKCS12");
    assertThat(new DeliveryConfig(minimal()).registryProps())
        .doesNotContainKey("schema.registry.ssl.truststore.location");
  }

  @Test
  void aChannelWithoutWhatItNeedsIsRefusedByName() {
    Map<String, String> props = minimal();
    props.put("channels", "email,slack");

    assertThatThrownBy(() -> new DeliveryConfig(props))
        .isInstanceOf(ConfigException.class)
        .hasMessage("slack.webhook.url or slack.team.webhooks is required when channels has slack");

    props.remove("email.smtp.host");
    props.put("channels", "email");
    assertThatThrownBy(() -> new DeliveryConfig(props))
        .hasMessage("email.smtp.host is required when channels has email");
  }

  @Test
  void eachKeyIsCheckedByItsOwnValidator() {
    assertThatThrownBy(() -> new DeliveryConfig(with("channels", "email,fax")))
        .hasMessageContaining("fax")
        .hasMessageContaining("expected one of [email, slack, teams, webhook]");
    assertThatThrownBy(() -> new DeliveryConfig(with("route.breached", "rep,boss")))
        .hasMessageContaining("boss");
    assertThatThrownBy(() -> new DeliveryConfig(with("default.time.zone", "Mars/Olympus")))
        .hasMessageContaining("not a time zone");
    assertThatThrownBy(
            () -> new DeliveryConfig(with("quiet.hours.default.working.hours", "MON-FRI 9-5")))
        .hasMessageContaining("quiet.hours.default.working.hours");
    assertThatThrownBy(() -> new DeliveryConfig(with("silences", "colour:red")))
        .hasMessageContaining("unknown field 'colour'");
    assertThatThrownBy(() -> new DeliveryConfig(with("email.from", "not an address")))
        .hasMessageContaining("not an email address");
  }

  @Test
  void aBadWebhookUrlIsRefusedWithoutRepeatingTheSecret() {
    assertThatThrownBy(
            () -> new DeliveryConfig(with("slack.webhook.url", "hooks.slack.com/T0/B0/SECRET")))
        .hasMessage("slack.webhook.url must be an http or https URL with a host")
        .hasMessageNotContaining("SECRET");
    assertThatThrownBy(
            () ->
                new DeliveryConfig(
                    with("slack.team.webhooks", "east=https://hooks.slack.com/SECRET,west")))
        .hasMessage("slack.team.webhooks must read team=url,team=url")
        .hasMessageNotContaining("SECRET");
  }

  @Test
  void teamWebhooksMapEachTeamToItsChannel() {
    Map<String, String> props = minimal();
    props.put("channels", "slack");
    props.put(
        "slack.team.webhooks",
        "east=https://hooks.example.com/e, west=https://hooks.example.com/w");

    var targets = new DeliveryConfig(props).channelTargets();

    assertThat(targets.slackByTeam())
        .isEqualTo(
            Map.of("east", "https://hooks.example.com/e", "west", "https://hooks.example.com/w"));
  }

  @Test
  void secretsArePasswordsThatConnectMasks() {
    for (String key :
        List.of(
            "email.smtp.password",
            "slack.webhook.url",
            "slack.team.webhooks",
            "teams.webhook.url",
            "teams.team.webhooks",
            "webhook.url",
            "webhook.routing.key",
            "schema.registry.basic.auth.user.info")) {
      assertThat(DeliveryConfig.CONFIG_DEF.configKeys().get(key).type)
          .as(key)
          .isEqualTo(org.apache.kafka.common.config.ConfigDef.Type.PASSWORD);
    }
  }

  private static Map<String, String> with(String key, String value) {
    Map<String, String> props = minimal();
    props.put(key, value);
    return props;
  }

  @Test
  void weeklyReviewsGoOutMondayAtEightUnlessToldOtherwise() {
    DeliveryConfig config = new DeliveryConfig(minimal());
    assertThat(config.getString(DeliveryConfig.REVIEW_TOPIC)).isEqualTo("sla.weekly-reviews");
    assertThat(config.sendAt().toString()).isEqualTo("SendAt[day=MONDAY, time=08:00]");

    Map<String, String> friday = minimal();
    friday.put("review.send-at", "FRI 16:30");
    assertThat(new DeliveryConfig(friday).sendAt().toString())
        .isEqualTo("SendAt[day=FRIDAY, time=16:30]");

    Map<String, String> bad = minimal();
    bad.put("review.send-at", "Monday morning");
    assertThatThrownBy(() -> new DeliveryConfig(bad))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("review.send-at")
        .hasMessageContaining("not a time of day: morning");
  }
}
