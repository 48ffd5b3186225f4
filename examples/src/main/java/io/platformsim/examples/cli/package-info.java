/**
 * The {@code platformsim} command-line entry and its subcommands. Commands parse and validate their
 * arguments, call the library and print; they hold no model logic of their own.
 *
 * <p>The top of the dependency graph: it may use every library module and {@code
 * io.platformsim.examples.report}, and no other package may depend on it.
 */
package io.platformsim.examples.cli;
