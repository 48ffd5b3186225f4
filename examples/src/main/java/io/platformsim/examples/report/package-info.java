/**
 * Charts of a comparison as PNG files, drawn with JFreeChart: utilization over time for both
 * platforms, machines over time, and a rollout timeline. Reads only
 * {@code io.platformsim.core.experiment} results; the text and CSV reports live in core
 * ({@code ComparisonReport}) so the library has no chart dependency. Must not depend on the
 * command-line package.
 */
package io.platformsim.examples.report;
