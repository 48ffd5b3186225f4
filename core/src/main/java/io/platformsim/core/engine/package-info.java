/**
 * The discrete-event engine every simulation runs on: integer simulated time, an event queue
 * built for speed with cancellable handles, named random streams from one master seed, duration
 * distributions in the terms planners use, and statistics (tallies, time-weighted averages,
 * replications with confidence intervals).
 *
 * <p>Knows nothing of platforms, services or scheduling: it must not depend on any other
 * {@code io.platformsim} package. Depends on Guava and Commons Math.
 */
package io.platformsim.core.engine;
