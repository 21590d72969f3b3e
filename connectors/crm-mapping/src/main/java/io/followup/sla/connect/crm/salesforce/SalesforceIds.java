package io.followup.sla.connect.crm.salesforce;

import java.util.regex.Pattern;

/**
 * Salesforce record ids in their two forms: 15 characters, case-sensitive (what the UI shows), and
 * 18, the same with a 3-character suffix that encodes the case of the first 15 (what the API
 * sends). Both name the same record, so settings accept either.
 */
public final class SalesforceIds {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");
  private static final String SUFFIX_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

  private SalesforceIds() {}

  public static boolean isId(String text) {
    return text != null && ID.matcher(text).matches();
  }

  /** The 18-character form of a 15- or 18-character id. */
  public static String to18(String id) {
    if (!isId(id)) {
      throw new IllegalArgumentException("not a Salesforce id of 15 or 18 characters");
    }
    if (id.length() == 18) {
      return id.substring(0, 15) + id.substring(15).toUpperCase(java.util.Locale.ROOT);
    }
    StringBuilder out = new StringBuilder(id);
    for (int chunk = 0; chunk < 3; chunk++) {
      int flags = 0;
      for (int i = 0; i < 5; i++) {
        char c = id.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          flags |= 1 << i;
        }
      }
      out.append(SUFFIX_CHARS.charAt(flags));
    }
    return out.toString();
  }

  /** Whether two ids, in either form, name the same record. */
  public static boolean same(String a, String b) {
    return isId(a) && isId(b) && a.substring(0, 15).equals(b.substring(0, 15));
  }
}
