package io.followup.sla.rules;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Tells whether a touch's subject reads as a generic follow-up. The phrases come from the policy. A
 * subject is generic when, with reply/forward prefixes, punctuation and case set aside, it is a
 * phrase alone or a phrase followed by at most four words: "Re: Just checking in!" and "Following
 * up on this" are generic; "Following up on your scale-up data for the 2000L line" is not.
 */
public final class GenericPhrases {

  private static final int MAX_EXTRA_WORDS = 4;
  private static final Pattern PREFIXES = Pattern.compile("^((re|fw|fwd|aw|wg)\\s*:\\s*)+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /**
   * How many subjects' answers are remembered. Subjects repeat (templates, sequences), and telling
   * one apart normalises it with two patterns and Unicode rules: a replay asks once per touch.
   */
  private static final int REMEMBERED = 4_096;

  private final List<String> phrases;

  /** Answers by subject; cleared when full, so a run of unique subjects cannot grow it. */
  private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

  public GenericPhrases(List<String> phrases) {
    this.phrases =
        phrases.stream().map(GenericPhrases::normalise).filter(p -> !p.isEmpty()).toList();
  }

  public boolean isGeneric(String subject) {
    if (subject == null) {
      return false;
    }
    Boolean known = answers.get(subject);
    if (known != null) {
      return known;
    }
    boolean generic = decide(subject);
    if (answers.size() >= REMEMBERED) {
      answers.clear();
    }
    answers.put(subject, generic);
    return generic;
  }

  private boolean decide(String subject) {
    String normalised = normalise(subject);
    for (String phrase : phrases) {
      if (normalised.equals(phrase)) {
        return true;
      }
      if (normalised.startsWith(phrase + " ")) {
        String rest = normalised.substring(phrase.length() + 1);
        if (rest.split(" ").length <= MAX_EXTRA_WORDS) {
          return true;
        }
      }
    }
    return false;
  }

  private static String normalise(String text) {
    String lower =
        Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    String withoutPrefixes = PREFIXES.matcher(lower).replaceFirst("");
    return NOT_WORD.matcher(withoutPrefixes).replaceAll(" ").strip();
  }
}
