package io.platformsim.fleet.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code --map} file: legacy service names (inventory, usage) renamed to their Kubernetes names
 * (manifest service names: {@code name}, or {@code name.namespace} outside {@code default}), so
 * both sides of a service pair up.
 *
 * <p>File format: plain CSV, header line {@code legacy,kubernetes} (required), then one rename per
 * line; fields trimmed, no quoting; blank lines and lines starting with {@code #} skipped. A legacy
 * name given twice, or two legacy names renamed to one Kubernetes name, is an error (a pairing must
 * be one to one).
 *
 * <pre>{@code
 * ServiceRenames r = ServiceRenames.read(Path.of("examples/fleet/renames.csv"));
 * r.kubernetesName("checkout");   // "checkout.shop"
 * }</pre>
 *
 * @param legacyToKubernetes legacy name to Kubernetes name (sorted copy)
 */
public record ServiceRenames(Map<String, String> legacyToKubernetes) {

  /** No renames. */
  public static final ServiceRenames NONE = new ServiceRenames(Map.of());

  private static final List<String> HEADER = List.of("legacy", "kubernetes");

  /** Copies the map; rejects blank names and two legacy names renamed to one. */
  public ServiceRenames {
    Map<String, String> seen = new HashMap<>();
    for (Map.Entry<String, String> e : legacyToKubernetes.entrySet()) {
      if (e.getKey() == null
          || e.getKey().isBlank()
          || e.getValue() == null
          || e.getValue().isBlank()) {
        throw new IllegalArgumentException(
            "renames must map non-blank names to non-blank names, was " + legacyToKubernetes);
      }
      String other = seen.put(e.getValue(), e.getKey());
      if (other != null) {
        throw new IllegalArgumentException(
            "'" + other + "' and '" + e.getKey() + "' are both renamed to '" + e.getValue() + "'");
      }
    }
    legacyToKubernetes = Collections.unmodifiableMap(new TreeMap<>(legacyToKubernetes));
  }

  /**
   * Reads a renames CSV (see the type's Javadoc).
   *
   * @throws FleetImportException one line, {@code file:line: field: problem 'value'}
   */
  public static ServiceRenames read(Path csv) {
    String file = csv.toString();
    List<String> lines;
    try {
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new FleetImportException(file + ": cannot read: " + e.getMessage(), e);
    }
    Map<String, String> renames = new TreeMap<>();
    Map<String, Integer> lineOfTarget = new HashMap<>();
    boolean header = false;
    for (int i = 0; i < lines.size(); i++) {
      int line = i + 1;
      String t = lines.get(i).strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String[] f = t.split(",", -1);
      for (int k = 0; k < f.length; k++) {
        f[k] = f[k].strip();
      }
      if (!header) {
        if (!List.of(f).equals(HEADER)) {
          throw error(file, line, "header", "expected 'legacy,kubernetes', was '" + t + "'");
        }
        header = true;
        continue;
      }
      if (f.length != 2) {
        throw error(file, line, "row", "expected 2 fields, was " + f.length + ": '" + t + "'");
      }
      if (f[0].isEmpty()) {
        throw error(file, line, "legacy", "must not be empty, was '" + t + "'");
      }
      if (f[1].isEmpty()) {
        throw error(file, line, "kubernetes", "must not be empty, was '" + t + "'");
      }
      if (renames.containsKey(f[0])) {
        throw error(file, line, "legacy", "renamed twice: '" + f[0] + "'");
      }
      Integer before = lineOfTarget.putIfAbsent(f[1], line);
      if (before != null) {
        throw error(
            file,
            line,
            "kubernetes",
            "already the name of another legacy service (line " + before + "): '" + f[1] + "'");
      }
      renames.put(f[0], f[1]);
    }
    if (!header) {
      throw error(file, 1, "header", "expected 'legacy,kubernetes', the file is empty");
    }
    return new ServiceRenames(renames);
  }

  private static FleetImportException error(String file, int line, String field, String problem) {
    return new FleetImportException(file + ":" + line + ": " + field + ": " + problem);
  }

  /** The Kubernetes name of {@code legacy}: its rename, or itself. */
  public String kubernetesName(String legacy) {
    return legacyToKubernetes.getOrDefault(legacy, legacy);
  }
}
