package io.platformsim.fleet.manifests;

import io.platformsim.core.workload.Service;
import java.util.Map;
import java.util.Objects;

/**
 * One workload read from a manifest, with where it came from and the service it becomes.
 *
 * @param kind Deployment, StatefulSet, DaemonSet, ReplicaSet or Pod
 * @param namespace {@code metadata.namespace}, {@code "default"} when absent (as kubectl applies)
 * @param name {@code metadata.name}
 * @param source {@code file#document} it was read from
 * @param replicas pods wanted: {@code spec.replicas} (1 when absent, as upstream defaulting sets
 *     it), 1 for a bare Pod, and 1 for a DaemonSet (one pod per node; the node count is not in the
 *     manifests)
 * @param image the first app container's image reference
 * @param labels the pod template's labels (the pod's own for a bare Pod)
 * @param request the per-pod effective request as written (missing requests count 0 and are listed)
 * @param service the scenario service: instances = max(replicas, 1), request = the effective
 *     request with the reader's {@link DefaultRequest} for missing container requests, usage a
 *     quarter of it (the {@link Service#builder} default ratio; usage data comes in elsewhere)
 * @param details strategy, priority, node selector, tolerations and probes
 */
public record ImportedWorkload(
    String kind,
    String namespace,
    String name,
    String source,
    int replicas,
    String image,
    Map<String, String> labels,
    PodRequest request,
    Service service,
    WorkloadDetails details) {

  /** Copies labels (sorted); rejects nulls and negative replicas. */
  public ImportedWorkload {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(details, "details");
    if (replicas < 0) {
      throw new IllegalArgumentException(
          kind + " " + namespace + "/" + name + " replicas must be >= 0, was " + replicas);
    }
    labels = Map.copyOf(labels);
  }

  /** True when some container lacks a CPU or memory request (the fallback was applied). */
  public boolean missingRequest() {
    return !request.missing().isEmpty();
  }

  @Override
  public String toString() {
    return kind
        + " "
        + namespace
        + "/"
        + name
        + " x"
        + replicas
        + " "
        + request
        + (missingRequest() ? ", with the fallback " + service.request() : "")
        + " image="
        + image
        + " ("
        + source
        + ")";
  }
}
