/**
 * Output files written whole or not at all: {@link io.platformsim.core.output.OutputFiles} checks
 * an output directory before a run and writes a set of files to temporary names beside their
 * targets, then moves them into place, so a failed write never leaves a partial file or a partial
 * set behind.
 *
 * <p>Depends on the JDK only; must not depend on any other io.platformsim package (the scenario
 * writer, the CSV reports and the charts all use it).
 */
package io.platformsim.core.output;
