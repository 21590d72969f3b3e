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

  /** The words of PREFIXES, longest first where one starts another. */
  private static final List<String> PREFIX_WORDS = List.of("re", "fwd", "fw", "aw", "wg");

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

  /**
   * The subject with case, reply/forward prefixes and punctuation set aside: its words, one space
   * apart. Subjects in plain ASCII (nearly all of them) are read by hand, to the same result as the
   * general path's Unicode normalisation and patterns; a replay meets a hundred thousand subjects a
   * year, and the patterns cost more than all the rules' reading of a touch.
   */
  static String normalise(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return normaliseAnyText(text);
      }
    }
    return normaliseAscii(text);
  }

  /** As {@link #normaliseAnyText}, for text of ASCII characters only. */
  static String normaliseAscii(String text) {
    // strip(): Character.isWhitespace, as String.strip sets aside.
    int from = 0;
    int to = text.length();
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    // PREFIXES, as often as they repeat: re|fw|fwd|aw|wg, then \s*:\s*.
    int at = from;
    while (true) {
      int word = prefixWord(text, at, to);
      if (word < 0) {
        break;
      }
      int i = skipSpace(text, word, to);
      if (i >= to || text.charAt(i) != ':') {
        break;
      }
      at = skipSpace(text, i + 1, to);
    }
    // NOT_WORD runs become one space, and the ends are stripped: the words, one space apart.
    StringBuilder words = new StringBuilder(to - at);
    boolean gap = false;
    for (int i = at; i < to; i++) {
      char c = text.charAt(i);
      boolean letterOrDigit =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!letterOrDigit) {
        gap = true;
        continue;
      }
      if (gap && words.length() > 0) {
        words.append(' ');
      }
      gap = false;
      words.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return words.toString();
  }

  /** Where a reply/forward word at {@code at} ends, in any case; -1 if none starts there. */
  private static int prefixWord(String text, int at, int to) {
    for (String word : PREFIX_WORDS) {
      int end = at + word.length();
      if (end <= to && text.regionMatches(true, at, word, 0, word.length())) {
        // "fw" and "fwd" both start "fwd": the longer is tried first, as the pattern backtracks.
        return end;
      }
    }
    return -1;
  }

  /** Past the characters of \s (space, tab, line end, vertical tab, form feed). */
  private static int skipSpace(String text, int at, int to) {
    while (at < to && " \t\n\013\f\r".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    return at;
  }

  static String normaliseAnyText(String text) {
    String lower =
        Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    String withoutPrefixes = PREFIXES.matcher(lower).replaceFirst("");
    return NOT_WORD.matcher(withoutPrefixes).replaceAll(" ").strip();
  }
}
