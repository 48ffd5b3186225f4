// migration.jsh: which order of services makes a LeSP -> KuSP migration cheaper? (issue 18)
//
// Run it from the repository root after `mvn -B -DskipTests install` has built the runnable jar:
//
//   jshell --class-path examples/target/platformsim.jar examples/notebooks/migration.jsh
//
// Six services of 2 to 12 instances move in 2 waves, once smallest first and once largest first,
// with the same plan otherwise. Each run is 2 replications of a 4-month migration: the months are
// not simulated minute by minute, only each distinct state once in steady state, so this takes
// seconds. Every number printed is computed by the library, not written in here.

import io.platformsim.core.engine.*;
import io.platformsim.core.experiment.*;
import io.platformsim.core.experiment.migration.*;
import io.platformsim.core.workload.*;
import java.time.*;
import java.util.*;

// 1. The fleet: six services; a to f have 2, 3, 4, 6, 8 and 12 instances.
Scenario scenario = ScenarioFile.parse("""
    name: six-services
    seed: 18
    replications: 2
    horizon: 1h
    services:
      - {name: a, instances: 2, request: {cpu: 500m, memory: 1Gi}, usage: {cpu: 125m, memory: 256Mi}}
      - {name: b, instances: 3, request: {cpu: 1000m, memory: 2Gi}, usage: {cpu: 250m, memory: 512Mi}}
      - {name: c, instances: 4, request: {cpu: 500m, memory: 1Gi}, usage: {cpu: 125m, memory: 256Mi}}
      - {name: d, instances: 6, request: {cpu: 1000m, memory: 2Gi}, usage: {cpu: 250m, memory: 512Mi}}
      - {name: e, instances: 8, request: {cpu: 500m, memory: 1Gi}, usage: {cpu: 125m, memory: 256Mi}}
      - {name: f, instances: 12, request: {cpu: 1000m, memory: 2Gi}, usage: {cpu: 250m, memory: 512Mi}}
    """, "six-services");
List<Service> services = scenario.workload().services();

// 2. The plan: the built-in one (readiness, traffic steps 1% -> 10% -> 50% -> 100% over a week,
//    7 days of bake) but 2 waves 14 days apart, a readiness of exactly 2 days and 4 months reported.
MigrationPlan plan(String ordering) {
  return MigrationPlan.builder().
      ordering(ordering, 2).
      readiness(new DurationDistribution.Fixed(Duration.ofDays(2).toMillis())).
      horizon(Duration.ofDays(120)).
      build();
}

String estimate(Estimate e, String format) {
  if (e == null) {
    return "never";
  }
  return String.format(Locale.ROOT, format, e.mean()) + " ± " + String.format(Locale.ROOT, format, e.halfWidth());
}

// 3. Both orderings: the waves they make, then the migration's figures.
Map<String, MigrationResult> results = new LinkedHashMap<>();
for (String ordering : List.of("smallest-first", "largest-first")) {
  MigrationPlan p = plan(ordering);
  MigrationResult r = Migration.run(scenario, p);
  results.put(ordering, r);
  MonthRow last = r.months().get(r.months().size() - 1);
  StringBuilder perMonth = new StringBuilder();
  for (MonthRow m : r.months()) {
    double n = m.servicesOnLesp().mean() + m.servicesDual().mean() + m.servicesOnKusp().mean();
    perMonth.append(perMonth.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f", n));
  }
  System.out.println(ordering + "_waves: " + p.waves(services));
  System.out.println(ordering + "_break_even_month: " + estimate(r.breakEvenMonth(), "%.2f") + (r.neverBrokeEven() > 0 ? " (" + r.neverBrokeEven() + " never)" : ""));
  System.out.println(ordering + "_total_migration_cost_usd: " + estimate(r.totalMigrationCostUsd(), "%.0f"));
  System.out.println(ordering + "_peak_overlap_cost_per_hour: " + estimate(r.peakOverlapCostPerHour(), "%.2f"));
  System.out.println(ordering + "_end_cost_per_hour: " + estimate(last.totalCostPerHour(), "%.4f"));
  System.out.println(ordering + "_services_per_month: " + perMonth);
}

// 4. Which ordering cost less to move (total migration cost: what was paid beyond staying on LeSP
//    until the last LeSP pool was drained)?
double small = results.get("smallest-first").totalMigrationCostUsd().mean();
double large = results.get("largest-first").totalMigrationCostUsd().mean();
System.out.println("cheaper_ordering: " + (small <= large ? "smallest-first" : "largest-first"));

// The month table of the smallest-first run, for the reader.
System.out.println(results.get("smallest-first"));
/exit
