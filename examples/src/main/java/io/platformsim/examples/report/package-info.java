/**
 * Charts of a comparison as PNG files, drawn with JFreeChart: utilization over time for both
 * platforms, machines over time, and a rollout timeline. Reads only {@code
 * io.platformsim.core.experiment} results and the {@code core.platform} and {@code core.workload}
 * values they carry (rollout records, releases); the text and CSV reports live in core ({@code
 * ComparisonReport}) so the library has no chart dependency. Files are written with {@code
 * io.platformsim.core.output.OutputFiles} (all or none). Must not depend on any other {@code
 * io.platformsim} package, the command-line package included.
 */
package io.platformsim.examples.report;
