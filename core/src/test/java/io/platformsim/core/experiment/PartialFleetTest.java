package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartialFleetTest {

  private static final Scenario DEFAULT = DefaultScenario.build();

  @Test
  void theWholeFleetRunsTheScenariosOwnCluster() {
    List<String> all = new ArrayList<>();
    for (Service s : DEFAULT.workload().services()) {
      all.add(s.name());
    }
    assertSame(DEFAULT, PartialFleet.kuspFor(DEFAULT, all));
  }

  @Test
  void partOfTheFleetGetsThatShareOfTheNodesAndFloor() {
    KuspConfig whole = DEFAULT.kusp();
    KuspConfig part = PartialFleet.kuspFor(DEFAULT, Set.of("zebra")).kusp();
    // zebra: 24 pods of 2 CPU / 4 GiB: the volume bound of Scenario.nodesFor, scaled like the
    // whole fleet's 64 nodes are to its own bound, rounded up
    double r =
        (double) Scenario.nodesFor(Workload.of(DEFAULT.workload().service("zebra")), whole)
            / Scenario.nodesFor(DEFAULT.workload(), whole);
    assertEquals((int) Math.ceil(whole.initialNodes() * r - 1e-9), part.initialNodes());
    assertTrue(part.initialNodes() < whole.initialNodes(), part.initialNodes() + " nodes");
    assertEquals(
        (int) Math.ceil(whole.clusterAutoscaling().minNodes() * r - 1e-9),
        part.clusterAutoscaling().minNodes());
    assertEquals(whole.clusterAutoscaling().maxNodes(), part.clusterAutoscaling().maxNodes());
  }

  @Test
  void theBuiltInScenarioHasAnAddressConflict() {
    // KuSP's default overlay 10.0.0.0/16 lies inside LeSP's 10.0.0.0/8
    String conflict = PartialFleet.addressConflict(DEFAULT).orElseThrow();
    assertTrue(conflict.contains("10.0.0.0/16"), conflict);
  }

  @Test
  void refusesAnEmptyKuspSide() {
    assertThrows(IllegalArgumentException.class, () -> PartialFleet.kuspFor(DEFAULT, Set.of()));
  }
}
