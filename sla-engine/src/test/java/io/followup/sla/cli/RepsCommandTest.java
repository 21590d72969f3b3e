package io.followup.sla.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.events.RepProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading reps.csv: every row checked, every mistake one line with its line number. */
class RepsCommandTest {

  @TempDir Path dir;

  @Test
  void readsATeam() throws Exception {
    Path csv = Path.of(getClass().getResource("/reps/team.csv").toURI());
    List<RepProfile> reps = RepsCommand.read(csv);
    assertThat(reps).extracting(RepProfile::getRepId).containsExactly("M-SAM", "R-DANA", "R-LUKAS");
    RepProfile dana = reps.get(1);
    assertThat(dana.getManagerId()).isEqualTo("M-SAM");
    assertThat(dana.getTimeZone()).isEqualTo("America/Chicago");
    assertThat(dana.getOutOfOffice()).isTrue();
    assertThat(reps.get(2).getWorkingHours()).isEqualTo("MON-THU 08:00-16:30, FRI 08:00-12:00");
    assertThat(reps.get(2).getOutOfOffice()).isFalse();
    assertThat(reps.get(0).getManagerId()).isNull();
  }

  @Test
  void readsAnExcelExportWithAByteOrderMark() throws Exception {
    Path csv = dir.resolve("reps.csv");
    Files.writeString(
        csv,
        "\uFEFFrepId,name,email,managerId,team,timeZone,workingHours\r\n"
            + "R-1,J\u00fcrgen,j@x.io,,T,Europe/Berlin,MON-FRI 09:00-17:00\r\n");
    assertThat(Files.readAllBytes(csv)).startsWith(0xEF, 0xBB, 0xBF);
    List<RepProfile> reps = RepsCommand.read(csv);
    assertThat(reps).extracting(RepProfile::getRepId).containsExactly("R-1");
    assertThat(reps.get(0).getName()).isEqualTo("J\u00fcrgen");
    assertThat(reps.get(0).getTimeZone()).isEqualTo("Europe/Berlin");
  }

  @Test
  void mistakesNameTheirLine() throws Exception {
    Path csv = dir.resolve("reps.csv");
    String header = "repId,name,email,managerId,team,timeZone,workingHours\n";
    Files.writeString(csv, header + "R-1,Ann,a@x.io,,T,America/Chicgo,MON-FRI 09:00-17:00\n");
    assertThatThrownBy(() -> RepsCommand.read(csv))
        .hasMessage(
            csv
                + " line 2: timeZone 'America/Chicgo' is not an IANA time zone (e.g."
                + " America/Chicago)");

    Files.writeString(
        csv,
        header
            + "R-1,Ann,a@x.io,,T,UTC,MON-FRI 09:00-17:00\n"
            + "R-2,Bo,b@x.io,,T,UTC,MON-FUN 09:00-17:00\n");
    assertThatThrownBy(() -> RepsCommand.read(csv))
        .hasMessageStartingWith(csv + " line 3: workingHours 'MON-FUN 09:00-17:00'");

    Files.writeString(csv, header + "R-1,,a@x.io,,T,UTC,\n");
    assertThatThrownBy(() -> RepsCommand.read(csv)).hasMessage(csv + " line 2: name is empty");

    Files.writeString(csv, header + "R-1,Ann,,,T,UTC,\nR-1,Bo,,,T,UTC,\n");
    assertThatThrownBy(() -> RepsCommand.read(csv))
        .hasMessage(csv + " line 3: repId R-1 appears twice");

    Files.writeString(csv, "repId,name,email\nR-1,Ann,a@x.io\n");
    assertThatThrownBy(() -> RepsCommand.read(csv))
        .hasMessageContaining("the header lacks the column managerId");
  }

  @Test
  void aSlackMemberIdIsReadAndOneThatIsNotSlacksIsRefusedWithItsLine() throws Exception {
    Path csv = dir.resolve("reps.csv");
    String header = "repId,name,email,managerId,team,timeZone,workingHours,slackMemberId\n";
    Files.writeString(csv, header + "R-1,Ann,a@x.io,,T,UTC,,U024BE7LH\nR-2,Bo,b@x.io,,T,UTC,,\n");
    List<RepProfile> reps = RepsCommand.read(csv);
    assertThat(reps).extracting(RepProfile::getSlackMemberId).containsExactly("U024BE7LH", null);

    Files.writeString(csv, header + "R-1,Ann,a@x.io,,T,UTC,,@ann\n");
    assertThatThrownBy(() -> RepsCommand.read(csv))
        .hasMessageStartingWith(csv + " line 2: slackMemberId '@ann' is not a Slack member id");
  }

  @Test
  void aMissingFileIsOneLineAtTheCommandLine() {
    SlaRun run = SlaRun.of("reps", "import", dir.resolve("none.csv").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo("sla: reps file " + dir.resolve("none.csv") + " does not exist");
  }
}
