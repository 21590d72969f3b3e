package io.followup.sla.connect.alerts.delivery;

import io.followup.sla.events.SlaAlert;
import java.time.Instant;
import java.util.List;

/** The silences stage: an alert any active silence matches is dropped, not held. */
public final class Silences {

  private final List<Silence> silences;

  public Silences(List<Silence> silences) {
    this.silences = List.copyOf(silences);
  }

  public boolean mutes(SlaAlert alert, Instant now) {
    for (Silence s : silences) {
      if (s.mutes(alert, now)) {
        return true;
      }
    }
    return false;
  }
}
