package io.platformsim.core.experiment;

import io.platformsim.core.yaml.DidYouMean;
import java.util.Collection;

/**
 * "Did you mean" suggestions for misspelt names in the experiment package; the rule lives in {@link
 * DidYouMean} (the YAML layer needs it too and may not depend on this package).
 */
final class Suggestions {

  private Suggestions() {}

  /** {@link DidYouMean#suggest}: the closest candidate, else the short list, else empty. */
  static String didYouMean(String word, Collection<String> candidates) {
    return DidYouMean.suggest(word, candidates);
  }
}
