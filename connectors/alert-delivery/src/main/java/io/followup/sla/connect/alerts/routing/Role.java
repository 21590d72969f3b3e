package io.followup.sla.connect.alerts.routing;

import java.util.Locale;

/** Why a person receives an alert; route rules in config name these. */
public enum Role {
  /** Whom the engine asked to act ({@code recipientId}, else the rep). */
  RECIPIENT,
  /** The rep who owns the lead ({@code repId}). */
  REP,
  /** The rep's manager ({@code managerId}, else the rep's profile). */
  MANAGER,
  /** Nobody known: the default route. */
  DEFAULT,
  /** The on-call tool behind the generic webhook. */
  ON_CALL;

  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Role fromConfig(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
