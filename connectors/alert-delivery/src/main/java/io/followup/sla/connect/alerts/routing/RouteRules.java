package io.followup.sla.connect.alerts.routing;

import java.util.List;
import java.util.Map;

/**
 * Who receives each kind of alert, e.g. WARNING to the recipient, BREACHED to the recipient and the
 * manager, ESCALATED to the manager. RESOLVED has no rule: it goes to whoever got the opening
 * alert, and to nobody if nobody did.
 */
public record RouteRules(Map<String, List<Role>> rolesByKind) {

  public static final String RESOLVED = "RESOLVED";

  public RouteRules {
    rolesByKind = Map.copyOf(rolesByKind);
  }

  public static RouteRules defaults() {
    return new RouteRules(
        Map.of(
            "WARNING", List.of(Role.RECIPIENT),
            "BREACHED", List.of(Role.RECIPIENT, Role.MANAGER),
            "ESCALATED", List.of(Role.MANAGER)));
  }

  public List<Role> rolesFor(String kind) {
    return rolesByKind.getOrDefault(kind, List.of());
  }
}
