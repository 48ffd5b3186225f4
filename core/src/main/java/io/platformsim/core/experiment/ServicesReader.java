package io.platformsim.core.experiment;

import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.ImageLayer;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.core.yaml.YamlList;
import io.platformsim.core.yaml.YamlMapping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code services} list and the {@code fleet} of a scenario file, with each listed
 * service's {@code deployment} section ({@link DeploymentReader}), and checks that each listed
 * service fits both platforms (reported at the service's line).
 */
final class ServicesReader {

  private static final List<String> SERVICE =
      List.of(
          "name",
          "version",
          "instances",
          "request",
          "usage",
          "artifact",
          "startup",
          "healthCheck",
          "image",
          "deployment",
          "placement");
  private static final List<String> RESOURCES = List.of("cpu", "memory");
  private static final List<String> IMAGE = List.of("reference", "layers");
  private static final List<String> LAYER = List.of("digest", "size");
  private static final List<String> FLEET = List.of("count", "seed");

  /**
   * The services read, in file order (listed, then generated), the mapping of each listed one, and
   * the KuSP Deployment spec of each listed service with a {@code deployment} section.
   */
  record Read(
      List<Service> services, List<YamlMapping> listed, Map<String, DeploymentSpec> deployments) {}

  private ServicesReader() {}

  /** Reads {@code services} and {@code fleet} of the top-level mapping {@code top}. */
  static Read read(YamlMapping top) {
    List<Service> services = new ArrayList<>();
    List<YamlMapping> serviceNodes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Map<String, DeploymentSpec> deployments = new LinkedHashMap<>();
    Optional<YamlList> listed = top.list("services");
    if (listed.isPresent()) {
      for (YamlMapping s : listed.get().mappings()) {
        Service svc = service(s);
        if (!names.add(svc.name())) {
          throw s.error("name", "duplicate service name '" + svc.name() + "'");
        }
        services.add(svc);
        serviceNodes.add(s);
        Optional<YamlMapping> d = s.mapping("deployment");
        if (d.isPresent()) {
          deployments.put(svc.name(), DeploymentReader.read(d.get(), svc));
        }
      }
    }
    Optional<YamlMapping> fleet = top.mapping("fleet");
    if (fleet.isPresent()) {
      YamlMapping fm = fleet.get();
      fm.only(FLEET);
      int count = fm.integer("count", 0, ScenarioFile.MAX_SERVICES, null);
      long seed = fm.longValue("seed", DefaultScenario.FLEET_SEED);
      for (Service s : DefaultScenario.fleet(count, seed)) {
        if (!names.add(s.name())) {
          throw fm.error(
              "count",
              "generated service '" + s.name() + "' clashes with a listed service of that name");
        }
        services.add(s);
      }
    }
    if (services.isEmpty()) {
      throw top.error(
          listed.isPresent() ? "services" : "",
          "a scenario needs at least one service" + " (a 'services' list or a 'fleet')");
    }
    if (services.size() > ScenarioFile.MAX_SERVICES) {
      throw top.error(
          "services", services.size() + " services; the limit is " + ScenarioFile.MAX_SERVICES);
    }
    return new Read(services, serviceNodes, deployments);
  }

  /**
   * Each listed service must fit a KuSP node and a LeSP instance type, and spread over no more
   * zones than either platform has: say so at its line.
   */
  static void checkFit(Read read, KuspConfig kusp, LespConfig lesp) {
    for (int i = 0; i < read.listed().size(); i++) {
      Service svc = read.services().get(i);
      YamlMapping node = read.listed().get(i);
      if (kusp.poolFor(svc.request(), DeploymentSpec.DEFAULT).isEmpty()) {
        throw node.error(
            "request",
            "service '"
                + svc.name()
                + "' request "
                + svc.request()
                + " does not fit a KuSP node: "
                + kusp.nodeType().name()
                + " has "
                + kusp.allocatableForPods()
                + " for pods; choose a larger kusp.nodeType");
      }
      try {
        lesp.menu().select(svc, lesp.agents());
      } catch (IllegalArgumentException e) {
        throw node.error("request", e.getMessage());
      }
      PlacementReader.checkZones(node, svc, kusp, lesp);
      DeploymentSpec spec = kusp.deployment(svc.name());
      try {
        Optional<String> problem = NodeSelection.kuspProblem(svc, spec, kusp);
        if (problem.isPresent()) {
          throw new IllegalArgumentException(problem.get());
        }
        NodeSelection.lespPin(svc, spec, lesp);
      } catch (IllegalArgumentException e) {
        // at the selector (or the tolerations) that rules every pool out
        Optional<YamlMapping> d = node.mapping("deployment");
        if (d.isEmpty()) {
          throw node.error("request", e.getMessage());
        }
        String key = d.get().has("nodeSelector") ? "nodeSelector" : "tolerations";
        throw d.get().error(d.get().has(key) ? key : "", e.getMessage());
      }
    }
  }

  private static Service service(YamlMapping s) {
    s.only(SERVICE);
    String name = s.string("name", null);
    Service.Builder b =
        Service.builder(name)
            .version(s.string("version", Service.DEFAULT_VERSION))
            .instances(s.integer("instances", 1, 1_000_000, null))
            .request(resources(s.requiredMapping("request")))
            .usage(resources(s.requiredMapping("usage")))
            .artifactBytes(s.read("artifact", Units.BYTES, Service.DEFAULT_ARTIFACT_BYTES))
            .startup(
                Duration.ofMillis(
                    s.read("startup", Units.DURATION, Service.DEFAULT_STARTUP_MILLIS)))
            .healthCheck(
                Duration.ofMillis(
                    s.read("healthCheck", Units.DURATION, Service.DEFAULT_HEALTH_CHECK_MILLIS)));
    b.placement(PlacementReader.read(s));
    Optional<YamlMapping> image = s.mapping("image");
    if (image.isPresent()) {
      YamlMapping im = image.get();
      im.only(IMAGE);
      List<ImageLayer> layers = new ArrayList<>();
      Optional<YamlList> ls = im.list("layers");
      if (ls.isPresent()) {
        for (YamlMapping l : ls.get().mappings()) {
          l.only(LAYER);
          layers.add(new ImageLayer(l.string("digest", null), l.read("size", Units.BYTES, null)));
        }
      }
      b.image(new ImageDescription(im.string("reference", name + ":1"), layers));
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw s.error("", e.getMessage());
    }
  }

  /** {@code {cpu, memory}}: both required. */
  static Resources resources(YamlMapping r) {
    r.only(RESOURCES);
    return Resources.of(
        r.read("cpu", Units.MILLI_CPU, null), r.read("memory", Units.MEMORY_MIB, null));
  }
}
