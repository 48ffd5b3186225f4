/**
 * The node lifecycle controller's eviction arithmetic as pure functions over records, after k/k
 * v1.31 (github.com/kubernetes/kubernetes at release-1.31): zone states and the tainting rate each
 * state gets ({@code pkg/controller/nodelifecycle/node_lifecycle_controller.go}), the per-zone
 * token bucket ({@code pkg/controller/nodelifecycle/scheduler/rate_limited_queue.go} over
 * client-go's {@code flowcontrol} token bucket), the default NoExecute tolerations ({@code
 * plugin/pkg/admission/defaulttolerationseconds}) and the time a tainted node's pods keep ({@code
 * pkg/controller/tainteviction/taint_eviction.go getMinTolerationTime}).
 *
 * <p>Time is simulated milliseconds passed in by the caller; there is no wall clock and no mutable
 * state: a bucket or a zone table is a value and each step returns the next one.
 *
 * <p>Depends on nothing in this project. It must not depend on the simulation engine ({@code
 * io.platformsim.core.engine}), on {@code io.platformsim.core.lesp} or on {@code
 * io.platformsim.core.experiment}.
 */
package io.platformsim.core.kusp.nodelifecycle;
