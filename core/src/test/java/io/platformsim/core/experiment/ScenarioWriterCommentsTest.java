package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ScenarioWriter#write(Scenario, Map)}: a comment above a service, and nothing else. */
class ScenarioWriterCommentsTest {

  @Test
  void aCommentLineGoesAboveItsServiceAndTheFileReadsBackTheSame() {
    Scenario s = ScenarioFile.parse(LoadCurveSectionTest.TWO.replace("timeline:\n", ""), "t.yaml");
    String plain = ScenarioWriter.write(s);
    String commented =
        ScenarioWriter.write(
            s, Map.of("api", "from Deployment shop/api (helm.yaml#3)\nand more", "gone", "x"));
    // one comment line, indented as the list item it precedes; a line break becomes a space
    assertTrue(
        commented.contains(
            "\n  # from Deployment shop/api (helm.yaml#3) and more\n  - name: api\n"),
        commented);
    // the comment is the only difference, and the text reads back as the scenario
    assertEquals(
        plain, commented.replace("  # from Deployment shop/api (helm.yaml#3) and more\n", ""));
    assertEquals(s, ScenarioFile.parse(commented, "c.yaml"));
    assertEquals(plain, ScenarioWriter.write(s, Map.of()));
  }
}
