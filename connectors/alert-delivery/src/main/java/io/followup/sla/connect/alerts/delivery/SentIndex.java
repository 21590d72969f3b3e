package io.followup.sla.connect.alerts.delivery;

import io.followup.sla.connect.alerts.routing.Delivery;
import io.followup.sla.connect.alerts.routing.DeliveryKey;
import io.followup.sla.events.SlaAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The in-memory index of sent deliveries and alert notes that {@link KafkaSentLog} keeps over its
 * compacted topic; on its own, the log of a task that need not survive a restart.
 */
public final class SentIndex implements SentLog {

  private final Map<DeliveryKey, SentEntry> sent = new LinkedHashMap<>();
  private final Map<String, List<DeliveryKey>> byAlert = new HashMap<>();
  private final Map<NoteKey, AlertNote> notes = new LinkedHashMap<>();

  /** A note's identity: one per alert and kind, the latest wins. */
  record NoteKey(String alertId, String kind) {}

  @Override
  public boolean sent(DeliveryKey key) {
    return sent.containsKey(key);
  }

  @Override
  public List<DeliveryKey> sentFor(String alertId) {
    return List.copyOf(byAlert.getOrDefault(alertId, List.of()));
  }

  @Override
  public void record(List<Delivery> deliveries, Instant sentAt) {
    deliveries.forEach(d -> add(entryOf(d, sentAt)));
  }

  @Override
  public void recordKeys(List<DeliveryKey> keys, Instant sentAt) {
    keys.forEach(k -> add(new SentEntry(k, sentAt, null, null)));
  }

  @Override
  public void note(SlaAlert alert, SinkRecord source, Instant at) {
    noteOf(alert, source, at).ifPresent(this::addNote);
  }

  @Override
  public void flush() {}

  /**
   * The entry for {@code d} sent at {@code at}. A reminder has no source record of its own; it
   * belongs to the partition its alert came from, as the alert's earlier entries say.
   */
  SentEntry entryOf(Delivery d, Instant at) {
    TopicPartition origin =
        d.source() != null
            ? new TopicPartition(d.source().topic(), d.source().kafkaPartition())
            : originOf(d.alert().getAlertId());
    return new SentEntry(d.key(), at, d.alert(), origin);
  }

  static Optional<AlertNote> noteOf(SlaAlert alert, SinkRecord source, Instant at) {
    if (!AlertNote.noted(alert.getKind())) {
      return Optional.empty();
    }
    TopicPartition origin =
        source == null ? null : new TopicPartition(source.topic(), source.kafkaPartition());
    return Optional.of(
        new AlertNote(
            alert.getAlertId(), alert.getKind(), alert.getRuleId(), alert.getLeadId(), at, origin));
  }

  private TopicPartition originOf(String alertId) {
    for (DeliveryKey k : byAlert.getOrDefault(alertId, List.of())) {
      TopicPartition origin = sent.get(k).origin();
      if (origin != null) {
        return origin;
      }
    }
    return null;
  }

  void add(SentEntry entry) {
    if (sent.putIfAbsent(entry.key(), entry) == null) {
      byAlert.computeIfAbsent(entry.key().alertId(), a -> new ArrayList<>()).add(entry.key());
    }
  }

  void addNote(AlertNote note) {
    notes.put(new NoteKey(note.alertId(), note.kind()), note);
  }

  void remove(DeliveryKey key) {
    if (sent.remove(key) != null) {
      List<DeliveryKey> keys = byAlert.get(key.alertId());
      keys.remove(key);
      if (keys.isEmpty()) {
        byAlert.remove(key.alertId());
      }
    }
  }

  void removeNote(NoteKey key) {
    notes.remove(key);
  }

  @Override
  public List<SentEntry> entries() {
    return List.copyOf(sent.values());
  }

  @Override
  public List<AlertNote> notes() {
    return List.copyOf(notes.values());
  }

  /**
   * The alerts whose records may go: resolved before {@code cutoff}, or never breached (a WARNING
   * gets no reminder and no RESOLVED need find its recipients) with nothing after {@code cutoff}.
   * An open breach stays: it is still reminded, and its RESOLVED must still find who was told.
   */
  public Set<String> closedBefore(Instant cutoff) {
    Map<String, Instant> last = new HashMap<>();
    Map<String, Instant> resolvedAt = new HashMap<>();
    Set<String> breached = new HashSet<>();
    for (SentEntry e : sent.values()) {
      String id = e.key().alertId();
      last.merge(id, e.sentAt(), SentIndex::later);
      switch (e.key().kind()) {
        case "RESOLVED" -> resolvedAt.merge(id, e.sentAt(), SentIndex::later);
        case "BREACHED", "ESCALATED" -> breached.add(id);
        default -> {}
      }
    }
    for (AlertNote n : notes.values()) {
      last.merge(n.alertId(), n.at(), SentIndex::later);
      if (n.kind().equals("RESOLVED")) {
        resolvedAt.merge(n.alertId(), n.at(), SentIndex::later);
      } else if (n.opens()) {
        breached.add(n.alertId());
      }
    }
    Set<String> closed = new HashSet<>();
    last.forEach(
        (id, at) -> {
          Instant resolved = resolvedAt.get(id);
          boolean over = resolved != null ? resolved.isBefore(cutoff) : !breached.contains(id);
          if (over && at.isBefore(cutoff)) {
            closed.add(id);
          }
        });
    return closed;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** The note keys of {@code alertId}, for tombstones. */
  List<NoteKey> noteKeysOf(String alertId) {
    return notes.keySet().stream().filter(k -> k.alertId().equals(alertId)).toList();
  }

  public int size() {
    return sent.size();
  }
}
