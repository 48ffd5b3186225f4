package io.platformsim.fleet.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the effective request that follow from upstream's rule, for any pod. */
class PodRequestsProperties {

  /** One container: role (0 app, 1 init, 2 sidecar), CPU millicores. */
  record Part(int role, int cpu) {}

  @Provide
  Arbitrary<List<Part>> pods() {
    Arbitrary<Part> part =
        Combinators.combine(
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 4000))
            .as(Part::new);
    return part.list()
        .ofMinSize(1)
        .ofMaxSize(8)
        .filter(ps -> ps.stream().anyMatch(p -> p.role() == 0));
  }

  @Property(tries = 200)
  void atLeastEveryAppSumAndEveryInitContainerAndAtMostTheTotal(@ForAll("pods") List<Part> parts) {
    long cpu = PodRequests.of(spec(parts)).cpuMillis();
    long apps = parts.stream().filter(p -> p.role() != 1).mapToLong(Part::cpu).sum();
    long all = parts.stream().mapToLong(Part::cpu).sum();
    // app containers and sidecars run together for the pod's life
    assertTrue(cpu >= apps, () -> cpu + " < apps+sidecars " + apps);
    for (Part p : parts) {
      assertTrue(cpu >= p.cpu(), () -> cpu + " < one container's " + p.cpu());
    }
    // never more than everything at once
    assertTrue(cpu <= all, () -> cpu + " > all " + all);
  }

  @Property(tries = 200)
  void withoutInitContainersItIsTheSum(@ForAll("pods") List<Part> parts) {
    List<Part> apps = parts.stream().filter(p -> p.role() == 0).toList();
    assertEquals(apps.stream().mapToLong(Part::cpu).sum(), PodRequests.of(spec(apps)).cpuMillis());
  }

  private static PodSpec spec(List<Part> parts) {
    List<Container> apps = new ArrayList<>();
    List<Container> inits = new ArrayList<>();
    int n = 0;
    for (Part p : parts) {
      Container c = PodRequestsTest.container("c" + n++, p.cpu() + "m", "1Mi");
      if (p.role() == 0) {
        apps.add(c);
      } else {
        if (p.role() == 2) {
          c.setRestartPolicy("Always");
        }
        inits.add(c);
      }
    }
    PodSpec s = new PodSpec();
    s.setContainers(apps);
    s.setInitContainers(inits);
    return s;
  }
}
