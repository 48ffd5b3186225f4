package io.platformsim.examples.cli;

import io.platformsim.fleet.manifests.DefaultRequest;
import io.platformsim.fleet.manifests.ImportedWorkloads;
import io.platformsim.fleet.manifests.ManifestReader;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options {@code plan} and {@code import} share to read Kubernetes manifests: {@code
 * --manifests} (files and directories) and {@code --default-request} (the fallback for a container
 * without a request).
 */
final class ManifestInput {

  @Option(
      names = "--manifests",
      arity = "1..*",
      paramLabel = "<path>",
      description =
          "Kubernetes manifest files or directories (recursive; .yaml, .yml, .json;"
              + " multi-document YAML, kind: List, helm template / kubectl kustomize output).")
  List<Path> manifests;

  @Option(
      names = "--default-request",
      paramLabel = "cpu=<q>,memory=<q>",
      description = {
        "Request of a container that has none, per resource, e.g. cpu=250m,memory=256Mi",
        "(default: the scheduler's non-zero default, 100m and 200Mi)."
      })
  String defaultRequest;

  /** True when {@code --manifests} was given. */
  boolean given() {
    return manifests != null && !manifests.isEmpty();
  }

  /**
   * Reads the manifests.
   *
   * @throws IllegalArgumentException with one line naming the file, document, field and value
   */
  ImportedWorkloads read() {
    return reader().read(manifests);
  }

  /**
   * The fallback for a container without a request: {@code --default-request}, else the documented
   * default.
   *
   * @throws IllegalArgumentException naming the option, field and value on bad text
   */
  DefaultRequest fallback() {
    return defaultRequest == null
        ? DefaultRequest.SCHEDULER_NON_ZERO
        : DefaultRequest.parse(defaultRequest);
  }

  private ManifestReader reader() {
    return new ManifestReader(fallback());
  }
}
