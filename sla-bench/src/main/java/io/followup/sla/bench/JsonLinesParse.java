package io.followup.sla.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The replay's baseline: reading the same JSON Lines file with Jackson and nothing else, in a JVM
 * of its own like the replay, so both figures include a JVM's start. {@code JsonLinesParse FILE}
 * prints how many records it parsed.
 */
public final class JsonLinesParse {

  private JsonLinesParse() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: JsonLinesParse FILE.jsonl");
      System.exit(2);
    }
    ObjectMapper json = new ObjectMapper();
    long records = 0;
    try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank() && json.readTree(line).has("type")) {
          records++;
        }
      }
    }
    System.out.println("Parsed " + records + " records");
  }
}
