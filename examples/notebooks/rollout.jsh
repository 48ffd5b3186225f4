// rollout.jsh: how long do app releases and base-image changes take on LeSP and KuSP, and how
// much capacity is unavailable meanwhile? (issue 7)
//
// Run it from the repository root after `mvn -B -DskipTests install` has built the runnable jar:
//
//   jshell --class-path examples/target/platformsim.jar examples/notebooks/rollout.jsh
//
// LeSP is made deterministic (fixed durations, no failures) so its figures can be checked by
// hand; KuSP runs with its upstream defaults. Every number printed is computed by the simulation.

import io.platformsim.core.engine.*;
import io.platformsim.core.experiment.*;
import io.platformsim.core.kusp.*;
import io.platformsim.core.lesp.*;
import io.platformsim.core.platform.*;
import io.platformsim.core.workload.*;
import java.time.Duration;
import java.util.*;

// 1. One service: zebra with 8 instances (2 CPU / 4 GiB, a 150 MB artifact, 45 s start-up,
//    15 s health check).
Service zebra = DefaultScenario.zebra().withInstances(8);

// 2. LeSP, deterministic: no pending time, boot 30 s, converge 5 min (never failing), bake
//    10 min; the default deploy steps (drain 30 s, extract 5 s, fetch at 100 MB/s); app
//    releases roll 25% of the pool at a time; base-image changes replace 25% at a time.
LespConfig lesp = LespConfig.builder().
    pending(DurationDistribution.fixed(0)).
    boot(DurationDistribution.fixed(30_000)).
    configManagement(ConfigManagement.DEFAULT.withConverge(DurationDistribution.fixed(300_000)).withFailures(0, 1)).
    bake(DurationDistribution.fixed(600_000)).
    build();

// 3. The scenario: an app release at 1 h, a base-image change at 2 h, 4 h in all.
Scenario s = Scenario.builder("rollouts").
    service(zebra).
    lesp(lesp).
    kusp(Scenario.sized(KuspConfig.builder().build(), Workload.of(zebra))).
    release(Duration.ofHours(1), "zebra", "2").
    baseImageChange(Duration.ofHours(2), "base-2").
    horizon(Duration.ofHours(4)).replications(2).seed(5).build();
ComparisonResult r = Comparison.run(s);

// 4. Rollout records of replication 0, one line each.
for (PlatformResult side : r.platforms()) {
    for (RolloutRecord ro : side.rollouts()) {
        System.out.println(side.label() + " " + ro);
    }
}

// 5. The figures: LeSP's app rollout is 4 batches of 2 machines, each machine drained, fetched,
//    extracted, restarted and checked; its image change bakes, then replaces 4 batches of new
//    machines (boot, converge, deploy) before the old ones go. KuSP rolls pods with
//    maxSurge 25% / maxUnavailable 25% and pulls only the changed layers.
RolloutRecord lespApp = r.lesp().rollouts().get(0);
RolloutRecord lespImage = r.lesp().rollouts().get(1);
RolloutRecord kuspApp = r.kusp().rollouts().get(0);
RolloutRecord kuspImage = r.kusp().rollouts().get(1);
System.out.println("lesp_app_rollout_seconds: " + lespApp.durationSeconds());
System.out.println("lesp_app_max_unavailable: " + lespApp.maxOutOfService());
System.out.println("lesp_app_unavailable_instance_seconds: " + lespApp.outOfServiceMillis() / 1000.0);
System.out.println("lesp_image_rollout_seconds: " + lespImage.durationSeconds());
System.out.println("lesp_image_max_unavailable: " + lespImage.maxOutOfService());
System.out.println("kusp_app_rollout_seconds: " + kuspApp.durationSeconds());
System.out.println("kusp_app_max_unavailable: " + kuspApp.maxOutOfService());
System.out.println("kusp_image_rollout_seconds: " + kuspImage.durationSeconds());
System.out.println("kusp_image_max_unavailable: " + kuspImage.maxOutOfService());

// 6. The whole comparison table for this scenario.
System.out.println(r);
/exit
