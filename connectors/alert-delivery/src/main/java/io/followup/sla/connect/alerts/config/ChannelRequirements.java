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
    requireWebhook(
        problems,
        config,
        Channel.SLACK,
        DeliveryConfig.SLACK_WEBHOOK_URL,
        DeliveryConfig.SLACK_TEAM_WEBHOOKS);
    requireWebhook(
        problems,
        config,
        Channel.TEAMS,
        DeliveryConfig.TEAMS_WEBHOOK_URL,
        DeliveryConfig.TEAMS_TEAM_WEBHOOKS);
    if (channels.contains(Channel.WEBHOOK) && config.secret(DeliveryConfig.WEBHOOK_URL) == null) {
      problems.add(DeliveryConfig.WEBHOOK_URL + " is required when channels has webhook");
    }
    return problems;
  }

  /** A chat channel needs somewhere to post: its one webhook or a webhook per team. */
  private static void requireWebhook(
      List<String> problems, DeliveryConfig config, Channel channel, String url, String perTeam) {
    if (config.channels().contains(channel)
        && config.secret(url) == null
        && config.secret(perTeam) == null) {
      problems.add(
          url + " or " + perTeam + " is required when channels has " + channel.configName());
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
