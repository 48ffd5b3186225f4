/**
 * From imported parts to a scenario: {@link io.platformsim.fleet.scenario.FleetImport} pairs the
 * workloads read from Kubernetes manifests with the services of a legacy inventory (by name, after
 * {@link io.platformsim.fleet.scenario.ServiceRenames}), derives the missing side of a service
 * present on one side only, applies usage data, and assembles a {@link
 * io.platformsim.core.experiment.Scenario} with a default timeline; {@link
 * io.platformsim.fleet.scenario.ImportedFleet} carries it with where each service came from and
 * writes it as commented YAML.
 *
 * <p>Uses the fleet readers (manifests, inventory, usage) and core's scenario model (experiment,
 * workload, kusp, lesp, platform, yaml); never the command line.
 */
package io.platformsim.fleet.scenario;
