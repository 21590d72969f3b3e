package io.followup.sla.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The policy parser under arbitrary and mutated documents: each validates into a policy or is
 * refused with a {@link PolicyException} whose message is one line naming its origin, within two
 * seconds; never another exception, whatever the YAML.
 */
class PolicyFuzzTest {

  private static final Duration BOUND = Duration.ofSeconds(2);
  private static final String DEFAULT = resource(PolicyLoader.DEFAULT_POLICY_RESOURCE);

  @Property
  void anyTextValidatesOrIsRefusedInOneLine(@ForAll("yamlLike") String yaml) {
    check(yaml);
  }

  @Property
  void aMutatedDefaultPolicyValidatesOrIsRefusedInOneLine(@ForAll("mutatedDefault") String yaml) {
    check(yaml);
  }

  private static void check(String yaml) {
    assertTimeoutPreemptively(
        BOUND,
        () -> {
          try {
            Policy policy = PolicyLoader.parse(yaml, "fuzz.yaml");
            assertThat(policy.policyId()).isNotBlank();
          } catch (PolicyException refused) {
            assertThat(refused.getMessage()).startsWith("fuzz.yaml").doesNotContain("\n");
          }
        });
  }

  /** Text in YAML's alphabet, with the policy's own words, so that parsing gets somewhere. */
  @Provide
  Arbitrary<String> yamlLike() {
    Arbitrary<String> token =
        Arbitraries.oneOf(
            Arbitraries.of(
                "policyId: p\n",
                "version: \"1\"\n",
                "rules:\n",
                "  first-touch:\n",
                "    sla: PT4H\n",
                "    bySource:\n",
                "      RFP_REQUEST: PT1H\n",
                "    warnAt: 0.75\n",
                "calendar:\n",
                "  workingHours: MON-FRI 09:00-17:00\n",
                "- ",
                "&a ",
                "*a",
                "!!binary ",
                "{",
                "}",
                "[",
                "]",
                "\"",
                "'",
                ": ",
                "\n",
                "  ",
                "\t",
                "~",
                "null",
                "1e999",
                "-9223372036854775809",
                "P99999999999D"),
            Arbitraries.strings().ofMaxLength(8));
    return token.list().ofMaxSize(40).map(parts -> String.join("", parts));
  }

  /** The built-in policy with a few edits: a range cut out, text put in, a line doubled. */
  @Provide
  Arbitrary<String> mutatedDefault() {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, DEFAULT.length());
    Arbitrary<Integer> length = Arbitraries.integers().between(0, 40);
    Arbitrary<String> insert =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars(":-{}[]&*!|>'\"#\n 0123456789PTHMDS.").ofMaxLength(6),
            Arbitraries.strings().ofMaxLength(4));
    Arbitrary<Mutation> one = Combinators.combine(at, length, insert).as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(4).map(edits -> apply(DEFAULT, edits));
  }

  private record Mutation(int at, int length, String insert) {}

  private static String apply(String text, java.util.List<Mutation> edits) {
    String result = text;
    for (Mutation edit : edits) {
      int from = Math.min(edit.at(), result.length());
      int to = Math.min(from + edit.length(), result.length());
      result = result.substring(0, from) + edit.insert() + result.substring(to);
    }
    return result;
  }

  private static String resource(String name) {
    try (InputStream in = PolicyFuzzTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
