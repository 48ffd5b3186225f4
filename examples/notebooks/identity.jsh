// identity.jsh: the cost of identity when it moves from the machine to the pod (issue 6).
//
// Run it from the repository root after `mvn -B -DskipTests package` has built the runnable jar:
//
//   jshell --class-path examples/target/platformsim.jar examples/notebooks/identity.jsh
//
// Every number printed below is computed by the library (io.platformsim.identity, and the
// scheduler module for the placement), not written in here.

import io.platformsim.identity.*;
import io.platformsim.identity.access.*;
import io.platformsim.identity.cert.*;
import io.platformsim.identity.ipam.*;
import io.platformsim.scheduler.cluster.*;
import io.platformsim.scheduler.placement.*;
import io.platformsim.scheduler.pod.*;
import io.platformsim.scheduler.resource.*;
import io.platformsim.scheduler.state.*;
import java.time.Duration;
import java.util.*;

// 1. Overlay pod addressing: a /24 pod range per node carved from a 10.0.0.0/16 cluster CIDR
//    caps the cluster at 2^(24-16) nodes.
var overlay = OverlayAddressing.of("10.0.0.0/16");
System.out.println("max_nodes_overlay: " + overlay.maxNodes());

// 2. VPC-native pod addressing: an m5.large has 3 ENIs of 10 IPv4 addresses; one per ENI is the
//    ENI's own, and two host-network pods need none: ENIs x (addresses per ENI - 1) + 2.
System.out.println("max_pods_m5_large: " + EniLimits.AWS.maxPods("m5.large"));

// 3. Certificate load: 1000 pods, 1 h certificates renewed at 80% of their life, steady state.
var podCertificates = RotationPolicy.of(Duration.ofHours(1), 0.8);
double perHour = podCertificates.issuancePerHour(1000);
System.out.println("cert_issuance_per_hour: " + (perHour == Math.rint(perHour) ? Long.toString((long) perHour) : Double.toString(perHour)));

// 3b. Issuance delays start-up when the authority is saturated: 1000 pods start at once on 10
//     nodes and each requests its certificate from an authority issuing 50 per second.
var saturated = ClusterIdentity.builder().overlay("10.0.0.0/16", 24).certificateAuthority(50).build();
for (int n = 0; n < 10; n++) {
    saturated.nodeJoined("node-" + n, null, null, 0);
    for (int p = 0; p < 100; p++) saturated.podStarting("node-" + n, "pod-" + n + "-" + p, "svc-" + n, 0);
}
System.out.println("cert_startup_delay_max_seconds: " + saturated.metrics().certificates().maxDelayMillis() / 1000.0);

// 4. Blast radius: 6 services of 10 pods each, placed one by one on 6 identical nodes by the
//    Kubernetes default scheduler profile; each service needs one resource of its own.
var registry = DimensionRegistry.standard();
var cluster = new NodeTable(registry);
for (int i = 0; i < 6; i++) {
    cluster.addNode(NodeSpec.builder("node-" + i, registry).allocatable("cpu", "8").allocatable("memory", "32Gi").allocatable("pods", "110").build());
}
var scheduler = new FastScheduler(cluster, Policies.profile("k8s-default"), NodeSampling.adaptive(), 42);
String[] services = {"cart", "catalog", "checkout", "payments", "search", "users"};
Map<String, List<String>> servicesByNode = new LinkedHashMap<>();
Map<String, Set<String>> needs = new LinkedHashMap<>();
for (int s = 0; s < services.length; s++) {
    needs.put(services[s], Set.of(services[s] + "-db"));
    for (int i = 0; i < 10; i++) {
        var pod = PodSpec.builder(services[s] + "-" + i, registry).label("app", services[s]).request("cpu", (100 * (s + 1)) + "m", "memory", (512 * (s + 1)) + "Mi").build();
        var placed = scheduler.placeAndBind(pod);
        if (!placed.isScheduled()) throw new IllegalStateException(placed.message());
        servicesByNode.computeIfAbsent(placed.nodeName(), k -> new ArrayList<>()).add(services[s]);
    }
}

// Node role: every pod on a node acts as the node, so the node role must hold the union of the
// permissions of the services placed there. Workload identity: one role per service account.
// Credential proxy (kube2iam style): the node role can assume every pod role in the cluster.
var nodeRole = IdentityMode.NODE_ROLE.graph(servicesByNode, needs).report();
var workload = IdentityMode.WORKLOAD_IDENTITY.graph(servicesByNode, needs).report();
var proxy = IdentityMode.CREDENTIAL_PROXY.graph(servicesByNode, needs).report();
System.out.println("blast_radius_max_node_role: " + nodeRole.maxOverPrincipals());
System.out.println("blast_radius_max_workload_identity: " + workload.maxOverPrincipals());
System.out.println("blast_radius_max_credential_proxy: " + proxy.maxOverPrincipals());

/exit
