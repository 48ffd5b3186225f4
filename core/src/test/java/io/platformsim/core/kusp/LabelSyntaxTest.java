package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Label keys and values against upstream's own cases: k8s.io/apimachinery {@code
 * pkg/util/validation/validation_test.go} {@code TestIsQualifiedName} and {@code
 * TestIsValidLabelValue}.
 */
class LabelSyntaxTest {

  static Stream<String> goodKeys() {
    return Stream.of(
        "simple",
        "now-with-dashes",
        "1-starts-with-num",
        "1234",
        "simple/simple",
        "now-with-dashes/simple",
        "now-with-dashes/now-with-dashes",
        "now.with.dots/simple",
        "now-with.dashes-and.dots/simple",
        "1-num.2-num/3-num",
        "1234/5678",
        "1.2.3.4/5678",
        "Uppercase_Is_OK_123",
        "example.com/Uppercase_Is_OK_123",
        "requests.storage-foo",
        "a".repeat(63),
        "a".repeat(253) + "/" + "b".repeat(63));
  }

  static Stream<String> badKeys() {
    return Stream.of(
        "nospecialchars%^=@",
        "cantendwithadash-",
        "-cantstartwithadash-",
        "only/one/slash",
        "Example.com/abc",
        "example_com/abc",
        "example.com/",
        "/simple",
        "a".repeat(64),
        "a".repeat(254) + "/abc",
        ""); // the last one ours: an empty key (upstream: IsQualifiedName's "name part must be
    // non-empty")
  }

  static Stream<String> goodValues() {
    return Stream.of(
        "simple",
        "now-with-dashes",
        "1-starts-with-num",
        "end-with-num-1",
        "1234",
        "a".repeat(63),
        "");
  }

  static Stream<String> badValues() {
    return Stream.of(
        "nospecialchars%^=@",
        "Tama-nui-te-rā.is.Māori.sun",
        "\\backslashes\\are\\bad",
        "-starts-with-dash",
        "ends-with-dash-",
        ".starts.with.dot",
        "ends.with.dot.",
        "a".repeat(64));
  }

  @ParameterizedTest
  @MethodSource("goodKeys")
  void upstreamsGoodKeysPass(String key) {
    assertEquals(Optional.empty(), LabelSyntax.keyProblem(key));
  }

  @ParameterizedTest
  @MethodSource("badKeys")
  void upstreamsBadKeysAreNamed(String key) {
    Optional<String> problem = LabelSyntax.keyProblem(key);
    assertTrue(problem.isPresent(), key);
    assertTrue(key.isEmpty() || problem.get().contains("'" + key + "'"), problem.get());
  }

  @ParameterizedTest
  @MethodSource("goodValues")
  void upstreamsGoodValuesPass(String value) {
    assertEquals(Optional.empty(), LabelSyntax.valueProblem(value));
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void upstreamsBadValuesAreNamed(String value) {
    Optional<String> problem = LabelSyntax.valueProblem(value);
    assertTrue(problem.isPresent(), value);
    assertTrue(problem.get().contains("'" + value + "'"), problem.get());
  }
}
