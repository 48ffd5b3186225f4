// your-fleet.jsh: bring your own fleet: the Kubernetes manifests, the legacy inventory and the
// usage data of a team go in; a plan, a scenario, a comparison and a right-sizing come out. (issue 17)
//
// Run it from the repository root after `mvn -B -DskipTests install` has built the runnable jar:
//
//   jshell --class-path examples/target/platformsim.jar examples/notebooks/your-fleet.jsh
//
// The inputs are the fixtures in examples/fleet (see its README): point the paths at your own
// files. The command line does the same in two commands:
//   ./platformsim plan --manifests examples/fleet/manifests --node-type m5.xlarge,m5.2xlarge
//   ./platformsim import --manifests examples/fleet/manifests --inventory ... -o fleet.yaml
// Every number printed is computed by the library, not written in here.

import io.platformsim.core.experiment.*;
import io.platformsim.core.lesp.*;
import io.platformsim.core.workload.*;
import io.platformsim.fleet.inventory.*;
import io.platformsim.fleet.manifests.*;
import io.platformsim.fleet.plan.*;
import io.platformsim.fleet.scenario.*;
import io.platformsim.fleet.usage.*;
import java.nio.file.*;
import java.util.*;

Path fleetDir = Files.exists(Path.of("examples/fleet")) ? Path.of("examples/fleet") : Path.of("fleet");

// 1. The Kubernetes side: every manifest under the directory (YAML, JSON, kind: List, helm
//    template and kustomize output). The report's sums are requests x replicas as written, before
//    the fallback a workload with a missing request gets (100m / 200Mi unless you pass another
//    DefaultRequest to the reader).
ImportedWorkloads k8s = new ManifestReader().read(fleetDir.resolve("manifests"));
ImportReport report = k8s.report();
System.out.println("workloads: " + report.workloads());
System.out.println("pods: " + report.pods());
System.out.println("cpu_millis: " + report.cpuMillis());
System.out.println("memory_mib: " + report.memoryMiB());
System.out.println("missing_requests: " + report.missingRequests());
System.out.println("skipped: " + report.skipped());

// 2. The legacy side: what `aws ec2 describe-instances` and `aws autoscaling
//    describe-auto-scaling-groups` print, and a hand-kept CSV. Machines map to services by the
//    tag `service`, else by their auto-scaling group's name; the rest is listed, never dropped.
InstanceCatalogue aws = InstanceCatalogue.AWS_US_EAST_1;
Path instancesJson = fleetDir.resolve("inventory/describe-instances.json");
Path groupsJson = fleetDir.resolve("inventory/describe-auto-scaling-groups.json");
Path csv = fleetDir.resolve("inventory/inventory.csv");
// (jshell ends a statement at a complete line, so chained calls end their lines with a dot)
Inventory legacy =
    Ec2InstancesReader.read(Files.readString(instancesJson), instancesJson.toString(), ServiceMapping.DEFAULT, aws).
        plus(AutoScalingGroupsReader.read(Files.readString(groupsJson), groupsJson.toString(), ServiceMapping.DEFAULT, aws)).
        plus(InventoryCsv.read(Files.readString(csv), csv.toString(), aws));
System.out.println("legacy_machines: " + legacy.machines());
System.out.println("legacy_unmapped: " + legacy.unmapped().size());

// 3. Usage: percentiles per service (as a metrics system exports them), and the Vertical Pod
//    Autoscaler recommender's rule on them: target = p90 x 1.15, at least 25m / 250Mi.
Map<String, UsageProfile> usage = UsagePercentilesReader.read(fleetDir.resolve("usage/percentiles.csv"));
RightSizing vpa = RightSizing.vpaDefaults();
for (String s : new TreeSet<>(usage.keySet())) {
    System.out.println("vpa_target_" + s + ": " + vpa.recommend(usage.get(s)).target());
}

// 4. Both sides paired into one scenario: a service on both sides is one service (renames.csv
//    pairs the names that differ); a service on one side only gets the other side derived.
//    fleet.yaml() is the scenario file `platformsim import` writes, a comment above each service
//    naming where it came from.
ImportedFleet fleet = FleetImport.builder("your fleet").
    manifests(k8s).
    inventory(legacy).
    usage(usage).
    renames(ServiceRenames.read(fleetDir.resolve("renames.csv"))).
    build();
System.out.println("services: " + fleet.scenario().workload().services().size());
System.out.println("lesp_derived: " + fleet.origins().stream().filter(ServiceOrigin::lespDerived).count());
System.out.println("kusp_derived: " + fleet.origins().stream().filter(ServiceOrigin::kuspDerived).count());
fleet.derived().forEach(System.out::println);

// 5. The static plan: how many nodes of each type hold these pods, DaemonSets on every node,
//    packed by the scheduler module's packing with its lower bound: the gap is proven.
for (String type : List.of("m5.xlarge", "m5.2xlarge")) {
    NodePlan p = NodePlan.of(aws.type(type), k8s.workloads());
    System.out.println(String.format(Locale.ROOT, "plan_%s: %d nodes, lower bound %d, %.2f USD/h",
        type, p.nodes(), p.packing().lowerBound(), p.costPerHour()));
}

// 6. The simulation: LeSP as inventoried, KuSP as the manifests ask, and KuSP right-sized to the
//    VPA targets, side by side (2 replications to keep the notebook quick; compare uses 8).
ComparisonResult result = Comparison.run(fleet.scenario().withReplications(2), PlatformRegistry.withVariants());
System.out.println(result);
/exit
