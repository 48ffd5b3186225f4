/**
 * Offline bin packing for capacity planning: how many nodes of one shape a set of requests needs.
 *
 * <p>Holds the instance ({@link io.platformsim.scheduler.packing.PackingInstance}: item vectors and
 * one bin capacity, plain {@code long}s), the heuristics (first, best, worst and next fit, in the
 * given order or decreasing by a {@link io.platformsim.scheduler.packing.SizeMeasure}), minimum bin
 * slack ({@link io.platformsim.scheduler.packing.MinimumBinSlack}), an improvement step that tries
 * to empty bins ({@link io.platformsim.scheduler.packing.BinEmptying}), the lower bounds ({@link
 * io.platformsim.scheduler.packing.LowerBound}: volume bound L1 and Martello–Toth L2), a registry
 * of the algorithms by name ({@link
 * io.platformsim.scheduler.packing.PackingAlgorithm#named(String)}) and readers for the BPPLIB and
 * VBP file formats ({@link io.platformsim.scheduler.packing.PackingFiles}).
 *
 * <p>Every answer is a {@link io.platformsim.scheduler.packing.PackingResult} that reports its
 * lower bound and gap, so a caller always knows how far from optimal it may be. All algorithms are
 * deterministic: the same instance gives the same result, bit for bit.
 *
 * <p>Depends on the JDK only. It must not depend on the online-placement code in the rest of {@code
 * io.platformsim.scheduler} (which may change independently), nor on {@code io.platformsim.core} or
 * {@code io.platformsim.identity}.
 */
package io.platformsim.scheduler.packing;
