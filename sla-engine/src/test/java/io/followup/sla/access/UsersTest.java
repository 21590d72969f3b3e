package io.followup.sla.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.events.RepProfile;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsersTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private final Users users =
      Users.parse(
          List.of(
              "",
              "# comment",
              "anna ops " + Credential.hashToken("anna-token"),
              "M-SAM manager " + Credential.hashPassword("s3cret", RANDOM)));

  @Test
  void aBearerTokenFindsItsUser() {
    assertThat(users.authenticate("Bearer anna-token"))
        .hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.OPS));
    assertThat(users.authenticate("bearer anna-token")).isPresent();
    assertThat(users.authenticate("Bearer anna-tokeN")).isEmpty();
    assertThat(users.authenticate("Bearer ")).isEmpty();
  }

  @Test
  void basicAuthChecksThePasswordHash() {
    assertThat(users.authenticate(basic("M-SAM", "s3cret")))
        .hasValueSatisfying(u -> assertThat(u.name()).isEqualTo("M-SAM"));
    // Twice: the second comes from the remembered verification, and must agree.
    assertThat(users.authenticate(basic("M-SAM", "s3cret"))).isPresent();
    assertThat(users.authenticate(basic("M-SAM", "s3creT"))).isEmpty();
    assertThat(users.authenticate(basic("nobody", "s3cret"))).isEmpty();
    // A token user cannot log in with its token as a password.
    assertThat(users.authenticate(basic("anna", "anna-token"))).isEmpty();
    assertThat(users.authenticate("Basic !!!")).isEmpty();
    assertThat(users.authenticate("Digest x")).isEmpty();
    assertThat(users.authenticate(null)).isEmpty();
  }

  @Test
  void theFileKeepsNoSecretInTheClear() {
    String line = Credential.hashPassword("s3cret", RANDOM);
    assertThat(line).startsWith("pbkdf2-sha256$").doesNotContain("s3cret");
    assertThat(Credential.hashToken("anna-token")).startsWith("sha256$").doesNotContain("anna");
    // Salted: the same password twice gives two lines.
    assertThat(Credential.hashPassword("s3cret", RANDOM)).isNotEqualTo(line);
  }

  @Test
  void aBadLineIsNamedWithoutItsSecret() {
    assertThatThrownBy(() -> Users.parse(List.of("anna ops"))).hasMessageContaining("login 1");
    assertThatThrownBy(() -> Users.parse(List.of("anna admin sha256$" + "0".repeat(64))))
        .hasMessageContaining("ops or manager");
    assertThatThrownBy(() -> Users.parse(List.of("anna ops plaintext-password")))
        .hasMessageContaining("anna")
        .hasMessageNotContaining("plaintext-password");
    assertThatThrownBy(
            () ->
                Users.parse(
                    List.of(
                        "anna ops " + Credential.hashToken("a"),
                        "anna ops " + Credential.hashToken("b"))))
        .hasMessageContaining("twice");
  }

  @Test
  void aManagerSeesTheTeamsOfTheRepsTheyManageOpsSeesAll() {
    List<RepProfile> reps =
        List.of(
            rep("R-1", "M-SAM", "west"),
            rep("R-2", "M-SAM", "west-2"),
            rep("R-3", "M-KIM", "east"),
            rep("M-SAM", null, "leadership"));
    User sam = users.authenticate(basic("M-SAM", "s3cret")).orElseThrow();
    Scope scope = Scope.of(sam, reps);

    assertThat(scope.teams()).containsExactlyInAnyOrder("west", "west-2", "leadership");
    assertThat(scope.allowsTeam("east")).isFalse();
    assertThat(scope.allowsTeam(null)).isFalse();
    Scope ops = Scope.of(users.authenticate("Bearer anna-token").orElseThrow(), reps);
    assertThat(ops.allowsTeam("east")).isTrue();
    assertThat(ops.allowsTeam(null)).isTrue();
  }

  private static RepProfile rep(String id, String manager, String team) {
    return RepProfile.newBuilder()
        .setRepId(id)
        .setName(id)
        .setManagerId(manager)
        .setTeam(team)
        .build();
  }
}
