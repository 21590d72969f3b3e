package io.followup.sla.cli;

import io.followup.sla.access.Credential;
import io.followup.sla.access.Role;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./sla login NAME --role ops}: makes a login of the query API with a random secret, and
 * prints the secret (once: it is kept nowhere) and the line for {@code http.users-file}, which
 * holds only its hash.
 */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Makes a login of the query API: prints a random secret once, and the line for"
          + " http.users-file (which keeps only its hash).",
      "A manager's NAME is their rep id in sales.reps."
    })
final class LoginCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "The login's name (a manager: their rep id).")
  String name;

  @Option(
      names = "--role",
      required = true,
      paramLabel = "ROLE",
      description = "ops (sees every team) or manager (the teams of the reps they manage).")
  String role;

  @Option(names = "--basic", description = "A password for basic auth instead of a bearer token.")
  boolean basic;

  @Override
  public Integer call() {
    Role parsed =
        Role.parse(role)
            .orElseThrow(() -> new UserError("--role must be ops or manager, not " + role));
    if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
      throw new UserError("the login's name must be one word");
    }
    SecureRandom random = new SecureRandom();
    String secret = Credential.randomSecret(random);
    String stored = basic ? Credential.hashPassword(secret, random) : Credential.hashToken(secret);
    PrintWriter out = spec.commandLine().getOut();
    out.println((basic ? "password: " : "token: ") + secret);
    out.println(name + " " + parsed.id() + " " + stored);
    return 0;
  }
}
