package io.platformsim.core.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules between core's packages, read from the sources (every mention of
 * {@code io.platformsim.core.<package>} outside comments, imports and fully qualified names
 * alike; a package-info saying what it must not depend on is prose, not a dependency): the platform
 * contract knows no platform and no experiment; LeSP and KuSP know neither the experiment nor
 * each other; and no two packages depend on each other, directly or round a longer loop.
 */
class PackageDependenciesTest {

  private static final Path SOURCES = Path.of("src/main/java/io/platformsim/core");
  private static final Pattern MENTION = Pattern.compile("io\\.platformsim\\.core\\.([a-z]+)");
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  /** Package → the other core packages its sources mention. */
  private static final Map<String, Set<String>> USES = new TreeMap<>();

  @BeforeAll
  static void read() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = SOURCES.relativize(f).getName(0).toString();
        Set<String> uses = USES.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher m = MENTION.matcher(COMMENT.matcher(Files.readString(f)).replaceAll(" "));
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            uses.add(m.group(1));
          }
        }
      }
    }
  }

  @Test
  void theSourcesWereFound() {
    assertTrue(USES.keySet().containsAll(List.of("platform", "lesp", "kusp", "experiment")), USES.toString());
  }

  @Test
  void theContractKnowsNoPlatformAndNoExperiment() {
    assertEquals(Set.of(), intersection(USES.get("platform"), Set.of("lesp", "kusp", "experiment")));
  }

  @Test
  void platformsKnowNeitherTheExperimentNorEachOther() {
    assertEquals(Set.of(), intersection(USES.get("lesp"), Set.of("kusp", "experiment")));
    assertEquals(Set.of(), intersection(USES.get("kusp"), Set.of("lesp", "experiment")));
  }

  @Test
  void noPackageCycles() {
    for (String start : USES.keySet()) {
      List<String> path = new ArrayList<>(List.of(start));
      assertTrue(noWayBack(start, start, path, new TreeSet<>()), "package cycle: " + path);
    }
  }

  /** False (with the cycle in {@code path}) if {@code target} is reachable from {@code from}. */
  private static boolean noWayBack(String target, String from, List<String> path, Set<String> seen) {
    for (String next : USES.getOrDefault(from, Set.of())) {
      path.add(next);
      if (next.equals(target)) {
        return false;
      }
      if (seen.add(next) && !noWayBack(target, next, path, seen)) {
        return false;
      }
      path.remove(path.size() - 1);
    }
    return true;
  }

  private static Set<String> intersection(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a == null ? Set.of() : a);
    out.retainAll(b);
    return out;
  }
}
