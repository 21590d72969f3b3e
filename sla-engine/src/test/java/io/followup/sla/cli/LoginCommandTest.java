package io.followup.sla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.access.Role;
import io.followup.sla.access.Users;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginCommandTest {

  @Test
  void aTokenLoginWorksWithTheSecretItPrinted() {
    SlaRun run = SlaRun.of("login", "ops-anna", "--role", "ops");

    assertThat(run.exitCode()).isZero();
    List<String> lines = run.out().lines().toList();
    String token = lines.get(0).substring("token: ".length());
    assertThat(lines.get(1)).startsWith("ops-anna ops sha256$").doesNotContain(token);
    Users users = Users.parse(List.of(lines.get(1)));
    assertThat(users.authenticate("Bearer " + token))
        .hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.OPS));
  }

  @Test
  void aBasicLoginWorksWithThePasswordItPrinted() {
    SlaRun run = SlaRun.of("login", "M-SAM", "--role", "manager", "--basic");

    List<String> lines = run.out().lines().toList();
    String password = lines.get(0).substring("password: ".length());
    Users users = Users.parse(List.of(lines.get(1)));
    String basic =
        Base64.getEncoder().encodeToString(("M-SAM:" + password).getBytes(StandardCharsets.UTF_8));
    assertThat(users.authenticate("Basic " + basic)).isPresent();
  }

  @Test
  void aWrongRoleIsOneLine() {
    SlaRun run = SlaRun.of("login", "x", "--role", "admin");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("ops or manager");
  }
}
