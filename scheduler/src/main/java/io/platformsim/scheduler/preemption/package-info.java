/**
 * Preemption for a pod that fits nowhere, following upstream DefaultPreemption (v1.31,
 * pkg/scheduler/framework/preemption/preemption.go and
 * pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go): candidate nodes,
 * minimal victims by reprieve, PodDisruptionBudgets (best effort) and the upstream node ranking. A
 * plain reference implementation only (preemption is the cold path).
 *
 * <p>Depends on {@code pod}, {@code state} and {@code framework}; must not depend on {@code
 * placement} or {@code packing}.
 */
package io.platformsim.scheduler.preemption;
