package io.followup.sla.streams;

import io.followup.sla.policy.RuleId;
import io.followup.sla.review.OpenClock;
import io.followup.sla.state.TeamReviewCodec;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * How {@link StoreNames#TEAM_OPEN_CLOCKS} is keyed: (team, rule, key), so one team's breached
 * clocks are one prefix scan. The review fold writes through it and the query side reads through
 * it, so the two cannot disagree on the layout.
 */
public final class TeamOpenClocks {

  /** Separates the parts of an open clock's key; ids do not contain it. */
  private static final char SEP = '\u0000';

  private TeamOpenClocks() {}

  static String key(String team, RuleId rule, String key) {
    return team + SEP + rule.id() + SEP + key;
  }

  /**
   * The team's open clocks, in key order (rule, then lead or account id): a prefix scan that reads
   * the team's entries and no other team's.
   */
  public static List<OpenClock> of(ReadOnlyKeyValueStore<String, byte[]> store, String team) {
    List<OpenClock> clocks = new ArrayList<>();
    String prefix = team + SEP;
    try (KeyValueIterator<String, byte[]> it = store.prefixScan(prefix, new StringSerializer())) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> kv = it.next();
        String rest = kv.key.substring(prefix.length());
        int sep = rest.indexOf(SEP);
        RuleId rule = RuleId.fromId(rest.substring(0, sep)).orElse(null);
        if (rule != null) {
          clocks.add(TeamReviewCodec.decodeOpen(rule, rest.substring(sep + 1), kv.value));
        }
      }
    }
    return clocks;
  }
}
