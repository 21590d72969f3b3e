package io.followup.sla.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.policy.PolicyLoader;
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
}
