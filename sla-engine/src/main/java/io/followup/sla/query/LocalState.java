package io.followup.sla.query;

import io.followup.sla.events.RepProfile;
import io.followup.sla.review.TeamWeek;
import io.followup.sla.rules.AccountState;
import io.followup.sla.rules.Deadline;
import io.followup.sla.rules.LeadState;
import io.followup.sla.rules.SlaClock;
import io.followup.sla.streams.DeadlineKey;
import io.followup.sla.streams.StoreNames;
import io.followup.sla.streams.TeamOpenClocks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * What this instance's stores say, read only: a lead, an account, the reps, the open clocks of its
 * active tasks soonest breach first, and a team's week and breached clocks as the weekly review
 * keeps them. Nothing here writes: every answer is worked out at query time from the stores the
 * rules already keep.
 */
public final class LocalState {

  private static final Comparator<OpenClock> BY_DUE =
      Comparator.comparing((OpenClock c) -> c.clock().dueAt())
          .thenComparing(c -> c.lead().getLeadId())
          .thenComparing(c -> c.clock().rule());

  private final StoreAccess stores;

  public LocalState(StoreAccess stores) {
    this.stores = stores;
  }

  public Optional<LeadState> lead(String leadId, boolean stale) {
    ReadOnlyKeyValueStore<String, LeadState> store =
        stores.store(StoreNames.LEAD_STATE, null, stale);
    return Optional.ofNullable(store.get(leadId)).filter(LeadState::isCreated);
  }

  public Optional<AccountState> account(String accountId, boolean stale) {
    ReadOnlyKeyValueStore<String, AccountState> store =
        stores.store(StoreNames.ACCOUNT_STATE, null, stale);
    return Optional.ofNullable(store.get(accountId)).filter(a -> !a.getMembers().isEmpty());
  }

  public Optional<RepProfile> rep(String repId) {
    if (repId == null) {
      return Optional.empty();
    }
    ReadOnlyKeyValueStore<String, RepProfile> store = stores.store(StoreNames.REPS, null, false);
    return Optional.ofNullable(store.get(repId));
  }

  /** Every rep profile of {@code sales.reps} (a global store: the same on every instance). */
  public List<RepProfile> reps() {
    ReadOnlyKeyValueStore<String, RepProfile> store = stores.store(StoreNames.REPS, null, false);
    List<RepProfile> reps = new ArrayList<>();
    try (KeyValueIterator<String, RepProfile> it = store.all()) {
      it.forEachRemaining(kv -> reps.add(kv.value));
    }
    return reps;
  }

  /** The team's running week and the one before, as the weekly review keeps them. */
  public Optional<TeamWeek> teamWeek(String team, boolean stale) {
    ReadOnlyKeyValueStore<String, TeamWeek> store =
        stores.store(StoreNames.TEAM_WEEKS, null, stale);
    return Optional.ofNullable(store.get(team));
  }

  /**
   * The team's clocks that breached and have not closed, as the weekly review keeps them: one
   * prefix scan of the team's own entries, whatever else the instance holds.
   */
  public List<io.followup.sla.review.OpenClock> teamOpenClocks(String team, boolean stale) {
    ReadOnlyKeyValueStore<String, byte[]> store =
        stores.store(StoreNames.TEAM_OPEN_CLOCKS, null, stale);
    return TeamOpenClocks.of(store, team);
  }

  /**
   * The {@code limit} open, not yet breached clocks of leads that {@code keep} accepts, soonest due
   * first, from this instance's active tasks.
   *
   * <p>A walk of each task's deadline index from its start, merged across tasks: an entry's time is
   * the clock's next check (its warning or its due time), never later than its due time, so once
   * the walk passes the due time of the {@code limit}-th best found, nothing further can beat it
   * and it stops. It costs one index entry and one lead read per clock visited, and writes nothing.
   */
  public Walk atRisk(Predicate<LeadState> keep, int limit) {
    List<Cursor> cursors = new ArrayList<>();
    try {
      for (int partition : stores.activePartitions(StoreNames.DEADLINE_INDEX)) {
        ReadOnlyKeyValueStore<Bytes, byte[]> index =
            stores.store(StoreNames.DEADLINE_INDEX, partition, false);
        ReadOnlyKeyValueStore<String, LeadState> leads =
            stores.store(StoreNames.LEAD_STATE, partition, false);
        Cursor cursor = new Cursor(index.all(), leads);
        cursors.add(cursor);
      }
      PriorityQueue<Cursor> next =
          new PriorityQueue<>((a, b) -> Arrays.compareUnsigned(a.head.key.get(), b.head.key.get()));
      for (Cursor c : cursors) {
        if (c.advance()) {
          next.add(c);
        }
      }
      // The best so far, worst on top, so the one to drop is at hand.
      PriorityQueue<OpenClock> best = new PriorityQueue<>(BY_DUE.reversed());
      int visited = 0;
      while (!next.isEmpty()) {
        Cursor c = next.poll();
        Deadline deadline = DeadlineKey.decode(c.head.key.get());
        if (best.size() >= limit && deadline.at().isAfter(best.peek().clock().dueAt())) {
          break;
        }
        visited++;
        LeadState lead = c.leads.get(deadline.key());
        SlaClock clock = lead == null ? null : lead.getClocks().get(deadline.rule());
        if (clock != null && !clock.stage().breached() && lead.isOpen() && keep.test(lead)) {
          best.add(new OpenClock(lead, clock));
          if (best.size() > limit) {
            best.poll();
          }
        }
        if (c.advance()) {
          next.add(c);
        }
      }
      List<OpenClock> sorted = new ArrayList<>(best);
      sorted.sort(BY_DUE);
      return new Walk(sorted, visited);
    } finally {
      cursors.forEach(c -> c.entries.close());
    }
  }

  /** The clocks found and how many index entries the walk visited (its cost). */
  public record Walk(List<OpenClock> clocks, int visited) {}

  private static final class Cursor {
    final KeyValueIterator<Bytes, byte[]> entries;
    final ReadOnlyKeyValueStore<String, LeadState> leads;
    KeyValue<Bytes, byte[]> head;

    Cursor(
        KeyValueIterator<Bytes, byte[]> entries, ReadOnlyKeyValueStore<String, LeadState> leads) {
      this.entries = entries;
      this.leads = leads;
    }

    boolean advance() {
      head = entries.hasNext() ? entries.next() : null;
      return head != null;
    }
  }
}
