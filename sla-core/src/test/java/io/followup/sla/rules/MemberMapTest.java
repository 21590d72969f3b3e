package io.followup.sla.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberMapTest {

  private static BuyingGroupMember member(String leadId, int touches) {
    Instant at = Instant.parse("2026-03-06T09:00:00Z");
    return new BuyingGroupMember(
        "A-1", null, leadId, null, null, "R-1", true, null, at, touches, null, at);
  }

  @Test
  void keepsTheOrderMembersJoinedAndReplacesALeadsViewInPlace() {
    MemberMap first = MemberMap.of(List.of(member("L-3", 0), member("L-1", 0)));
    MemberMap next = first.with(member("L-2", 0)).with(member("L-3", 4));

    assertThat(next.keySet()).containsExactly("L-3", "L-1", "L-2");
    assertThat(next.values()).extracting(BuyingGroupMember::touches).containsExactly(4, 0, 0);
    assertThat(next.get("L-3").touches()).isEqualTo(4);
    assertThat(next.get("L-9")).isNull();
    assertThat(next.containsKey("L-2")).isTrue();
    // The map it came from is as it was.
    assertThat(first.keySet()).containsExactly("L-3", "L-1");
    assertThat(first.get("L-3").touches()).isZero();

    Map<String, BuyingGroupMember> linked = new LinkedHashMap<>();
    for (BuyingGroupMember m : next.values()) {
      linked.put(m.leadId(), m);
    }
    assertThat(next).isEqualTo(linked);
    assertThat(next.hashCode()).isEqualTo(linked.hashCode());
    assertThat(MemberMap.EMPTY).isEmpty();
    assertThatThrownBy(() -> next.values().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> next.put("L-4", member("L-4", 1)))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
