/**
 * JMH benchmarks. Each benchmark runs its baseline in the same run (the engine queue against
 * {@link java.util.PriorityQueue}, fast placement against the full-scan reference), so a result
 * table always carries its own point of comparison. Build with {@code mvn -pl benchmarks -am
 * package} and run {@code java -jar benchmarks/target/benchmarks.jar}.
 */
package io.platformsim.benchmarks;
