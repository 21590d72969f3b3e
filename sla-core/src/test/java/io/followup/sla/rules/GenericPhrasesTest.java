package io.followup.sla.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.policy.PolicyLoader;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenericPhrasesTest {

  private static final GenericPhrases PHRASES =
      new GenericPhrases(PolicyLoader.builtInDefault().genericPhrases());

  @ParameterizedTest(name = "\"{0}\" generic: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Just checking in | true",
        "RE: Just checking in! | true",
        "Fwd: re: Following up | true",
        "Following up on this | true",
        "Touching base | true",
        "Any update? | true",
        "circling back on my last note | true",
        "Following up on your scale-up data for the 2000L line | false",
        "Scale-up data for your 2000L line | false",
        "Checking instruments for QC release | false",
        "'' | false"
      })
  void readsSubjectsAsAPersonWould(String subject, boolean generic) {
    assertThat(PHRASES.isGeneric(subject)).isEqualTo(generic);
  }

  @Test
  void readsPlainAsciiSubjectsByHandAsThePatternsRead() {
    // Pieces that the prefixes, the stripping and the word breaks turn on, in every order.
    String[] pieces = {
      "re", "RE", "Fw", "fwd", "FWD", "aw", "wg", "wgx", ":", ": ", " :", "\t", "\n", "\u000B",
      "\f", "\r", "\u001C", " ", "  ", "!", "?", "-", "_", "'", "just", "Checking", "in", "2000L",
      "x", "0", "following up", "re:re:", "fw :", "~", "\u007F", "\u0000"
    };
    Random random = new Random(17);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder text = new StringBuilder();
      int n = random.nextInt(8);
      for (int j = 0; j < n; j++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String subject = text.toString();
      assertThat(GenericPhrases.normaliseAscii(subject))
          .as("\"%s\"", subject)
          .isEqualTo(GenericPhrases.normaliseAnyText(subject));
    }
    // Any other text takes the general path.
    assertThat(GenericPhrases.normalise("Re: Ｊｕｓｔ checking in")).isEqualTo("just checking in");
    assertThat(PHRASES.isGeneric("Ｊｕｓｔ checking in")).isTrue();
  }
}
