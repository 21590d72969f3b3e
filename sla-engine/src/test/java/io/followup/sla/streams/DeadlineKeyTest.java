package io.followup.sla.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.policy.RuleId;
import io.followup.sla.rules.Deadline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class DeadlineKeyTest {

  @Test
  void roundTrips() {
    Deadline d =
        new Deadline(Instant.parse("2026-03-06T17:00:00.123Z"), "L-1042", RuleId.FIRST_TOUCH);
    assertThat(DeadlineKey.decode(DeadlineKey.encode(d))).isEqualTo(d);
  }

  @Test
  void byteOrderIsTimeOrder() {
    Random random = new Random(7);
    List<Deadline> deadlines = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      deadlines.add(
          new Deadline(
              Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1_000_000_000)),
              "L-" + random.nextInt(100_000),
              RuleId.values()[random.nextInt(RuleId.values().length)]));
    }
    List<Bytes> keys =
        new ArrayList<>(deadlines.stream().map(d -> Bytes.wrap(DeadlineKey.encode(d))).toList());
    keys.sort(Bytes::compareTo);
    List<Instant> inKeyOrder = keys.stream().map(k -> DeadlineKey.decode(k.get()).at()).toList();
    assertThat(inKeyOrder).isSorted();
  }

  @Test
  void upToIncludesEverythingDueAndNothingLater() {
    Instant now = Instant.parse("2026-03-06T17:00:00Z");
    byte[] bound = DeadlineKey.upTo(now);
    byte[] due =
        DeadlineKey.encode(
            new Deadline(now, "\uFFFF-lead-with-high-chars", RuleId.BUYING_GROUP_COVERAGE));
    byte[] notDue = DeadlineKey.encode(new Deadline(now.plusMillis(1), "A", RuleId.FIRST_TOUCH));
    assertThat(Arrays.compareUnsigned(due, bound)).isNegative();
    assertThat(Arrays.compareUnsigned(notDue, bound)).isPositive();
    assertThat(Arrays.compareUnsigned(DeadlineKey.first(), due)).isNegative();
  }
}
