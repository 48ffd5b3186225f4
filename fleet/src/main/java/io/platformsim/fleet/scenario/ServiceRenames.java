package io.platformsim.fleet.scenario;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code --map} file: legacy service names (inventory, usage) renamed to their Kubernetes names
 * (the manifest service names), so both sides pair up.
 *
 * @param legacyToKubernetes legacy name to Kubernetes name (sorted copy)
 */
public record ServiceRenames(Map<String, String> legacyToKubernetes) {

  /** No renames. */
  public static final ServiceRenames NONE = new ServiceRenames(Map.of());

  /** Copies the map. */
  public ServiceRenames {
    legacyToKubernetes = Collections.unmodifiableMap(new TreeMap<>(legacyToKubernetes));
  }

  /**
   * Reads a CSV with the header {@code legacy,kubernetes}.
   *
   * @throws FleetImportException naming file, line, field and value
   */
  public static ServiceRenames read(Path csv) {
    throw new UnsupportedOperationException("not yet");
  }

  /** The Kubernetes name of {@code legacy}: its rename, or itself. */
  public String kubernetesName(String legacy) {
    return legacyToKubernetes.getOrDefault(legacy, legacy);
  }
}
