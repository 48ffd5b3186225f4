package io.platformsim.core.kusp;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API server's syntax of label keys and values (k8s.io/apimachinery {@code
 * pkg/util/validation/validation.go}): a key is a qualified name ({@code IsQualifiedName}: an
 * optional DNS-1123 subdomain prefix of at most 253 characters and a {@code /}, then a name of 1 to
 * 63 characters, alphanumeric at both ends, {@code - _ .} inside); a value is empty or such a name
 * ({@code IsValidLabelValue}). Topology keys follow the key rule too ({@code ValidateLabelName},
 * used by {@code validatePodAffinityTerm} and {@code ValidateTopologyKey}).
 */
public final class LabelSyntax {

  private static final int NAME_MAX = 63;
  private static final int PREFIX_MAX = 253;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private LabelSyntax() {}

  /** What is wrong with {@code key} as a label key, or empty if it is a qualified name. */
  public static Optional<String> keyProblem(String key) {
    if (key == null || key.isEmpty()) {
      return Optional.of("a label key must not be empty");
    }
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      if (prefix.isEmpty()
          || prefix.length() > PREFIX_MAX
          || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
        return Optional.of(
            "label key '"
                + key
                + "': the prefix before '/' must be a lower-case DNS subdomain of at most 253"
                + " characters (e.g. 'example.com')");
      }
    }
    if (name.isEmpty() || name.length() > NAME_MAX || !NAME.matcher(name).matches()) {
      return Optional.of(
          "label key '"
              + key
              + "': the name must be 1 to 63 characters, alphanumeric at both ends with '-', '_'"
              + " or '.' between");
    }
    return Optional.empty();
  }

  /** What is wrong with {@code value} as a label value, or empty if it is one. */
  public static Optional<String> valueProblem(String value) {
    if (value == null) {
      return Optional.of("a label value must not be null");
    }
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.length() > NAME_MAX || !NAME.matcher(value).matches()) {
      return Optional.of(
          "label value '"
              + value
              + "' must be empty or 1 to 63 characters, alphanumeric at both ends with '-', '_'"
              + " or '.' between");
    }
    return Optional.empty();
  }
}
