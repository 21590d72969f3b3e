package io.followup.sla.rules;

import static io.followup.sla.alerts.AlertText.dateWithYear;

import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.Policy;
import java.time.Instant;
import java.util.Optional;

/**
 * Builds the alert of one clock stage, for lead and account rules alike, and decides who should act
 * on it: the rep for a warning or breach (the manager instead while the rep is out of office, where
 * the policy says so), the manager for an escalation.
 */
final class AlertFactory {

  private AlertFactory() {}

  static SlaAlert.Builder alert(
      AlertKind kind,
      SlaClock clock,
      String summary,
      Instant now,
      RepDirectory reps,
      Policy policy) {
    String manager = reps.managerOf(clock.repId());
    Optional<Instant> awayUntil = outOfOffice(reps.find(clock.repId()), now);
    boolean toManager =
        kind == AlertKind.ESCALATED
            || (awayUntil.isPresent()
                && policy.warnManagerWhenOutOfOffice()
                && (kind == AlertKind.WARNING || kind == AlertKind.BREACHED));
    String text = summary;
    if (awayUntil.isPresent() && kind != AlertKind.RESOLVED) {
      // The year too: an absence can run into the next one.
      String until =
          awayUntil.get().equals(Instant.MAX)
              ? ""
              : " until " + dateWithYear(awayUntil.get(), reps.zoneOf(clock.repId()));
      text = "Rep " + reps.nameOf(clock.repId()) + " is out of office" + until + ". " + summary;
    }
    return SlaAlert.newBuilder()
        .setAlertId(clock.alertId())
        .setKind(kind.name())
        .setRuleId(clock.rule().id())
        .setRepId(clock.repId())
        .setManagerId(manager)
        .setRecipientId(toManager && manager != null ? manager : clock.repId())
        .setDueAt(clock.dueAt())
        .setDetectedAt(now)
        .setSummary(text)
        .setClockStartedAt(clock.startedAt())
        .setPolicyVersion(clock.policyVersion())
        .setTeam(reps.teamOf(clock.repId()));
  }

  /** When the rep is back (Instant.MAX when not said), if the rep is away now. */
  private static Optional<Instant> outOfOffice(Optional<RepProfile> rep, Instant now) {
    if (rep.isEmpty() || !rep.get().getOutOfOffice()) {
      return Optional.empty();
    }
    Instant until = rep.get().getOutOfOfficeUntil();
    if (until != null && !until.isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(until == null ? Instant.MAX : until);
  }
}
