package io.platformsim.examples;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.platformsim.core.engine.Estimate;
import io.platformsim.identity.IdentityMetrics;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dependency rules of platformsim, checked over the compiled main classes of every library
 * module (this module's test class path holds scheduler, identity and core; benchmarks is seen only
 * as a dependency target). Each rule is the one the named package's {@code package-info.java} or
 * DESIGN.md states, and its name is in the failure message.
 *
 * <p>Run it in the reactor ({@code mvn -pl examples -am test -Dtest=ArchitectureTest}) so the other
 * modules' classes are this build's, not a stale snapshot from the local repository.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

  private static final String ROOT = "io.platformsim";
  private static final String SCHEDULER = ROOT + ".scheduler";
  private static final String IDENTITY = ROOT + ".identity";
  private static final String CORE = ROOT + ".core";
  private static final String ENGINE = CORE + ".engine";
  private static final String WORKLOAD = CORE + ".workload";
  private static final String PLATFORM = CORE + ".platform";
  private static final String LESP = CORE + ".lesp";
  private static final String KUSP = CORE + ".kusp";
  private static final String EXPERIMENT = CORE + ".experiment";
  private static final String YAML = CORE + ".yaml";
  private static final String OUTPUT = CORE + ".output";
  private static final String FLEET = ROOT + ".fleet";
  private static final String EXAMPLES = ROOT + ".examples";
  private static final String BENCHMARKS = ROOT + ".benchmarks";

  private static final String JDK = "java..";
  private static final String GUAVA = "com.google.common..";
  private static final String COMMONS_MATH = "org.apache.commons.math3..";

  /** Main classes only: a test may reach across packages that its code under test may not. */
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  /** A rule with the sentence it enforces; the sentence names the test and leads its message. */
  record NamedRule(String name, ArchRule rule) {
    NamedRule {
      rule = rule.as(name);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @Test
  void importsEveryLibraryModule() {
    // Without this a missing module would make every rule below pass on nothing.
    for (String module :
        new String[] {
          SCHEDULER,
          IDENTITY,
          ENGINE,
          WORKLOAD,
          PLATFORM,
          LESP,
          KUSP,
          EXPERIMENT,
          YAML,
          FLEET,
          EXAMPLES
        }) {
      assertTrue(
          classes.stream().anyMatch(c -> c.getPackageName().startsWith(module)),
          "no class of " + module + " on the test class path");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("moduleRules")
  void moduleRule(NamedRule rule) {
    rule.rule().check(classes);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packageRules")
  void packageRule(NamedRule rule) {
    rule.rule().check(classes);
  }

  @Test
  void testPlatformUsesOnlyThePlatformContract() {
    // A test package, so it is imported on its own: the main-class rules above skip tests.
    JavaClasses testPlatform = new ClassFileImporter().importPackages(EXAMPLES + ".baremetal");
    only(
            "examples.baremetal (test platform): platform, workload, engine and identity only, never "
                + "lesp, kusp or experiment",
            EXAMPLES + ".baremetal",
            PLATFORM,
            WORKLOAD,
            ENGINE,
            IDENTITY)
        .rule()
        .check(testPlatform);
  }

  @Test
  void noPackageCycles() {
    slices()
        .matching(ROOT + ".(**)")
        .should()
        .beFreeOfCycles()
        .as("no package cycles among io.platformsim packages (DESIGN.md: data flows one way)")
        .check(classes);
  }

  /**
   * Between modules (DESIGN.md) and between the core packages that the platforms share or drive.
   */
  static Stream<NamedRule> moduleRules() {
    return Stream.of(
        never(
            "core.lesp never imports core.kusp (the two platforms never import each other)",
            LESP,
            KUSP),
        never(
            "core.kusp never imports core.lesp (the two platforms never import each other)",
            KUSP,
            LESP),
        never("core.lesp never imports core.experiment", LESP, EXPERIMENT),
        never("core.kusp never imports core.experiment", KUSP, EXPERIMENT),
        never(
            "core.platform imports neither core.lesp, core.kusp nor core.experiment",
            PLATFORM,
            LESP,
            KUSP,
            EXPERIMENT),
        never(
            "scheduler never imports core, identity, examples or benchmarks",
            SCHEDULER,
            CORE,
            IDENTITY,
            EXAMPLES,
            BENCHMARKS),
        never(
            "identity never imports core, scheduler, examples or benchmarks",
            IDENTITY,
            CORE,
            SCHEDULER,
            EXAMPLES,
            BENCHMARKS),
        never(
            "core never imports fleet, examples or benchmarks", CORE, FLEET, EXAMPLES, BENCHMARKS),
        never("fleet never imports examples or benchmarks", FLEET, EXAMPLES, BENCHMARKS),
        new NamedRule(
            "only fleet reads Kubernetes manifests: fabric8's model classes nowhere else",
            noClasses()
                .that()
                .resideOutsideOfPackage(FLEET + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.fabric8..")),
        new NamedRule(
            "nothing in core but core.experiment imports core.experiment",
            noClasses()
                .that()
                .resideInAPackage(CORE + "..")
                .and()
                .resideOutsideOfPackage(EXPERIMENT + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(EXPERIMENT + "..")),
        new NamedRule(
            "core draws no charts: no chart library (org.jfree) in core",
            noClasses()
                .that()
                .resideInAPackage(CORE + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.jfree..")),
        new NamedRule(
            "nothing imports benchmarks",
            noClasses()
                .that()
                .resideOutsideOfPackage(BENCHMARKS + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BENCHMARKS + "..")));
  }

  /**
   * What each package-info.java says its package may and must not depend on, package by package.
   */
  static Stream<NamedRule> packageRules() {
    return Stream.of(
        // scheduler
        onlyWithLibraries("scheduler: Guava and the JDK only", SCHEDULER, JDK, GUAVA),
        onlyWithLibraries(
            "scheduler.resource: the JDK only, no other scheduler package",
            SCHEDULER + ".resource",
            JDK),
        only("scheduler.cluster: resource only", SCHEDULER + ".cluster", SCHEDULER + ".resource"),
        only(
            "scheduler.pod: resource and cluster only",
            SCHEDULER + ".pod",
            SCHEDULER + ".resource",
            SCHEDULER + ".cluster"),
        only(
            "scheduler.state: resource, cluster and pod only",
            SCHEDULER + ".state",
            SCHEDULER + ".resource",
            SCHEDULER + ".cluster",
            SCHEDULER + ".pod"),
        only(
            "scheduler.framework: resource, cluster, pod and state only",
            SCHEDULER + ".framework",
            SCHEDULER + ".resource",
            SCHEDULER + ".cluster",
            SCHEDULER + ".pod",
            SCHEDULER + ".state"),
        only(
            "scheduler.plugins: resource, cluster, pod, state and framework only",
            SCHEDULER + ".plugins",
            SCHEDULER + ".resource",
            SCHEDULER + ".cluster",
            SCHEDULER + ".pod",
            SCHEDULER + ".state",
            SCHEDULER + ".framework"),
        never(
            "scheduler.placement: every scheduler package but packing",
            SCHEDULER + ".placement",
            SCHEDULER + ".packing"),
        only(
            "scheduler.preemption: pod, state and framework only (never placement or packing)",
            SCHEDULER + ".preemption",
            SCHEDULER + ".pod",
            SCHEDULER + ".state",
            SCHEDULER + ".framework"),
        onlyWithLibraries(
            "scheduler.packing: the JDK only, no online-placement package",
            SCHEDULER + ".packing",
            JDK),
        onlyWithLibraries(
            "scheduler.queue: the JDK only, no other scheduler package", SCHEDULER + ".queue", JDK),
        only(
            "scheduler.simulator: state, framework, placement, cluster, resource and pod only",
            SCHEDULER + ".simulator",
            SCHEDULER + ".state",
            SCHEDULER + ".framework",
            SCHEDULER + ".placement",
            SCHEDULER + ".cluster",
            SCHEDULER + ".resource",
            SCHEDULER + ".pod"),
        // identity
        onlyWithLibraries("identity: Guava and the JDK only", IDENTITY, JDK, GUAVA),
        onlyWithLibraries(
            "identity.access: Guava and the JDK only, no other identity sub-package",
            IDENTITY + ".access",
            JDK,
            GUAVA),
        onlyWithLibraries(
            "identity.cert: the JDK only, no other identity sub-package", IDENTITY + ".cert", JDK),
        onlyWithLibraries(
            "identity.ipam: Guava and the JDK only, no other identity sub-package",
            IDENTITY + ".ipam",
            JDK,
            GUAVA),
        // core
        onlyWithLibraries(
            "core.engine: no other io.platformsim package; the JDK and Commons Math only",
            ENGINE,
            JDK,
            COMMONS_MATH),
        never(
            "core.workload: platform-neutral, never lesp, kusp, engine or the scheduler module",
            WORKLOAD,
            LESP,
            KUSP,
            ENGINE,
            SCHEDULER),
        new NamedRule(
            "core.platform: workload and identity's IdentityMetrics only",
            classes()
                .that()
                .resideInAPackage(PLATFORM + "..")
                .should()
                .onlyDependOnClassesThat(
                    outsidePlatformsim()
                        .or(resideInAnyPackage(PLATFORM + "..", WORKLOAD + ".."))
                        .or(type(IdentityMetrics.class)))),
        only(
            "core.lesp: engine, workload, platform and identity only (never kusp, experiment, "
                + "scheduler)",
            LESP,
            ENGINE,
            WORKLOAD,
            PLATFORM,
            IDENTITY),
        only(
            "core.kusp: engine, workload, platform, scheduler and identity only (never lesp or "
                + "experiment)",
            KUSP,
            ENGINE,
            WORKLOAD,
            PLATFORM,
            SCHEDULER,
            IDENTITY),
        only(
            "core.kusp.autoscaling: nothing else in this project (never engine, lesp or "
                + "experiment)",
            KUSP + ".autoscaling"),
        only(
            "core.kusp.nodelifecycle: nothing else in this project (never engine, lesp or "
                + "experiment)",
            KUSP + ".nodelifecycle"),
        only(
            "core.kusp.deployment: nothing else in this project (never kusp, engine, lesp or "
                + "experiment)",
            KUSP + ".deployment"),
        only(
            "core.experiment: engine, workload, platform, lesp, kusp, yaml, identity, output and "
                + "the scheduler's quantities and pod placement terms (a Deployment's affinity and "
                + "spread, read and written as they are) only",
            EXPERIMENT,
            ENGINE,
            WORKLOAD,
            PLATFORM,
            LESP,
            KUSP,
            YAML,
            IDENTITY,
            SCHEDULER + ".resource",
            OUTPUT,
            SCHEDULER + ".pod"),
        new NamedRule(
            "core.experiment: only the scenario's configuration, its readers and writers, its size "
                + "(ScenarioMemory), the sweeps that vary it, NodeSelection and LespFactory/KuspFactory/RightSizedKuspFactory name lesp and kusp, and MigrationAddressing (it compares LeSP's network with KuSP's pod addressing), PartialFleet (a migration's KuSP cluster sized for the services on it) (the rest drives "
                + "the Platform contract)",
            noClasses()
                .that()
                .resideInAPackage(EXPERIMENT + "..")
                .and()
                .haveNameNotMatching(
                    EXPERIMENT.replace(".", "\\.")
                        + "\\.(Scenario|ScenarioChecks|DefaultScenario|ScenarioFile|ScenarioMemory|\\w+Reader|\\w+Writer|Sweep|LespFactory|KuspFactory|NodeSelection|RightSizedKuspFactory|(migration\\.)?MigrationAddressing|PartialFleet)"
                        + "(\\$.*)?")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(LESP + "..", KUSP + "..")),
        never(
            "core.experiment.migration: never lesp or kusp directly (the platforms come through "
                + "PlatformRegistry and the Platform contract)",
            EXPERIMENT + ".migration",
            LESP,
            KUSP),
        onlyWithLibraries(
            "core.yaml: SnakeYAML Engine and the JDK only, no other core package",
            YAML,
            JDK,
            "org.snakeyaml.engine.."),
        onlyWithLibraries(
            "core.output: the JDK only, no other io.platformsim package", OUTPUT, JDK),
        // examples
        new NamedRule(
            "examples.report: experiment results, the platform and workload values and the"
                + " Estimates (means and intervals, engine) they carry, and core.output to write"
                + " its files, only (never cli)",
            classes()
                .that()
                .resideInAPackage(EXAMPLES + ".report..")
                .should()
                .onlyDependOnClassesThat(
                    outsidePlatformsim()
                        .or(
                            resideInAnyPackage(
                                subtrees(
                                    EXAMPLES + ".report", EXPERIMENT, PLATFORM, WORKLOAD, OUTPUT)))
                        .or(type(Estimate.class)))),
        new NamedRule(
            "examples.cli: nothing outside cli imports it",
            noClasses()
                .that()
                .resideOutsideOfPackage(EXAMPLES + ".cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(EXAMPLES + ".cli..")),
        only(
            "fleet.inventory: lesp, workload and yaml only (never experiment, kusp or engine)",
            FLEET + ".inventory",
            LESP,
            WORKLOAD,
            YAML),
        onlyWithLibraries(
            "fleet.usage: workload and the JDK only (usage in, right-sizing out; no simulation)",
            FLEET + ".usage",
            WORKLOAD,
            JDK),
        only(
            "fleet.manifests: workload and scheduler.pod only (never engine, platforms, experiment or"
                + " the rest of the scheduler)",
            FLEET + ".manifests",
            WORKLOAD,
            SCHEDULER + ".pod"),
        only(
            "fleet.scenario: the fleet readers and the scenario model (never the command line)",
            FLEET + ".scenario",
            FLEET + ".manifests",
            FLEET + ".inventory",
            FLEET + ".usage",
            EXPERIMENT,
            WORKLOAD,
            KUSP,
            LESP,
            PLATFORM,
            YAML,
            SCHEDULER + ".pod"),
        only(
            "fleet.plan: the imported workloads, a node's room as KuSP defines it, instance types"
                + " and the packing (never experiment, the engine or the command line)",
            FLEET + ".plan",
            FLEET + ".manifests",
            KUSP,
            LESP,
            WORKLOAD,
            SCHEDULER + ".packing"));
  }

  /** Classes of {@code pkg} depend on no class of the {@code forbidden} packages. */
  private static NamedRule never(String name, String pkg, String... forbidden) {
    return new NamedRule(
        name,
        noClasses()
            .that()
            .resideInAPackage(pkg + "..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(subtrees(forbidden)));
  }

  /** Within io.platformsim, classes of {@code pkg} use only {@code pkg} and {@code allowed}. */
  private static NamedRule only(String name, String pkg, String... allowed) {
    return new NamedRule(
        name,
        classes()
            .that()
            .resideInAPackage(pkg + "..")
            .should()
            .onlyDependOnClassesThat(
                outsidePlatformsim().or(resideInAnyPackage(subtrees(pkg, allowed)))));
  }

  /** Classes of {@code pkg} use only {@code pkg} and the listed library packages, nothing else. */
  private static NamedRule onlyWithLibraries(String name, String pkg, String... libraries) {
    return new NamedRule(
        name,
        classes()
            .that()
            .resideInAPackage(pkg + "..")
            .should()
            .onlyDependOnClassesThat(resideInAnyPackage(subtrees(pkg, libraries))));
  }

  private static DescribedPredicate<JavaClass> outsidePlatformsim() {
    return resideOutsideOfPackage(ROOT + "..");
  }

  /** Package patterns for the given packages and their sub-packages ("a.b" becomes "a.b.."). */
  private static String[] subtrees(String first, String... more) {
    return subtrees(Stream.concat(Stream.of(first), Arrays.stream(more)).toArray(String[]::new));
  }

  private static String[] subtrees(String[] packages) {
    return Arrays.stream(packages).map(p -> p.endsWith("..") ? p : p + "..").toArray(String[]::new);
  }
}
