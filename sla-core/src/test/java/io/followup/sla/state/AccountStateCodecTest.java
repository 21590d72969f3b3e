package io.followup.sla.state;

import static io.followup.sla.rules.TestEvents.at;
import static io.followup.sla.rules.TestEvents.h;
import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.alerts.AlertIds;
import io.followup.sla.policy.RuleId;
import io.followup.sla.rules.AccountState;
import io.followup.sla.rules.BuyingGroupMember;
import io.followup.sla.rules.ClockStage;
import io.followup.sla.rules.SlaClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountStateCodecTest {

  static AccountState threeMemberAccount() {
    BuyingGroupMember maria =
        new BuyingGroupMember(
            "A-7",
            "Helix Diagnostics",
            "L-1",
            "Maria Chen",
            "Champion",
            "R-DANA",
            true,
            null,
            at(h(0)),
            5,
            at(h(40)),
            at(h(40)));
    BuyingGroupMember tom =
        new BuyingGroupMember(
            "A-7",
            "Helix Diagnostics",
            "L-2",
            "Tom Ng",
            "Economic buyer",
            "R-DANA",
            true,
            null,
            at(h(1)),
            1,
            null,
            at(h(30)));
    BuyingGroupMember ana =
        new BuyingGroupMember(
            "A-7", null, "L-3", null, null, null, false, "DISQUALIFIED", null, 0, null, at(h(2)));
    SlaClock clock =
        new SlaClock(
            RuleId.BUYING_GROUP_COVERAGE,
            at(h(0)),
            at(h(24 * 15)),
            at(h(24 * 21)),
            at(h(24 * 28)),
            "R-DANA",
            "builtin-1",
            ClockStage.WARNED,
            AlertIds.of(RuleId.BUYING_GROUP_COVERAGE, "A-7", at(h(0))));
    return AccountState.of("A-7", "Helix Diagnostics", List.of(maria, tom, ana), clock);
  }

  @Test
  void membersAndClockSurviveTheRoundTripInOrder() {
    AccountState account = threeMemberAccount();

    AccountState back = AccountStateCodec.decode(AccountStateCodec.encode(account));

    assertThat(back).usingRecursiveComparison().isEqualTo(account);
    assertThat(back.getMembers().keySet()).containsExactly("L-1", "L-2", "L-3");
  }

  @Test
  void aMemberViewIsAFewDozenBytes() {
    BuyingGroupMember member = threeMemberAccount().getMembers().get("L-2");
    byte[] bytes = AccountStateCodec.encodeMember(member);

    assertThat(AccountStateCodec.decodeMember(bytes)).isEqualTo(member);
    assertThat(bytes.length).isLessThan(80);
  }

  @Test
  void restoresAStoreWrittenByVersionOne() throws IOException {
    byte[] v1;
    try (InputStream in = getClass().getResourceAsStream("/state/account-v1.bin")) {
      assertThat(in).as("the committed version-1 account").isNotNull();
      v1 = in.readAllBytes();
    }
    assertThat(AccountStateCodec.decode(v1))
        .usingRecursiveComparison()
        .isEqualTo(threeMemberAccount());
  }

  /** Writes the version-1 golden file; run by hand only when a format version first ships. */
  public static void main(String[] args) throws IOException {
    Files.write(Path.of(args[0]), AccountStateCodec.encode(threeMemberAccount()));
  }
}
