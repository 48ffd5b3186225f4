/**
 * Multi-resource bin packing, the performance-critical core of platformsim: resource vectors,
 * node state laid out for hot loops, kube-scheduler filters and scorers, online placement with a
 * full-scan reference implementation beside every fast path, and offline packing with lower
 * bounds.
 *
 * <p>Depends on Guava and the JDK only. It has no simulation clock and must not depend on
 * {@code io.platformsim.core} or {@code io.platformsim.identity}.
 */
package io.platformsim.scheduler;
