package io.platformsim.core.experiment;

import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.NodeType;
import io.platformsim.core.lesp.LespConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter sweeps over a scenario: each setting of a platform runs once (with the scenario's
 * replications and seed, so every cell shares the same common random numbers) and the cells of the
 * grid pair them up. LeSP's figures do not depend on KuSP's settings and vice versa, so a grid of n
 * × m cells costs n + m single-platform runs, not n × m comparisons.
 *
 * <pre>{@code
 * SweepTable t = Sweep.nodeTypeByHeadroom(DefaultScenario.builder().replications(2).build(),
 *     List.of(DefaultScenario.NODE, NodeType.GENERIC), List.of(0.0, 0.2, 0.5));
 * System.out.println(t);
 * }</pre>
 */
public final class Sweep {

  private Sweep() {}

  /**
   * KuSP node type × LeSP pool headroom. KuSP's initial node count is re-sized for each node type
   * ({@link Scenario#sized}); LeSP keeps every setting of the scenario but the headroom.
   *
   * @throws IllegalArgumentException if a list is empty or a setting is invalid, naming it
   */
  public static SweepTable nodeTypeByHeadroom(
      Scenario base, List<NodeType> nodeTypes, List<Double> headrooms) {
    if (nodeTypes.isEmpty() || headrooms.isEmpty()) {
      throw new IllegalArgumentException(
          "a sweep needs at least one node type and one headroom, was "
              + nodeTypes.size()
              + " and "
              + headrooms.size());
    }
    PlatformRegistry onlyLesp = PlatformRegistry.standard().only("lesp");
    PlatformRegistry onlyKusp = PlatformRegistry.standard().only("kusp");
    Map<Double, PlatformResult> lesp = new LinkedHashMap<>();
    for (double h : headrooms) {
      LespConfig c = base.lesp().withHeadroom(h);
      lesp.put(h, Comparison.run(base.withLesp(c), onlyLesp).lesp());
    }
    Map<NodeType, PlatformResult> kusp = new LinkedHashMap<>();
    for (NodeType t : nodeTypes) {
      // no autoscaler: Scenario.sized re-sizes the cluster for the node type and adds one
      KuspConfig c = base.kusp().withNodeType(t).withClusterAutoscaling(null);
      kusp.put(
          t, Comparison.run(base.withKusp(Scenario.sized(c, base.workload())), onlyKusp).kusp());
    }
    List<SweepTable.Cell> cells = new ArrayList<>();
    for (NodeType t : nodeTypes) {
      for (double h : headrooms) {
        cells.add(
            new SweepTable.Cell(
                t.name(),
                h,
                new ComparisonResult(
                    base.name(),
                    base.seed(),
                    base.replications(),
                    base.horizonMillis(),
                    List.of(lesp.get(h), kusp.get(t)))));
      }
    }
    return new SweepTable(cells);
  }
}
