package io.followup.sla.cli;

import io.followup.sla.config.ConfigException;
import io.followup.sla.policy.PolicyException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./sla}: the follow-up SLA engine's command line. */
@Command(
    name = "sla",
    mixinStandardHelpOptions = true,
    versionProvider = SlaCommand.Version.class,
    description =
        "The follow-up SLA engine: detects leads that sales fails to follow up, as it happens.",
    subcommands = {
      DemoCommand.class,
      RunCommand.class,
      RegistryCommand.class,
      ReplayCommand.class,
      PolicyCommand.class,
      RepsCommand.class,
      LoginCommand.class,
      GenerateHistoryCommand.class,
      CommandLine.HelpCommand.class
    })
public final class SlaCommand implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(SlaCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a command: demo, run, replay, policy or reps (see ./sla --help)");
  }

  public static void main(String[] args) {
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the CLI; every failure a user can cause ends as one line on {@code err}, never a stack
   * trace.
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new SlaCommand());
    for (SlaSubcommand subcommand : ServiceLoader.load(SlaSubcommand.class)) {
      cli.addSubcommand(subcommand);
    }
    cli.registerConverter(
        Duration.class,
        text -> {
          try {
            return Duration.parse(text);
          } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(
                "'" + text + "' is not an ISO-8601 duration (e.g. PT2M, PT90S, PT1H)");
          }
        });
    cli.registerConverter(
        Instant.class,
        text -> {
          try {
            return Instant.parse(text);
          } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(
                "'" + text + "' is not an ISO-8601 UTC time (e.g. 2026-03-06T17:00:00Z)");
          }
        });
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (e, a) -> {
          err.println("sla: " + firstMistake(e).getMessage() + helpHint(e.getCommandLine()));
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          err.println("sla: " + userMessage(e));
          if (!isUserError(e)) {
            LOG.error("Unexpected failure", e);
          }
          return 1;
        });
    return cli.execute(args);
  }

  /**
   * The mistake to report. Picocli checks the required options before it complains of the unknown
   * ones, so a misspelt required option would read as missing; the unknown one is the mistake.
   */
  private static CommandLine.ParameterException firstMistake(CommandLine.ParameterException e) {
    if (e instanceof CommandLine.MissingParameterException
        && !e.getCommandLine().getUnmatchedArguments().isEmpty()) {
      return new CommandLine.UnmatchedArgumentException(
          e.getCommandLine(), e.getCommandLine().getUnmatchedArguments());
    }
    return e;
  }

  private static String helpHint(CommandLine commandLine) {
    String path = commandLine.getCommandSpec().qualifiedName(" ");
    return " (see ./" + path + " --help)";
  }

  private static boolean isUserError(Throwable e) {
    return e instanceof UserError || e instanceof ConfigException || e instanceof PolicyException;
  }

  private static String userMessage(Throwable e) {
    if (isUserError(e)) {
      return e.getMessage();
    }
    String message =
        e.getMessage() == null
            ? e.getClass().getSimpleName()
            : e.getMessage().lines().findFirst().orElse("");
    return "unexpected failure: " + message + " (details in the log)";
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = SlaCommand.class.getPackage().getImplementationVersion();
      return new String[] {"sla " + (version == null ? "(development build)" : version)};
    }
  }
}
