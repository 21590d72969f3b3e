package io.followup.sla.delivery.demo;

import io.followup.sla.events.RepProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's sales team as the printed lines name them: who an email address or a Slack member id
 * is, and whether they are a rep or a manager (a profile with no manager is a manager's). Each team
 * has a chat channel: the first team works in Slack, the second in Microsoft Teams, and so on
 * alternately, so the demo shows both.
 */
final class Team {

  /** Where the default route's email goes: alerts for nobody known, such as unassigned leads. */
  static final String SALES_OPS_EMAIL = "sales-ops@lumenbio-supply.example";

  /** One team's chat channel: its receiver path and the name a person knows it by. */
  record ChatChannel(String team, String service, String path, String displayName) {}

  private final Map<String, RepProfile> byEmail = new LinkedHashMap<>();
  private final Map<String, RepProfile> bySlackId = new LinkedHashMap<>();
  private final Map<String, RepProfile> byName = new LinkedHashMap<>();
  private final List<ChatChannel> channels = new ArrayList<>();

  Team(List<RepProfile> people) {
    List<String> teams = new ArrayList<>();
    for (RepProfile p : people) {
      if (p.getEmail() != null) {
        byEmail.put(p.getEmail().toLowerCase(Locale.ROOT), p);
      }
      if (p.getSlackMemberId() != null) {
        bySlackId.put(p.getSlackMemberId(), p);
      }
      byName.put(p.getName(), p);
      if (p.getTeam() != null && !teams.contains(p.getTeam())) {
        teams.add(p.getTeam());
      }
    }
    for (int i = 0; i < teams.size(); i++) {
      String team = teams.get(i);
      String slug = team.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
      channels.add(
          i % 2 == 0
              ? new ChatChannel(team, "slack", "/slack/" + slug, "#" + slug)
              : new ChatChannel(
                  team, "teams", "/teams/" + slug, "the " + team + " channel in Teams"));
    }
  }

  List<ChatChannel> channels() {
    return List.copyOf(channels);
  }

  Optional<ChatChannel> channelAt(String path) {
    return channels.stream().filter(c -> c.path().equals(path)).findFirst();
  }

  /** "Sam Patel (rep)", "Marcus Bell (manager)", "sales ops (default route)", or the address. */
  String whoReads(String email) {
    if (email.equalsIgnoreCase(SALES_OPS_EMAIL)) {
      return "sales ops (default route)";
    }
    return Optional.ofNullable(byEmail.get(email.toLowerCase(Locale.ROOT)))
        .map(Team::nameAndRole)
        .orElse(email);
  }

  /** The person a Slack member id names, else the id. */
  String nameOfSlackMember(String memberId) {
    return Optional.ofNullable(bySlackId.get(memberId)).map(RepProfile::getName).orElse(memberId);
  }

  Optional<RepProfile> byId(String repId) {
    return byName.values().stream().filter(p -> p.getRepId().equals(repId)).findFirst();
  }

  static String nameAndRole(RepProfile p) {
    return p.getName() + (p.getManagerId() == null ? " (manager)" : " (rep)");
  }
}
