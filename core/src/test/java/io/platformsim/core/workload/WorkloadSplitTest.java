package io.platformsim.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** {@link Workload#split}: longest-processing-time dealing of services into parts. */
class WorkloadSplitTest {

  private static Service service(String name, int instances, long milliCpu) {
    return Service.builder(name)
        .instances(instances)
        .request(Resources.of(milliCpu, 1024))
        .usage(Resources.of(Math.max(1, milliCpu / 4), 256))
        .build();
  }

  @Test
  void servicesGoLargestFirstToTheLeastLoadedPart() {
    // CPU (instances x 1,000m): a 10, b 7, c 5, d 4, e 3 cores. By hand: a -> 0 (10), b -> 1 (7),
    // c -> 1 (12), d -> 0 (14), e -> 1 (15).
    Workload w =
        Workload.of(
            service("e", 3, 1000),
            service("a", 10, 1000),
            service("c", 5, 1000),
            service("b", 7, 1000),
            service("d", 4, 1000));
    List<Workload> parts = w.split(2);
    assertEquals(29, w.instances()); // 3 + 10 + 5 + 7 + 4
    assertEquals(14, parts.get(0).instances()); // a 10 + d 4
    assertEquals(List.of("a", "d"), names(parts.get(0)));
    assertEquals(List.of("e", "c", "b"), names(parts.get(1)), "insertion order kept within a part");
  }

  @Test
  void morePartsThanServicesLeavesEmptyParts() {
    List<Workload> parts = Workload.of(service("a", 2, 500)).split(3);
    assertEquals(3, parts.size());
    assertEquals(List.of("a"), names(parts.get(0)));
    assertTrue(parts.get(1).services().isEmpty() && parts.get(2).services().isEmpty());
  }

  @Test
  void partsBelowOneIsRejectedNamingTheValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Workload.of(service("a", 2, 500)).split(0));
    assertTrue(e.getMessage().contains("parts") && e.getMessage().contains("0"), e.getMessage());
  }

  /**
   * Every service lands in exactly one part, in its original relative order, and no part carries
   * more than the mean plus the largest service (the list-scheduling bound, Graham 1966).
   */
  @Property(tries = 200)
  void aSplitIsAPartitionWithinTheListSchedulingBound(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 50) Integer> instances,
      @ForAll @IntRange(min = 1, max = 8) int parts) {
    List<Service> services = new ArrayList<>();
    long total = 0;
    long largest = 0;
    for (int i = 0; i < instances.size(); i++) {
      long cpu = 250L << (i % 4);
      services.add(service("s" + i, instances.get(i), cpu));
      total += instances.get(i) * cpu;
      largest = Math.max(largest, instances.get(i) * cpu);
    }
    Workload w = Workload.of(services);
    List<Workload> split = w.split(parts);
    assertEquals(parts, split.size());
    Set<String> seen = new HashSet<>();
    for (Workload part : split) {
      long load = 0;
      int last = -1;
      for (Service s : part.services()) {
        assertTrue(seen.add(s.name()), s.name() + " in two parts");
        int index = Integer.parseInt(s.name().substring(1));
        assertTrue(index > last, "order within a part");
        last = index;
        load += (long) s.instances() * s.request().milliCpu();
      }
      assertTrue(
          load <= total / (double) parts + largest,
          "load " + load + " total " + total + " parts " + parts);
    }
    assertEquals(services.size(), seen.size());
    assertEquals(names(split.get(0)), names(w.split(parts).get(0)), "deterministic");
  }

  private static List<String> names(Workload w) {
    return w.services().stream().map(Service::name).toList();
  }
}
