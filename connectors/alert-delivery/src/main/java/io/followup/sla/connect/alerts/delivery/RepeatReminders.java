package io.followup.sla.connect.alerts.delivery;

import io.followup.sla.connect.alerts.routing.Delivery;
import io.followup.sla.connect.alerts.routing.DeliveryKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;

/**
 * The repeat stage, Alertmanager's repeat interval: a BREACHED or ESCALATED delivery that is not
 * RESOLVED within the interval is sent again as {@code REMINDER-1}, then {@code REMINDER-2}, and so
 * on. The schedule is kept in memory and rebuilt from the sent log ({@link #restore}) when a task
 * starts or is given partitions: each reminder is a delivery recorded like any other, so the last
 * {@code REMINDER-n} sent and when say where the schedule stands.
 */
public final class RepeatReminders {

  private record Open(Delivery delivery, Instant next, int count, TopicPartition origin) {}

  private final Duration interval;
  private final Map<DeliveryKey, Open> open = new LinkedHashMap<>();

  /**
   * @param interval {@link Duration#ZERO} turns reminders off
   */
  public RepeatReminders(Duration interval) {
    this.interval = interval;
  }

  private static boolean opens(String kind) {
    return kind.equals("BREACHED") || kind.equals("ESCALATED");
  }

  private static DeliveryKey base(DeliveryKey k) {
    return new DeliveryKey(k.alertId(), "OPEN", k.channel(), k.recipientId());
  }

  public void sent(Delivery d, Instant at) {
    if (interval.isZero() || !opens(d.kind())) {
      return;
    }
    TopicPartition origin =
        d.source() == null
            ? null
            : new TopicPartition(d.source().topic(), d.source().kafkaPartition());
    open.putIfAbsent(base(d.key()), new Open(d, at.plus(interval), 0, origin));
  }

  public void resolved(String alertId) {
    open.keySet().removeIf(k -> k.alertId().equals(alertId));
  }

  /**
   * Rebuilds the schedule of the open breaches that came from {@code partitions}, from what the
   * sent log says was sent: per (alert, channel, recipient) the first BREACHED or ESCALATED sent
   * and the reminders since; the next reminder is one interval after the last of them.
   *
   * @param resolved whether an alert's breach is over
   * @param reroute the delivery of an entry's alert to the same recipient and channel today, empty
   *     when there is none (the channel is off, the address gone)
   */
  public void restore(
      List<SentEntry> entries,
      Collection<TopicPartition> partitions,
      Predicate<String> resolved,
      Function<SentEntry, Optional<Delivery>> reroute) {
    if (interval.isZero()) {
      return;
    }
    Map<DeliveryKey, List<SentEntry>> byBase = new HashMap<>();
    for (SentEntry e : entries) {
      if (e.origin() != null
          && partitions.contains(e.origin())
          && !resolved.test(e.key().alertId())) {
        byBase.computeIfAbsent(base(e.key()), k -> new ArrayList<>()).add(e);
      }
    }
    byBase.forEach(
        (base, sent) -> {
          Optional<SentEntry> first =
              sent.stream()
                  .filter(e -> opens(e.key().kind()) && e.alert() != null)
                  .min(Comparator.comparing(SentEntry::sentAt));
          if (first.isEmpty() || open.containsKey(base)) {
            return;
          }
          int count = sent.stream().mapToInt(e -> reminderNumber(e.key().kind())).max().orElse(0);
          Instant last = sent.stream().map(SentEntry::sentAt).max(Instant::compareTo).orElseThrow();
          reroute
              .apply(first.get())
              .ifPresent(
                  d ->
                      open.put(
                          base, new Open(d, last.plus(interval), count, first.get().origin())));
        });
  }

  private static int reminderNumber(String kind) {
    if (!kind.startsWith("REMINDER-")) {
      return 0;
    }
    try {
      return Integer.parseInt(kind.substring("REMINDER-".length()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Forgets the breaches of partitions this task no longer owns; their new owner reminds them. */
  public void drop(Collection<TopicPartition> partitions) {
    open.values().removeIf(o -> o.origin() != null && partitions.contains(o.origin()));
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
        e.setValue(new Open(o.delivery(), now.plus(interval), n, o.origin()));
      }
    }
    return out;
  }

  public int size() {
    return open.size();
  }
}
