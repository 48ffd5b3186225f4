/**
 * JMH benchmarks. Each benchmark runs its baseline in the same run (the engine queue against {@link
 * java.util.PriorityQueue}, fast placement against the full-scan reference, the manifest import
 * against SnakeYAML Engine parsing alone), so a result table always carries its own point of
 * comparison. Build with {@code mvn -pl benchmarks -am package} and run {@code java -jar
 * benchmarks/target/benchmarks.jar}.
 *
 * <p>Depends on the library modules ({@code io.platformsim.core}, {@code io.platformsim.scheduler},
 * {@code io.platformsim.identity}, {@code io.platformsim.fleet}), SnakeYAML Engine and JMH; nothing
 * depends on it (no library or example code imports a benchmark).
 */
package io.platformsim.benchmarks;
