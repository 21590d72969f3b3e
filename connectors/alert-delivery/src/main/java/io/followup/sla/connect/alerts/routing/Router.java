package io.followup.sla.connect.alerts.routing;

import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaAlert;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns an alert into deliveries: the roles its kind routes to, resolved through the rep directory
 * to people and their addresses on every enabled channel. A rep who is out of office is replaced by
 * their manager; a role nobody fills (no id, or an id the directory does not know) goes to the
 * default route; the on-call webhook gets every alert once.
 */
public final class Router {

  private final RepDirectory reps;
  private final RouteRules rules;
  private final ChannelTargets targets;
  private final DeliveryHistory history;
  private final ZoneId defaultZone;

  public Router(
      RepDirectory reps,
      RouteRules rules,
      ChannelTargets targets,
      DeliveryHistory history,
      ZoneId defaultZone) {
    this.reps = reps;
    this.rules = rules;
    this.targets = targets;
    this.history = history;
    this.defaultZone = defaultZone;
  }

  public List<Delivery> route(SlaAlert alert, SinkRecord source, Instant now) {
    Names names = names(alert);
    String managerId = names.managerId();
    String repName = names.repName();
    String managerName = names.managerName();
    ZoneId repZone = names.repZone();

    List<Delivery> out = new ArrayList<>();
    if (RouteRules.RESOLVED.equals(alert.getKind())) {
      for (DeliveryKey earlier : history.sentFor(alert.getAlertId())) {
        if (earlier.kind().equals(RouteRules.RESOLVED)) {
          continue;
        }
        again(alert, alert.getKind(), earlier, source)
            .filter(d -> out.stream().noneMatch(o -> o.key().equals(d.key())))
            .ifPresent(out::add);
      }
      return out;
    }

    Map<String, Recipient> people = new LinkedHashMap<>();
    for (Role role : rules.rolesFor(alert.getKind())) {
      String id =
          switch (role) {
            case RECIPIENT ->
                alert.getRecipientId() != null ? alert.getRecipientId() : alert.getRepId();
            case REP -> alert.getRepId();
            case MANAGER -> managerId;
            case DEFAULT, ON_CALL -> null;
          };
      Recipient who = present(person(id, role), now);
      people.putIfAbsent(who.id(), who);
    }
    for (Recipient who : people.values()) {
      for (Channel channel : Channel.values()) {
        targets
            .target(channel, who)
            .ifPresent(
                target ->
                    out.add(
                        new Delivery(
                            alert,
                            alert.getKind(),
                            who,
                            channel,
                            target,
                            repName,
                            managerName,
                            repZone,
                            source)));
      }
    }
    if (!rules.rolesFor(alert.getKind()).isEmpty()) {
      targets
          .onCallWebhook()
          .ifPresent(
              url ->
                  out.add(
                      new Delivery(
                          alert,
                          alert.getKind(),
                          onCall(),
                          Channel.WEBHOOK,
                          url,
                          repName,
                          managerName,
                          repZone,
                          source)));
    }
    return out;
  }

  /**
   * {@code alert} as {@code kind} to whoever got {@code earlier}, on its channel, at today's
   * address: a RESOLVED to those told of the breach, a reminder rebuilt after a restart. Empty when
   * that channel has no address for them any more.
   */
  public Optional<Delivery> again(
      SlaAlert alert, String kind, DeliveryKey earlier, SinkRecord source) {
    Names n = names(alert);
    Recipient who =
        earlier.channel() == Channel.WEBHOOK
            ? onCall()
            : person(earlier.recipientId(), Role.RECIPIENT);
    Optional<String> target =
        earlier.channel() == Channel.WEBHOOK
            ? targets.onCallWebhook()
            : targets.target(earlier.channel(), who);
    return target.map(
        t ->
            new Delivery(
                alert,
                kind,
                who,
                earlier.channel(),
                t,
                n.repName(),
                n.managerName(),
                n.repZone(),
                source));
  }

  /** Who owns the alert, by name, and the rep's zone: the same for every delivery of it. */
  private record Names(String managerId, String repName, String managerName, ZoneId repZone) {}

  private Names names(SlaAlert alert) {
    Optional<RepProfile> rep = Optional.ofNullable(alert.getRepId()).flatMap(reps::find);
    String managerId =
        alert.getManagerId() != null
            ? alert.getManagerId()
            : rep.map(RepProfile::getManagerId).orElse(null);
    String repName = rep.map(RepProfile::getName).orElse(alert.getRepId());
    String managerName =
        Optional.ofNullable(managerId)
            .flatMap(reps::find)
            .map(RepProfile::getName)
            .orElse(managerId);
    ZoneId repZone = rep.map(p -> zone(p.getTimeZone())).orElse(defaultZone);
    return new Names(managerId, repName, managerName, repZone);
  }

  /** An out-of-office rep's alerts go to their manager, who can act while they are away. */
  private Recipient present(Recipient who, Instant now) {
    if (who.role() == Role.DEFAULT) {
      return who;
    }
    Optional<RepProfile> profile = reps.find(who.id());
    boolean away =
        profile
            .map(
                p ->
                    p.getOutOfOffice()
                        && (p.getOutOfOfficeUntil() == null
                            || p.getOutOfOfficeUntil().isAfter(now)))
            .orElse(false);
    if (away && profile.get().getManagerId() != null) {
      return person(profile.get().getManagerId(), Role.MANAGER);
    }
    return who;
  }

  private Recipient person(String id, Role role) {
    Optional<RepProfile> profile = Optional.ofNullable(id).flatMap(reps::find);
    if (profile.isEmpty()) {
      return new Recipient(
          Recipient.DEFAULT_ID,
          "the default route",
          Role.DEFAULT,
          null,
          null,
          null,
          defaultZone,
          null);
    }
    RepProfile p = profile.get();
    return new Recipient(
        p.getRepId(),
        p.getName(),
        role,
        p.getEmail(),
        p.getSlackMemberId(),
        p.getTeam(),
        zone(p.getTimeZone()),
        p.getWorkingHours());
  }

  private Recipient onCall() {
    return new Recipient(
        Recipient.ON_CALL_ID, "on-call", Role.ON_CALL, null, null, null, ZoneOffset.UTC, null);
  }

  private ZoneId zone(String id) {
    try {
      return id == null ? defaultZone : ZoneId.of(id);
    } catch (DateTimeException e) {
      return defaultZone;
    }
  }
}
