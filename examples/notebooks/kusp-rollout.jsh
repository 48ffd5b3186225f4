// kusp-rollout.jsh: deterministic cases on KuSP, the Kubernetes service platform (issue 5).
//
// Run it from the repository root after `mvn -B -DskipTests package` has built the runnable jar:
//
//   jshell --class-path examples/target/platformsim.jar examples/notebooks/kusp-rollout.jsh
//
// Every duration is fixed, scheduling and controller latency are 0 and capacity is ample, so each
// printed number follows from upstream Kubernetes (v1.31) rules by hand; the simulation computes
// them, nothing below writes them in.

import io.platformsim.core.engine.*;
import io.platformsim.core.kusp.*;
import io.platformsim.core.workload.*;
import java.time.Duration;
import java.util.stream.Collectors;

String seconds(long millis) {
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(java.util.Locale.ROOT, "%.3f", millis / 1000.0);
}

// Two versions of one image: layers of 50 MB, 100 MB and 20 MB (decimal bytes); version 2
// changes only the 20 MB application layer.
ImageDescription v1 = ImageDescription.of("web:1",
    new ImageLayer("sha256:os", 50_000_000), new ImageLayer("sha256:runtime", 100_000_000),
    new ImageLayer("sha256:app-1", 20_000_000));
ImageDescription v2 = ImageDescription.of("web:2",
    new ImageLayer("sha256:os", 50_000_000), new ImageLayer("sha256:runtime", 100_000_000),
    new ImageLayer("sha256:app-2", 20_000_000));

// A service whose container takes `startSeconds` to start and is healthy at once.
// (jshell ends a statement at a line end when it is complete, so chained calls end lines with a dot.)
Service web(int replicas, long startSeconds) {
    return Service.builder("web").instances(replicas).
        request(Resources.of(200, 256)).usage(Resources.of(100, 128)).image(v1).
        startup(Duration.ofSeconds(startSeconds)).healthCheck(Duration.ZERO).build();
}

KuspPlatform cluster(int nodes, KuspConfig.Builder config) {
    return new KuspPlatform(new Simulation(), RandomStreams.of(42, 0), config.initialNodes(nodes).build());
}

// 1. Rolling update of 10 replicas, maxSurge 25%, maxUnavailable 25%; both images already on
//    every node; container start 1 s; readiness probe passes at its first check after 5 s.
var rolling = cluster(5, KuspConfig.builder().preloadedImages(v1, v2));
rolling.deploy(web(10, 1), DeploymentSpec.builder().maxSurge("25%").maxUnavailable("25%").
    readiness(Probe.withInitialDelaySeconds(5)).build());
rolling.simulation().run();
rolling.publishImage("web", "2", v2);
long updateStart = rolling.simulation().now();
rolling.apply(Release.app("web", "2"));
rolling.simulation().run();
System.out.println("rollout_seconds: " + seconds(rolling.rollouts().get(0).durationMillis()));
System.out.println("rollout_steps: " + rolling.replicaSetSteps("web", updateStart).stream().
    map(ReplicaSetStep::toString).collect(Collectors.joining(" ")));

// 2. Pulls on one node at 10 MB/s: the first version, then the next one.
var pulls = cluster(1, KuspConfig.builder().nodeBandwidth(10_000_000L).registryBandwidth(1_000_000_000L));
pulls.deploy(web(1, 0));
pulls.simulation().run();
pulls.publishImage("web", "2", v2);
pulls.apply(Release.app("web", "2"));
pulls.simulation().run();
System.out.println("pull_seconds_first: " + seconds(pulls.startups().get(0).pull()));
System.out.println("pull_seconds_update: " + seconds(pulls.startups().get(1).pull()));

// 3. A container that exits immediately every time it starts (restartPolicy Always).
var crashing = cluster(1, KuspConfig.builder().preloadedImages(v1));
crashing.deploy(web(1, 0), DeploymentSpec.builder().crashAfterMillis(0).build());
crashing.simulation().runUntil(3_600_000);
long[] starts = crashing.pods("web").get(0).startTimes();
System.out.println("crashloop_start_seconds: " + java.util.Arrays.stream(starts).limit(8).
    mapToObj(t -> seconds(t)).collect(Collectors.joining(" ")));

// 4. A node stops responding at 125 s; heartbeats every 10 s since it joined at 0.
var failing = cluster(2, KuspConfig.builder().preloadedImages(v1));
failing.deploy(web(2, 1));
failing.simulation().runUntil(125_000);
failing.crashNode(failing.pods("web").get(0).nodeName());
failing.simulation().run();
System.out.println("eviction_seconds: " + seconds(failing.evictions().get(0).heartbeatToEvictionMillis()));

/exit
