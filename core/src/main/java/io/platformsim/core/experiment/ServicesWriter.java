package io.platformsim.core.experiment;

import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.workload.ImageLayer;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@code services} list as {@link ServicesReader} reads it: every service listed, a
 * generated {@code fleet} included, with every field written out, its {@code placement} ({@link
 * PlacementReader}) in full, and its KuSP {@code deployment} section ({@link DeploymentWriter}) if
 * the KuSP configuration names one. Every service is expressible.
 */
final class ServicesWriter {

  private ServicesWriter() {}

  /**
   * The {@code services} list of {@code workload}, with the Deployment specs of {@code kusp} and a
   * comment line above each service {@code comments} names.
   */
  static void write(YamlLines y, Workload workload, KuspConfig kusp, Map<String, String> comments) {
    y.open("services");
    for (Service s : workload.services()) {
      String comment = comments.get(s.name());
      if (comment != null) {
        y.comment(comment.replaceAll("[\\r\\n]+", " "));
      }
      y.item();
      y.field("name", Spelled.text(s.name()));
      y.field("version", Spelled.text(s.version()));
      y.field("instances", Integer.toString(s.instances()));
      y.flow("request", resources(s.request()));
      y.flow("usage", resources(s.usage()));
      y.field("artifact", Spelled.bytes(s.artifactBytes()));
      y.field("startup", Spelled.duration(s.startupMillis()));
      y.field("healthCheck", Spelled.duration(s.healthCheckMillis()));
      y.open("image");
      y.field("reference", Spelled.text(s.image().reference()));
      if (s.image().layers().isEmpty()) {
        y.field("layers", "[]");
      } else {
        y.open("layers");
        for (ImageLayer l : s.image().layers()) {
          y.flowItem(
              List.of("digest", Spelled.text(l.digest()), "size", Spelled.bytes(l.sizeBytes())));
        }
        y.close();
      }
      y.close();
      if (kusp.deployments().containsKey(s.name())) {
        DeploymentWriter.write(y, kusp.deployment(s.name()));
      }
      y.flow(
          "placement",
          List.of(
              "zoneSpread",
              Integer.toString(s.placement().zoneSpread()),
              "antiAffinity",
              Boolean.toString(s.placement().antiAffinity()),
              "dedicatedHardware",
              Boolean.toString(s.placement().dedicatedHardware())));
      y.close();
    }
    y.close();
  }

  /** {@code cpu} and {@code memory}, for a flow mapping. */
  static List<String> resources(Resources r) {
    return List.of("cpu", Spelled.cpu(r.milliCpu()), "memory", Spelled.memory(r.memoryMib()));
  }
}
