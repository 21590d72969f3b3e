package io.followup.sla.connect.alerts.config;

import io.followup.sla.connect.alerts.routing.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What each enabled channel needs besides its own key: a check across keys, so it runs on the whole
 * config (the connector's validate and the config's constructor) rather than in one key's
 * validator.
 */
final class ChannelRequirements {

  private ChannelRequirements() {}

  static List<String> problems(DeliveryConfig config) {
    List<String> problems = new ArrayList<>();
    Set<Channel> channels = config.channels();
    if (channels.contains(Channel.EMAIL)) {
      if (blank(config.getString(DeliveryConfig.EMAIL_SMTP_HOST))) {
        problems.add(DeliveryConfig.EMAIL_SMTP_HOST + " is required when channels has email");
      }
      if (blank(config.getString(DeliveryConfig.EMAIL_FROM))) {
        problems.add(DeliveryConfig.EMAIL_FROM + " is required when channels has email");
      }
    }
    if (channels.contains(Channel.SLACK)
        && config.secret(DeliveryConfig.SLACK_WEBHOOK_URL) == null
        && config.secret(DeliveryConfig.SLACK_TEAM_WEBHOOKS) == null) {
      problems.add(
          DeliveryConfig.SLACK_WEBHOOK_URL
              + " or "
              + DeliveryConfig.SLACK_TEAM_WEBHOOKS
              + " is required when channels has slack");
    }
    if (channels.contains(Channel.TEAMS)
        && config.secret(DeliveryConfig.TEAMS_WEBHOOK_URL) == null
        && config.secret(DeliveryConfig.TEAMS_TEAM_WEBHOOKS) == null) {
      problems.add(
          DeliveryConfig.TEAMS_WEBHOOK_URL
              + " or "
              + DeliveryConfig.TEAMS_TEAM_WEBHOOKS
              + " is required when channels has teams");
    }
    if (channels.contains(Channel.WEBHOOK) && config.secret(DeliveryConfig.WEBHOOK_URL) == null) {
      problems.add(DeliveryConfig.WEBHOOK_URL + " is required when channels has webhook");
    }
    return problems;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
