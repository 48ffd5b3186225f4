/**
 * Reference filters and scorers: plain, obviously-correct implementations of the kube-scheduler
 * v1.31 plugins (each class cites its upstream file) plus the packing policies (Tetris alignment).
 * They read the node table through its per-node accessors, never through the hot-loop views, so
 * they stay an independent oracle for the fast path.
 *
 * <p>Depends on {@code resource}, {@code cluster}, {@code pod}, {@code state} and {@code
 * framework}; must not depend on {@code placement}.
 */
package io.platformsim.scheduler.plugins;
