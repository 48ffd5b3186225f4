/**
 * How many nodes of a given instance type hold a set of imported workloads ({@link
 * io.platformsim.fleet.plan.NodePlan}): the static question open-simulator and cluster-capacity
 * answer, answered with the scheduler module's offline packing and its lower bound, so the gap to
 * the optimum is proven. {@code platformsim plan} prints it; notebooks call it directly.
 *
 * <p>Depends on fleet.manifests (the workloads), core.kusp (a node's allocatable room, one rule
 * with the simulation), core.lesp (instance types), core.workload and the scheduler's packing
 * package; never on core.experiment, the engine or the command line.
 */
package io.platformsim.fleet.plan;
