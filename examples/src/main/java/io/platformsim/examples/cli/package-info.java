/**
 * The {@code platformsim} command-line entry and its subcommands. Commands parse and validate
 * their arguments, call the library and print; they hold no model logic of their own.
 */
package io.platformsim.examples.cli;
