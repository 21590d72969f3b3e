package io.followup.sla.connect.alerts.routing;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each enabled channel reaches a recipient: their email address, their team's Slack or Teams
 * webhook (else the default one), the on-call webhook. The default route's email address stands in
 * for people without one.
 */
public record ChannelTargets(
    Set<Channel> enabled,
    String defaultEmail,
    String slackDefault,
    Map<String, String> slackByTeam,
    String teamsDefault,
    Map<String, String> teamsByTeam,
    String webhook) {

  public ChannelTargets {
    enabled = enabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(enabled));
    slackByTeam = Map.copyOf(slackByTeam);
    teamsByTeam = Map.copyOf(teamsByTeam);
  }

  /** The address of {@code recipient} on {@code channel}, if the channel is on and reaches them. */
  public Optional<String> target(Channel channel, Recipient recipient) {
    if (!enabled.contains(channel)) {
      return Optional.empty();
    }
    return switch (channel) {
      case EMAIL ->
          Optional.ofNullable(
              recipient.email() != null && !recipient.email().isBlank()
                  ? recipient.email()
                  : recipient.role() == Role.DEFAULT ? blankToNull(defaultEmail) : null);
      case SLACK -> teamOrDefault(slackByTeam, slackDefault, recipient);
      case TEAMS -> teamOrDefault(teamsByTeam, teamsDefault, recipient);
      case WEBHOOK -> Optional.empty();
    };
  }

  /** The channel configured for {@code team} itself on a chat channel, if any. */
  public Optional<String> teamChannel(Channel channel, String team) {
    if (!enabled.contains(channel) || team == null) {
      return Optional.empty();
    }
    return switch (channel) {
      case SLACK -> Optional.ofNullable(slackByTeam.get(team));
      case TEAMS -> Optional.ofNullable(teamsByTeam.get(team));
      case EMAIL, WEBHOOK -> Optional.empty();
    };
  }

  public Optional<String> onCallWebhook() {
    return enabled.contains(Channel.WEBHOOK)
        ? Optional.ofNullable(blankToNull(webhook))
        : Optional.empty();
  }

  private static Optional<String> teamOrDefault(
      Map<String, String> byTeam, String fallback, Recipient recipient) {
    String url = recipient.team() == null ? null : byTeam.get(recipient.team());
    return Optional.ofNullable(url != null ? url : blankToNull(fallback));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
