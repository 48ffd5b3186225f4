/**
 * A trivial third platform used by tests to show that a platform registered by name runs in a
 * comparison and its reports with no change to {@code io.platformsim.core.experiment}. Depends only
 * on the {@code core.platform} contract, {@code core.workload}, {@code core.engine} and the
 * identity value types; never on {@code core.lesp}, {@code core.kusp} or the experiment package.
 */
package io.platformsim.examples.baremetal;
