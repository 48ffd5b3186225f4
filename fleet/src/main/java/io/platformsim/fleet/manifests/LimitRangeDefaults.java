package io.platformsim.fleet.manifests;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeItem;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The container defaults of each namespace's LimitRanges, filled into pod specs as the LimitRanger
 * admission plugin does ({@code defaultContainerResourceRequirements} and {@code
 * mergeContainerResources}, kubernetes/kubernetes plugin/pkg/admission/limitranger/admission.go):
 * for every app and init container, a request or limit the container does not set is taken from the
 * namespace's {@code type: Container} items ({@code defaultRequest} for requests, {@code default}
 * for limits); an item with {@code default} but no {@code defaultRequest} requests its default
 * ({@code SetDefaults_LimitRangeItem}, pkg/apis/core/v1/defaults.go). A container with a limit but
 * no request already requests its limit (API defaulting runs before admission), so no default
 * request is filled in for it. With several LimitRanges the first one read wins for a resource, as
 * the merge never overwrites.
 */
final class LimitRangeDefaults {

  private static final List<String> RESOURCES = List.of("cpu", "memory");

  private final Map<String, Map<String, Quantity>> requests = new HashMap<>();
  private final Map<String, Map<String, Quantity>> limits = new HashMap<>();

  /** Adds the container defaults of {@code range}, a LimitRange of {@code namespace}. */
  void add(String namespace, LimitRange range) {
    if (range.getSpec() == null || range.getSpec().getLimits() == null) {
      return;
    }
    for (LimitRangeItem item : range.getSpec().getLimits()) {
      if (!"Container".equals(item.getType())) {
        continue;
      }
      Map<String, Quantity> def = orEmpty(item.getDefault());
      Map<String, Quantity> defReq = orEmpty(item.getDefaultRequest());
      for (String r : RESOURCES) {
        if (def.containsKey(r)) {
          limits.computeIfAbsent(namespace, n -> new HashMap<>()).putIfAbsent(r, def.get(r));
        }
        Quantity req = defReq.containsKey(r) ? defReq.get(r) : def.get(r);
        if (req != null) {
          requests.computeIfAbsent(namespace, n -> new HashMap<>()).putIfAbsent(r, req);
        }
      }
    }
  }

  /**
   * Fills the defaults of {@code namespace} into {@code spec}, in place: the reader owns the spec
   * (parsed from its document, never handed out), and admission too changes the pod itself. An
   * earlier version deep-copied the spec through JSON, which cost more than the rest of the request
   * arithmetic in {@code ManifestImportBenchmark}.
   */
  void apply(String namespace, PodSpec spec) {
    Map<String, Quantity> req = requests.getOrDefault(namespace, Map.of());
    Map<String, Quantity> lim = limits.getOrDefault(namespace, Map.of());
    if (req.isEmpty() && lim.isEmpty()) {
      return;
    }
    fill(spec.getContainers(), req, lim);
    fill(spec.getInitContainers(), req, lim);
  }

  private static void fill(
      List<Container> containers, Map<String, Quantity> req, Map<String, Quantity> lim) {
    if (containers == null) {
      return;
    }
    for (Container c : containers) {
      ResourceRequirements rr =
          c.getResources() == null ? new ResourceRequirements() : c.getResources();
      Map<String, Quantity> requests = new LinkedHashMap<>(orEmpty(rr.getRequests()));
      Map<String, Quantity> limits = new LinkedHashMap<>(orEmpty(rr.getLimits()));
      for (String r : RESOURCES) {
        if (!requests.containsKey(r) && !limits.containsKey(r) && req.containsKey(r)) {
          requests.put(r, req.get(r));
        }
        if (!limits.containsKey(r) && lim.containsKey(r)) {
          limits.put(r, lim.get(r));
        }
      }
      rr.setRequests(requests);
      rr.setLimits(limits);
      c.setResources(rr);
    }
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> m) {
    return m == null ? Map.of() : m;
  }
}
