package io.followup.sla.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A policy document read as YAML, every value with the line it stands on, so that a problem is
 * reported at the line of the rule or field it concerns rather than where a parser noticed it.
 */
final class PolicyYaml {

  /** One value of the document. */
  sealed interface Node permits Scalar, Mapping, Sequence {
    int line();
  }

  /** A plain value; {@code text} is null for an explicit null ({@code ~}, or nothing at all). */
  record Scalar(String text, int line) implements Node {}

  /** One {@code key: value} of a mapping; {@code line} is the key's line. */
  record Entry(String key, int line, Node value) {}

  /** Keys and their values, in the document's order. */
  record Mapping(Map<String, Entry> entries, int line) implements Node {}

  record Sequence(List<Node> items, int line) implements Node {}

  private static final YAMLFactory FACTORY = new YAMLFactory();

  private PolicyYaml() {}

  /** The document's root value, or null when the document holds nothing. */
  static Node read(String yaml, String origin) throws PolicyException {
    try (YAMLParser parser = FACTORY.createParser(yaml)) {
      if (parser.nextToken() == null) {
        return null;
      }
      Node root = node(parser, origin);
      if (parser.nextToken() != null) {
        throw at(origin, line(parser), "a policy is one YAML document; remove the second one");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      String line = where == null || where.getLineNr() < 1 ? "" : " line " + where.getLineNr();
      throw new PolicyException(
          origin
              + line
              + ": not valid YAML here (check the indentation, the colons and the quotes)",
          e);
    } catch (IOException e) {
      // Reading from a string: only a malformed document can fail, and that is handled above.
      throw new UncheckedIOException(e);
    }
  }

  private static Node node(YAMLParser parser, String origin) throws IOException, PolicyException {
    int line = line(parser);
    if (parser.isCurrentAlias()) {
      throw at(origin, line, "write the value out instead of the alias *" + parser.getText());
    }
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Map<String, Entry> entries = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        int keyLine = line(parser);
        parser.nextToken();
        Entry previous = entries.putIfAbsent(key, new Entry(key, keyLine, node(parser, origin)));
        if (previous != null) {
          throw at(
              origin,
              keyLine,
              "'" + key + "' is given twice (also on line " + previous.line() + "); keep one");
        }
      }
      return new Mapping(entries, line);
    }
    if (token == JsonToken.START_ARRAY) {
      List<Node> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(node(parser, origin));
      }
      return new Sequence(items, line);
    }
    return new Scalar(token == JsonToken.VALUE_NULL ? null : parser.getText(), line);
  }

  private static int line(YAMLParser parser) {
    return parser.currentTokenLocation().getLineNr();
  }

  static PolicyException at(String origin, int line, String message) {
    return new PolicyException(origin + " line " + line + ": " + message);
  }
}
