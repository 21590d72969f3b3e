package io.followup.sla.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.events.RepProfile;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RepDirectoryTest {

  private static RepProfile rep(String id, String zone) {
    RepProfile.Builder rep = RepProfile.newBuilder().setRepId(id).setName(id);
    if (zone != null) {
      rep.setTimeZone(zone);
    }
    return rep.build();
  }

  private static final RepDirectory REPS =
      RepDirectory.of(
          Map.of(
              "R-NY", rep("R-NY", "America/New_York"),
              "R-DEFAULT", rep("R-DEFAULT", null),
              "R-BLANK", rep("R-BLANK", " "),
              "R-TYPO", rep("R-TYPO", "America/New_Yrok")));

  @Test
  void aKnownRepsTimesAreInTheirOwnZone() {
    assertThat(REPS.zoneOf("R-NY")).isEqualTo(ZoneId.of("America/New_York"));
  }

  @Test
  void anUnknownRepNoRepOrAZoneThatDoesNotReadIsUtc() {
    assertThat(Stream.of("R-NOBODY", null, "R-DEFAULT", "R-BLANK", "R-TYPO"))
        .allSatisfy(rep -> assertThat(REPS.zoneOf(rep).normalized()).isEqualTo(ZoneOffset.UTC));
  }
}
