/**
 * Multi-resource bin packing, the performance-critical core of platformsim: resource vectors, node
 * state laid out for hot loops, kube-scheduler filters and scorers, online placement with a
 * full-scan reference implementation beside every fast path, preemption, and offline packing with
 * lower bounds.
 *
 * <p>Online placement follows <b>Kubernetes v1.31</b> for every formula and default (scores,
 * weights, percentageOfNodesToScore, system default spread constraints, preemption). v1.31 is
 * pinned because later releases change what the simulator models: BalancedAllocation skips
 * BestEffort pods from v1.33 (kubernetes/kubernetes PR #130260) and is reworked again later, and
 * the node monitor grace period changes in v1.32. Each formula cites its upstream file.
 *
 * <p>Sub-packages: {@code resource} (dimensions, vectors, quantities), {@code cluster} (node specs,
 * taints), {@code pod} (pod spec and constraints), {@code state} (the array-based node table),
 * {@code framework} (plugin contracts, profiles), {@code plugins} (reference plugins), {@code
 * placement} (reference and fast schedulers, policies), {@code preemption}, and {@code packing}
 * (offline packing).
 *
 * <p>Depends on Guava and the JDK only. It has no simulation clock and must not depend on {@code
 * io.platformsim.core} or {@code io.platformsim.identity}.
 */
package io.platformsim.scheduler;
