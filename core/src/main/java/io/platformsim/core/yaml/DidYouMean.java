package io.platformsim.core.yaml;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" suggestions for misspelt names: the closest candidate by edit distance. */
public final class DidYouMean {

  private DidYouMean() {}

  /**
   * {@code "; did you mean 'x'?"} for the candidate closest to {@code word} (Levenshtein distance
   * at most max(2, a third of its length), ignoring case), else {@code "; expected one of [..]"}
   * for a list of at most 12, else empty.
   */
  public static String suggest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(word.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    if (best != null && bestDistance <= Math.max(2, word.length() / 3)) {
      return "; did you mean '" + best + "'?";
    }
    return candidates.size() <= 12 ? "; expected one of " + candidates : "";
  }

  /** Levenshtein edit distance (insert, delete, substitute each cost 1), two rows. */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
