package io.platformsim.benchmarks;

import io.platformsim.fleet.manifests.ImportedWorkloads;
import io.platformsim.fleet.manifests.ManifestReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Importing generated manifests (issue 17, point 7: 10,000 workloads in at most 5 s), time per
 * whole import.
 *
 * <ul>
 *   <li>{@code importManifests}: {@code new ManifestReader().read(dir)}: walk, parse, fabric8 model
 *       mapping, LimitRange defaults, effective requests, placement, HPA/PDB attachment, services.
 *   <li>{@code parseOnly}: the baseline in the same run: the same files loaded with SnakeYAML
 *       Engine alone (every document into maps and lists), so the cost of the model mapping is the
 *       difference.
 * </ul>
 *
 * <p>The corpus ({@link ManifestCorpus}) is written to a temporary directory in setup, seed fixed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ManifestImportBenchmark {

  /** Workloads generated. */
  @Param({"10000"})
  public int workloads;

  private Path dir;
  private List<Path> files;

  /** Writes the corpus. */
  @Setup
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("platformsim-manifests");
    ManifestCorpus.write(dir, workloads, 17L);
    try (Stream<Path> s = Files.list(dir)) {
      files = s.sorted().toList();
    }
  }

  /** Deletes the corpus. */
  @TearDown
  public void tearDown() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The whole import. */
  @Benchmark
  public ImportedWorkloads importManifests() {
    return new ManifestReader().read(dir);
  }

  /** Baseline: SnakeYAML Engine loads every document of the same files, nothing more. */
  @Benchmark
  public int parseOnly() {
    int documents = 0;
    for (Path f : files) {
      Load load = new Load(LoadSettings.builder().setLabel(f.toString()).build());
      try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        for (Object doc : load.loadAllFromReader(r)) {
          if (doc != null) {
            documents++;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return documents;
  }
}
