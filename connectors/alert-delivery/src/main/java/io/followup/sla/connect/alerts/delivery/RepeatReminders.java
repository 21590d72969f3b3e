package io.followup.sla.connect.alerts.delivery;

import io.followup.sla.connect.alerts.routing.Delivery;
import io.followup.sla.connect.alerts.routing.DeliveryKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repeat stage, Alertmanager's repeat interval: a BREACHED or ESCALATED delivery that is not
 * RESOLVED within the interval is sent again as {@code REMINDER-1}, then {@code REMINDER-2}, and so
 * on. Reminders are kept in memory: after a restart an open breach is reminded again only when it
 * changes (the sent log still stops a reminder from going out twice).
 */
public final class RepeatReminders {

  private record Open(Delivery delivery, Instant next, int count) {}

  private final Duration interval;
  private final Map<DeliveryKey, Open> open = new LinkedHashMap<>();

  /**
   * @param interval {@link Duration#ZERO} turns reminders off
   */
  public RepeatReminders(Duration interval) {
    this.interval = interval;
  }

  public void sent(Delivery d, Instant at) {
    if (interval.isZero() || !(d.kind().equals("BREACHED") || d.kind().equals("ESCALATED"))) {
      return;
    }
    DeliveryKey base =
        new DeliveryKey(d.alert().getAlertId(), "OPEN", d.channel(), d.recipient().id());
    open.putIfAbsent(base, new Open(d, at.plus(interval), 0));
  }

  public void resolved(String alertId) {
    open.keySet().removeIf(k -> k.alertId().equals(alertId));
  }

  /** The reminders due at {@code now}; each is scheduled again one interval later. */
  public List<Delivery> due(Instant now) {
    List<Delivery> out = new ArrayList<>();
    for (Iterator<Map.Entry<DeliveryKey, Open>> it = open.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<DeliveryKey, Open> e = it.next();
      Open o = e.getValue();
      if (!o.next().isAfter(now)) {
        int n = o.count() + 1;
        // No source record: a reminder's record was committed long ago, and must not hold offsets.
        out.add(o.delivery().asReminder(n, null));
        e.setValue(new Open(o.delivery(), now.plus(interval), n));
      }
    }
    return out;
  }
}
