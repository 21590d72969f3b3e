package io.followup.sla.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.followup.sla.config.EngineConfig;
import io.followup.sla.events.RepProfile;
import io.followup.sla.streams.EventPublisher;
import io.followup.sla.text.TextFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./sla reps import reps.csv}: loads the sales team into the compacted sales.reps topic. */
@Command(
    name = "reps",
    mixinStandardHelpOptions = true,
    description = "Manages the sales team the engine knows (names, managers, time zones, hours).",
    subcommands = {RepsCommand.Import.class})
final class RepsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "name a reps command: import");
  }

  /** The columns of the CSV; the first seven are required in the header. */
  static final List<String> REQUIRED =
      List.of("repId", "name", "email", "managerId", "team", "timeZone", "workingHours");

  static final List<String> OPTIONAL =
      List.of("region", "outOfOffice", "outOfOfficeUntil", "slackMemberId");

  /** Slack's member ids: U or W, then upper-case letters and digits (e.g. U024BE7LH). */
  private static final Pattern SLACK_MEMBER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Reads a CSV with the header repId,name,email,managerId,team,timeZone,workingHours"
            + " (optional: region,outOfOffice,outOfOfficeUntil,slackMemberId) and publishes one"
            + " RepProfile per row to sales.reps. Nothing is published unless every row is valid."
      })
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE.csv", description = "The reps.")
    Path file;

    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "Where Kafka and the registry are (see ./sla run).")
    Path config;

    @Override
    public Integer call() throws Exception {
      List<RepProfile> reps = read(file);
      EngineConfig settings = EngineConfig.load(Optional.ofNullable(config), System.getenv());
      try (EventPublisher publisher = AdminConnection.publisher(settings)) {
        // Every send is checked, not only the last: the producer gives up on a record it could not
        // deliver in time (an outage), and an import that says "Imported" must have written all.
        List<Future<RecordMetadata>> sent = new ArrayList<>(reps.size());
        for (RepProfile rep : reps) {
          sent.add(publisher.send(rep));
        }
        publisher.flush();
        for (Future<RecordMetadata> acknowledgement : sent) {
          acknowledgement.get(30, TimeUnit.SECONDS);
        }
      } catch (ExecutionException | TimeoutException | KafkaException e) {
        throw AdminConnection.publishFailure(settings, e);
      }
      spec.commandLine()
          .getOut()
          .printf("Imported %d reps from %s to %s.%n", reps.size(), file, settings.topics().reps());
      return 0;
    }
  }

  /** Reads and checks every row; the first problem ends it with its line number. */
  static List<RepProfile> read(Path file) {
    CsvMapper mapper = new CsvMapper();
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnReordering(true);
    List<RepProfile> reps = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    // An Excel export starts with a byte-order mark, which would otherwise be part of the first
    // column's name.
    try (Reader reader = TextFiles.open(file);
        MappingIterator<Map<String, String>> rows =
            mapper.readerForMapOf(String.class).with(schema).readValues(reader)) {
      List<String> header = new ArrayList<>();
      ((CsvSchema) rows.getParserSchema()).forEach(c -> header.add(c.getName()));
      for (String column : REQUIRED) {
        if (!header.contains(column)) {
          throw new UserError(
              file
                  + ": the header lacks the column "
                  + column
                  + " (needs "
                  + String.join(",", REQUIRED)
                  + ")");
        }
      }
      for (String column : header) {
        if (!REQUIRED.contains(column) && !OPTIONAL.contains(column)) {
          throw new UserError(file + ": unknown column " + column);
        }
      }
      while (rows.hasNextValue()) {
        Map<String, String> row = rows.nextValue();
        int line = rows.getCurrentLocation().getLineNr() - 1;
        RepProfile rep = toRep(row, file + " line " + line);
        if (!ids.add(rep.getRepId())) {
          throw new UserError(
              file + " line " + line + ": repId " + rep.getRepId() + " appears twice");
        }
        reps.add(rep);
      }
    } catch (NoSuchFileException e) {
      throw new UserError("reps file " + file + " does not exist");
    } catch (IOException | RuntimeException e) {
      if (e instanceof UserError u) {
        throw u;
      }
      if (isNotUtf8(e)) {
        throw new UserError(TextFiles.notUtf8(file));
      }
      throw new UserError(
          "cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
    return reps;
  }

  /** The CSV parser may hand on the reader's coding error as it is, or wrapped. */
  private static boolean isNotUtf8(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CharacterCodingException) {
        return true;
      }
    }
    return false;
  }

  private static RepProfile toRep(Map<String, String> row, String where) {
    String repId = required(row, "repId", where);
    String zone = required(row, "timeZone", where);
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new UserError(
          where + ": timeZone '" + zone + "' is not an IANA time zone (e.g. America/Chicago)");
    }
    String hours = blankToNull(row.get("workingHours"));
    if (hours != null) {
      checkWorkingHours(hours, where);
    }
    RepProfile.Builder rep =
        RepProfile.newBuilder()
            .setRepId(repId)
            .setName(required(row, "name", where))
            .setEmail(blankToNull(row.get("email")))
            .setManagerId(blankToNull(row.get("managerId")))
            .setTeam(blankToNull(row.get("team")))
            .setTimeZone(zone)
            .setWorkingHours(hours)
            .setRegion(blankToNull(row.get("region")));
    String away = blankToNull(row.get("outOfOffice"));
    if (away != null) {
      if (!away.equalsIgnoreCase("true") && !away.equalsIgnoreCase("false")) {
        throw new UserError(where + ": outOfOffice must be true or false, not '" + away + "'");
      }
      rep.setOutOfOffice(Boolean.parseBoolean(away.toLowerCase(Locale.ROOT)));
    }
    String until = blankToNull(row.get("outOfOfficeUntil"));
    if (until != null) {
      try {
        rep.setOutOfOfficeUntil(Instant.parse(until));
      } catch (DateTimeException e) {
        throw new UserError(
            where + ": outOfOfficeUntil must be an ISO-8601 UTC time such as 2026-03-09T08:00:00Z");
      }
    }
    String slack = blankToNull(row.get("slackMemberId"));
    if (slack != null) {
      if (!SLACK_MEMBER_ID.matcher(slack).matches()) {
        throw new UserError(
            where
                + ": slackMemberId '"
                + slack
                + "' is not a Slack member id (U or W and capitals or digits, e.g. U024BE7LH)");
      }
      rep.setSlackMemberId(slack);
    }
    return rep.build();
  }

  private static void checkWorkingHours(String hours, String where) {
    try {
      io.followup.sla.time.WorkingHours.parse(hours);
    } catch (IllegalArgumentException e) {
      throw new UserError(where + ": workingHours '" + hours + "': " + e.getMessage());
    }
  }

  private static String required(Map<String, String> row, String column, String where) {
    String value = blankToNull(row.get(column));
    if (value == null) {
      throw new UserError(where + ": " + column + " is empty");
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
