package io.platformsim.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlMappingTest {

  private static final String DOC =
      """
      name: web
      size: 3
      ratio: 0.25
      on: true
      limits:
        cpu: 2
      zones: [a, b]
      items:
        - {x: 1}
        - {x: 2}
      """;

  private static YamlMapping root(String yaml) {
    return YamlDocument.root(yaml, "t.yaml", 1 << 20).orElseThrow();
  }

  private static YamlFileException error(Runnable r) {
    return assertThrows(YamlFileException.class, r::run);
  }

  @Test
  void typedGettersReadValuesAndDefaults() {
    YamlMapping m = root(DOC);
    assertEquals("web", m.string("name", null));
    assertEquals(3, m.integer("size", 0, 10, null));
    assertEquals(7, m.integer("absent", 0, 10, 7));
    assertEquals(0.25, m.decimal("ratio", null));
    assertTrue(m.bool("on", false));
    assertEquals(9L, m.longValue("absent", 9));
    YamlMapping limits = m.requiredMapping("limits");
    assertEquals("limits", limits.path());
    assertEquals("limits.cpu", limits.path("cpu"));
    assertEquals(List.of("a", "b"), m.list("zones").orElseThrow().names());
    List<YamlMapping> items = m.list("items").orElseThrow().mappings();
    assertEquals("items[1]", items.get(1).path());
    assertEquals(2, items.get(1).integer("x", 0, 5, null));
    assertEquals(Optional.of("web"), m.scalar("name"));
    assertEquals(Optional.empty(), m.scalar("limits"));
    assertEquals(Integer.valueOf(42), m.read("size", t -> Integer.parseInt(t) * 14, null));
  }

  @Test
  void errorsNameFileLineFieldAndValue() {
    YamlMapping m = root(DOC);
    YamlFileException e = error(() -> m.integer("size", 5, 10, null));
    assertEquals("t.yaml:2: size: must be in [5, 10], was 3", e.getMessage());
    e = error(() -> m.requiredMapping("limits").integer("mem", 0, 1, null));
    // a missing field is reported at the line of the mapping that lacks it
    assertEquals("t.yaml:6: limits.mem: missing; it is required", e.getMessage());
    e = error(() -> m.list("items").orElseThrow().mappings().get(0).integer("x", 5, 9, null));
    assertEquals("t.yaml:9: items[0].x: must be in [5, 9], was 1", e.getMessage());
    e =
        error(
            () ->
                m.read(
                    "name",
                    t -> {
                      throw new IllegalArgumentException("no '" + t + "' here");
                    },
                    null));
    assertEquals("t.yaml:1: name: no 'web' here", e.getMessage());
    assertEquals("ratio", error(() -> m.integer("ratio", 0, 1, null)).field());
    assertEquals("expected a list ('- ' items), was 'web'", error(() -> m.list("name")).problem());
    assertEquals(
        "expected a mapping (key: value lines), was 'web'",
        error(() -> m.mapping("name")).problem());
    assertEquals("expected a single value, was a mapping", error(() -> m.text("limits")).problem());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "nmae | did you mean 'name'?",
        "zzzzzzzzzz | expected one of [name, size, ratio, on, limits, zones, items]"
      })
  void unknownFieldSuggestsTheClosest(String typo, String suggestion) {
    YamlMapping m = root(DOC.replace("name: web", typo + ": web"));
    YamlFileException e =
        error(() -> m.only(List.of("name", "size", "ratio", "on", "limits", "zones", "items")));
    assertEquals(1, e.line());
    assertEquals(typo, e.field());
    assertTrue(e.problem().startsWith("unknown field '" + typo + "'; " + suggestion), e.problem());
  }

  @Test
  void anchorsDuplicatesAndOtherShapesAreRefused() {
    assertTrue(error(() -> root("a: &x 1\nb: *x\n")).problem().contains("anchors and aliases"));
    assertTrue(error(() -> root("a: 1\na: 2\n")).getMessage().toLowerCase().contains("duplicate"));
    assertEquals(
        "expected a mapping (key: value lines), was a list",
        error(() -> root("- 1\n- 2\n")).problem());
    assertTrue(error(() -> root("a: [unclosed\n")).problem().startsWith("not valid YAML"));
    assertFalse(YamlDocument.root("# only a comment\n", "c.yaml", 100).isPresent());
  }

  @Test
  void didYouMeanUsesEditDistance() {
    // Levenshtein: kitten -> sitting is 3 (two substitutions, one insertion).
    assertEquals(3, DidYouMean.distance("kitten", "sitting"));
    assertEquals(
        "; did you mean 'headroom'?",
        DidYouMean.suggest("HEADROM", List.of("strategy", "headroom")));
    assertEquals(
        "",
        DidYouMean.suggest(
            "q", java.util.stream.IntStream.range(0, 13).mapToObj(i -> "long" + i).toList()));
  }
}
