/**
 * Experiments: a {@link io.platformsim.core.experiment.Scenario} (workload, LeSP and KuSP
 * configuration, a timeline of releases, load changes and failures, horizon, replications, seed)
 * built in Java or loaded from YAML ({@link io.platformsim.core.experiment.ScenarioFile}, with one
 * package-private reader per section on top of {@code io.platformsim.core.yaml}) and written back
 * in canonical form ({@link io.platformsim.core.experiment.ScenarioWriter}, one writer per
 * section); the {@link io.platformsim.core.experiment.Comparison} that runs it on every platform of
 * a {@link io.platformsim.core.experiment.PlatformRegistry} (by default {@code lesp} then {@code
 * kusp}, each made by a {@link io.platformsim.core.experiment.PlatformFactory}) with common random
 * numbers and parallel replications; its immutable {@link
 * io.platformsim.core.experiment.ComparisonResult} with 95% confidence intervals; parameter {@link
 * io.platformsim.core.experiment.Sweep sweeps}; and the text and CSV {@link
 * io.platformsim.core.experiment.ComparisonReport reports}, which list the platforms in registry
 * order with ratios over the first.
 *
 * <p>Data flows one way: scenario → a platform on a fresh simulation per replication, driven only
 * through the {@link io.platformsim.core.platform.Platform} contract → the platform's recorded
 * metrics → figures with confidence intervals → reports. This package may depend on {@code engine},
 * {@code workload}, {@code platform}, {@code lesp}, {@code kusp}, {@code yaml}, {@code output}
 * (files written all or none), the {@code identity} module and the {@code scheduler} module's
 * quantities; only the scenario's configuration, its readers, {@code ScenarioMemory} (its size in
 * pods and machines, for the heap preflight), {@code Sweep} (which varies that configuration),
 * {@code NodeSelection} (a service's node selector on both platforms) and the two standard
 * factories ({@code LespFactory}, {@code KuspFactory}) name {@code lesp} and {@code kusp}. Nothing
 * in {@code core} may depend on it. Chart rendering (a chart library) lives in the {@code examples}
 * module, not here.
 */
package io.platformsim.core.experiment;
