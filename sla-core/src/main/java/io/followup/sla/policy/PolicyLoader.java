package io.followup.sla.policy;

import io.followup.sla.text.TextFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and validates policy YAML. A policy that does not validate is refused with one line naming
 * the line and what to write instead, so the version in force stays and the author knows what to
 * fix.
 */
public final class PolicyLoader {

  /** The built-in policy: 48 wall-clock hours to the first touch, stricter for hot leads. */
  public static final String DEFAULT_POLICY_RESOURCE = "/policies/default-policy.yaml";

  /** Compressed SLAs for {@code ./sla demo}, so breaches show within a minute. */
  public static final String DEMO_POLICY_RESOURCE = "/policies/demo-policy.yaml";

  private PolicyLoader() {}

  public static Policy builtInDefault() {
    return BuiltIn.DEFAULT;
  }

  public static Policy demo() {
    try {
      return parse(readResource(DEMO_POLICY_RESOURCE), DEMO_POLICY_RESOURCE);
    } catch (PolicyException e) {
      throw new IllegalStateException(
          "the built-in demo policy does not validate: " + e.getMessage(), e);
    }
  }

  public static Policy fromFile(Path file) throws PolicyException {
    String text;
    try {
      text = TextFiles.withoutByteOrderMark(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new PolicyException("policy file " + file + " does not exist");
    } catch (CharacterCodingException e) {
      throw new PolicyException(TextFiles.notUtf8(file), e);
    } catch (IOException e) {
      throw new PolicyException("cannot read policy file " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /**
   * Parses and validates one policy document; rules it does not mention keep the built-in settings.
   *
   * @param origin the file name or topic the text came from, for messages
   */
  public static Policy parse(String yaml, String origin) throws PolicyException {
    return PolicyDocument.read(yaml, origin, builtInDefault());
  }

  private static String readResource(String resource) {
    try (InputStream in = PolicyLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loaded once, on first use. */
  private static final class BuiltIn {
    static final Policy DEFAULT = load();

    private static Policy load() {
      try {
        return PolicyDocument.read(
            readResource(DEFAULT_POLICY_RESOURCE), DEFAULT_POLICY_RESOURCE, null);
      } catch (PolicyException e) {
        throw new IllegalStateException(
            "the built-in policy does not validate: " + e.getMessage(), e);
      }
    }
  }
}
