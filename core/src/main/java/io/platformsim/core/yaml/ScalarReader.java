package io.platformsim.core.yaml;

/**
 * Turns the text of one scalar into a value, for {@link YamlMapping#read}.
 *
 * @param <T> the value read
 */
@FunctionalInterface
public interface ScalarReader<T> {

  /**
   * The value of {@code text}.
   *
   * @throws IllegalArgumentException whose message says what is wrong, with the text; the mapping
   *     reports it at the field's line
   */
  T read(String text);
}
