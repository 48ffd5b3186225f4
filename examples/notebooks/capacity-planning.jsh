// capacity-planning.jsh: how many machines of which type do my services need on LeSP, how many
// nodes of which type on KuSP, and what does each cost? (issue 7)
//
// Run it from the repository root after `mvn -B -DskipTests install` has built the runnable jar:
//
//   jshell --class-path examples/target/platformsim.jar examples/notebooks/capacity-planning.jsh
//
// First a static plan from the requests alone (what a spreadsheet would do), then a simulation
// that adds what the spreadsheet misses: rollouts, a load spike, a failure, time-weighting.
// Every number printed is computed by the library, not written in here.

import io.platformsim.core.experiment.*;
import io.platformsim.core.kusp.*;
import io.platformsim.core.lesp.*;
import io.platformsim.core.workload.*;
import java.time.Duration;
import java.util.*;

// 1. The services: the built-in zebra (JVM, 24 instances of 2 CPU / 4 GiB) and cheetah
//    (Ruby + Nginx, 36 instances of 1 CPU / 2 GiB).
Service zebra = DefaultScenario.zebra();
Service cheetah = DefaultScenario.cheetah();
Workload workload = Workload.of(zebra, cheetah);

// 2. LeSP: each service gets its own pool; a machine holds one instance plus the per-machine
//    agents, so LeSP picks the cheapest instance type that holds request + agents, and sizes
//    the pool to instances plus 20% headroom.
LespConfig lesp = LespConfig.builder().headroom(0.2).build();
InstanceType zebraType = lesp.menu().select(zebra, lesp.agents());
InstanceType cheetahType = lesp.menu().select(cheetah, lesp.agents());
int zebraPool = lesp.poolSize(zebra.instances());
int cheetahPool = lesp.poolSize(cheetah.instances());
double lespCost = zebraPool * zebraType.hourlyPriceUsd() + cheetahPool * cheetahType.hourlyPriceUsd();
System.out.println("lesp_type_zebra: " + zebraType.name());
System.out.println("lesp_type_cheetah: " + cheetahType.name());
System.out.println("lesp_machines: " + (zebraPool + cheetahPool));
System.out.println(String.format(Locale.ROOT, "lesp_plan_cost_per_hour: %.2f", lespCost));

// 3. KuSP: pods share generic nodes. For each candidate node type, the volume bound over CPU,
//    memory and pod slots (what is left for pods after reserved resources, the eviction
//    threshold and the DaemonSets), plus 10%.
List<NodeType> candidates = List.of(
    NodeType.GENERIC,
    DefaultScenario.NODE,
    new NodeType("r5.2xlarge", Resources.ofCores(8, 64), 100_000_000_000L, 0.504, NodeType.DEFAULT_MAX_PODS));
for (NodeType t : candidates) {
    KuspConfig k = KuspConfig.builder().nodeType(t).build();
    int nodes = Scenario.nodesFor(workload, k);
    System.out.println(String.format(Locale.ROOT, "kusp_plan_%s: %d nodes, %.2f USD/h", t.name(), nodes,
        nodes * t.hourlyPriceUsd()));
}

// 4. The simulation: both services on both platforms for 5 hours with a release of each, a base
//    image change, a load spike on cheetah and a zebra machine failure; 2 replications.
Scenario plan = Scenario.builder("capacity plan").
    service(zebra).service(cheetah).
    lesp(lesp).
    kusp(Scenario.sized(KuspConfig.builder().nodeType(DefaultScenario.NODE).build(), workload)).
    release(Duration.ofMinutes(40), "zebra", "2").
    release(Duration.ofMinutes(45), "cheetah", "2").
    loadSpike(Duration.ofMinutes(60), Duration.ofMinutes(20), "cheetah", 3.0).
    machineFailure(Duration.ofMinutes(90), "zebra", 1).
    baseImageChange(Duration.ofMinutes(100), "base-2").
    horizon(Duration.ofHours(5)).replications(2).seed(11).build();
ComparisonResult result = Comparison.run(plan);
System.out.println(result);
System.out.println("simulated_kusp_cheaper: " + (result.kusp().mean(Figure.COST_PER_HOUR) < result.lesp().mean(Figure.COST_PER_HOUR)));

// 5. A sweep: KuSP node type x LeSP headroom. LeSP depends only on its headroom and KuSP only on
//    its node type, so this grid costs 2 + 2 runs, not 4.
SweepTable sweep = Sweep.nodeTypeByHeadroom(plan, List.of(NodeType.GENERIC, DefaultScenario.NODE), List.of(0.0, 0.2));
System.out.println(sweep);
/exit
