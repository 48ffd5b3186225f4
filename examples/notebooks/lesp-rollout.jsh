// lesp-rollout.jsh: rollout times on LeSP, the legacy machine-based platform (issue 4).
//
// Run it from the repository root after `mvn -B -DskipTests package` has built the runnable jar:
//
//   jshell --class-path examples/target/platformsim.jar examples/notebooks/lesp-rollout.jsh
//
// The deterministic case: every duration fixed, no failures. One service of 40 machines;
// boot 30 s; converge 300 s (on first boot on the machine itself; fleet-wide at most 10 machines
// at once); per-machine deploy = drain 10 s + fetch 20 s + restart 15 s + health check 15 s (a
// new machine is not behind the load balancer yet, so its first deploy has no drain step).
// Every number printed below is computed by the simulation, not written in here.

import io.platformsim.core.engine.*;
import io.platformsim.core.lesp.*;
import io.platformsim.core.workload.*;
import java.time.Duration;

// The service: the fetch step is its 2 GB artifact at 100 MB/s = 20 s; restart and health check
// are its own start-up (15 s) and health-check (15 s) times.
// (jshell ends a statement at a line end when it is complete, so chained calls end lines with a dot.)
Service zebra = Service.builder("zebra").instances(40).
    request(Resources.of(1500, 3000)).usage(Resources.of(400, 1000)).
    artifactBytes(2_000_000_000L).
    startup(Duration.ofSeconds(15)).healthCheck(Duration.ofSeconds(15)).build();

LespConfig config = LespConfig.builder().
    pending(DurationDistribution.fixed(0)).
    boot(DurationDistribution.fixed(30_000)).
    configManagement(ConfigManagement.DEFAULT.
        withConverge(DurationDistribution.fixed(300_000)).
        withFailures(0, 1).
        withParallelism(10)).
    deploySteps(new DeploySteps(DurationDistribution.fixed(10_000), DurationDistribution.fixed(0), 100_000_000L)).
    bake(DurationDistribution.fixed(600_000)).
    imageBatch(BatchSize.machines(10)).
    build();

// A fresh simulation with zebra's 40 machines in service.
LespPlatform deployed() {
    var lesp = new LespPlatform(new Simulation(), RandomStreams.of(42, 0), config);
    lesp.deploy(zebra);
    lesp.simulation().run();
    return lesp;
}

String seconds(long millis) {
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(java.util.Locale.ROOT, "%.3f", millis / 1000.0);
}

// 1. In-place rolling, batches of 10.
var rolling = deployed();
rolling.apply(Release.app("zebra", "2"), DeployStrategy.rolling(10));
rolling.simulation().run();
System.out.println("rolling_rollout_seconds: " + seconds(rolling.rollouts().get(0).durationMillis()));

// 2. Blue/green: a new pool of 40 provisioned at once, traffic switches when all are in service.
var blueGreen = deployed();
blueGreen.apply(Release.app("zebra", "2"), DeployStrategy.blueGreen());
blueGreen.simulation().run();
System.out.println("bluegreen_rollout_seconds: " + seconds(blueGreen.rollouts().get(0).durationMillis()));

// 3. Base-image change: bake 600 s, then replace in batches of 10 (each new machine boots,
//    converges and deploys before an old one drains and terminates).
var image = deployed();
image.apply(Release.baseImage("zebra", "2"));
image.simulation().run();
System.out.println("image_rollout_seconds: " + seconds(image.rollouts().get(0).durationMillis()));

// 4. A fleet-wide converge of the 40 machines through the orchestrator.
var fleet = deployed();
fleet.convergeFleet("zebra");
fleet.simulation().run();
System.out.println("converge_fleet_seconds: " + seconds(fleet.fleetConverges().get(0).durationMillis()));

/exit
