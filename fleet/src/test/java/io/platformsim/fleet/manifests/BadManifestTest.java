package io.platformsim.fleet.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input (issue 17, point 6): every case is one line naming the file, the document index, the
 * line the document starts on, the field and the value.
 */
class BadManifestTest {

  private static final String POD =
      "kind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: a, image: 'web:1'}]}\n";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // malformed YAML in the third document: file and the index of the document that failed
        "malformed YAML | "
            + "kind: ConfigMap\\n---\\nkind: Secret\\n---\\nkind: [unclosed\\n"
            + "| #2 (line 5): not YAML or JSON: while parsing a flow sequence: expected ',' or ']',"
            + " but got <stream end> at line 6, column 1",
        "bad quantity | kind: Pod\\nmetadata: {name: p}\\nspec:\\n  containers:\\n"
            + "  - {name: a, image: 'a:1', resources: {requests: {cpu: 1.5.2}}}\\n"
            + "| #0 (line 1): spec.containers[0].resources.requests.cpu: not a quantity: '1.5.2'",
        "negative quantity | kind: Pod\\nmetadata: {name: p}\\nspec:\\n  containers:\\n"
            + "  - {name: a, image: 'a:1', resources: {limits: {memory: -1Gi}}}\\n"
            + "| #0 (line 1): spec.containers[0].resources.requests.memory: must be >= 0, was '-1Gi'",
        "duplicate in one file | "
            + "kind: ConfigMap\\n---\\n"
            + "POD---\\nPOD"
            + "| #2 (line 7): metadata.name: duplicate Pod default/web, first defined in FILE#1,"
            + " again in FILE#2",
        "not a mapping | kind: ConfigMap\\n---\\n- just\\n- a list\\n"
            + "| #1 (line 3): a manifest must be a mapping, was '[just, a list]'",
        "no kind | metadata: {name: x}\\n | #0 (line 1): kind: missing or not a string: 'null'",
        "no name | kind: Deployment\\nspec: {}\\n | #0 (line 1): metadata.name: missing in Deployment",
        "no containers | kind: Pod\\nmetadata: {name: p}\\nspec: {containers: []}\\n"
            + "| #0 (line 1): spec.containers: a pod needs at least one container",
      })
  void badInputIsOneLineNamingFileDocumentFieldAndValue(
      String name, String yaml, String expected, @TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, yaml.replace("\\n", "\n").replace("POD", POD));
    ManifestException e = assertThrows(ManifestException.class, () -> new ManifestReader().read(f));
    assertEquals(f + expected.replace("FILE", f.toString()), firstLine(e.getMessage()));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void anEmptyDirectoryOrAMissingPathNamesThePath(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "not a manifest");
    assertEquals(
        "[" + dir + "]: no .yaml, .yml or .json file found",
        assertThrows(ManifestException.class, () -> new ManifestReader().read(dir)).getMessage());
    Path gone = dir.resolve("gone.yaml");
    assertEquals(
        gone + ": no such file or directory",
        assertThrows(ManifestException.class, () -> new ManifestReader().read(gone)).getMessage());
  }

  @Test
  void aDuplicateAcrossAListAndAFileNamesBoth(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.yaml"), "kind: List\nitems:\n- " + POD.replace("\n", "\n  "));
    Files.writeString(
        dir.resolve("b.json"),
        "{\"kind\": \"Pod\", \"metadata\": {\"name\": \"web\"},"
            + " \"spec\": {\"containers\": [{\"name\": \"a\", \"image\": \"web:1\"}]}}");
    String m =
        assertThrows(ManifestException.class, () -> new ManifestReader().read(dir)).getMessage();
    assertTrue(
        m.endsWith(
            "first defined in "
                + dir.resolve("a.yaml")
                + "#0, again in "
                + dir.resolve("b.json")
                + "#0"),
        m);
  }

  private static String firstLine(String s) {
    return s.lines().findFirst().orElse("");
  }
}
