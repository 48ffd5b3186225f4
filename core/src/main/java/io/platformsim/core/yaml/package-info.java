/**
 * A small strict layer over the SnakeYAML Engine node tree for configuration files: a document is
 * composed (never constructed into Java objects), anchors and aliases are refused, and every
 * mapping is read through {@link io.platformsim.core.yaml.YamlMapping}, whose typed getters and
 * unknown-field check report one-line {@link io.platformsim.core.yaml.YamlFileException}s naming
 * file, line, field path and the bad value.
 *
 * <p>Depends on SnakeYAML Engine and the JDK only; must not depend on any other package of core
 * (the scenario schema lives in {@code io.platformsim.core.experiment}, which uses this one).
 */
package io.platformsim.core.yaml;
